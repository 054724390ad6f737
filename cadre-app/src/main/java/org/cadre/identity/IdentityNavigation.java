package org.cadre.identity;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.stereotype.Component;

/** Account administration for district administrators, and everyone's own API tokens. */
@Component
class IdentityNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry(95, "Accounts", "/admin/accounts", Set.of(AccessRole.DISTRICT_ADMIN)),
                new NavigationEntry(99, "API tokens", "/account/tokens", Set.of()));
    }
}
