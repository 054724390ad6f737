package org.cadre.organization.roster;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.stereotype.Component;

/** Puts rostering (imports, their history, export) in the navigation of district administrators. */
@Component
class RosterNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(90, "Roster", "/admin/roster", Set.of(AccessRole.DISTRICT_ADMIN)));
    }
}
