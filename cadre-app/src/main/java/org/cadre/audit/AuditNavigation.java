package org.cadre.audit;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.stereotype.Component;

/** The audit trail is in the navigation of district administrators only. */
@Component
class AuditNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(90, "Audit trail", "/audit", Set.of(AccessRole.DISTRICT_ADMIN)));
    }
}
