package org.cadre.organization;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.stereotype.Component;

/** Puts the campuses and the people directory in the navigation of those who may use them. */
@Component
class OrganizationNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry(10, "Campuses", "/campuses", Set.of()),
                new NavigationEntry(
                        20,
                        "People",
                        "/people",
                        Set.of(
                                AccessRole.DISTRICT_ADMIN,
                                AccessRole.HR,
                                AccessRole.CAMPUS_ADMIN,
                                AccessRole.APPRAISER,
                                AccessRole.COACH)));
    }
}
