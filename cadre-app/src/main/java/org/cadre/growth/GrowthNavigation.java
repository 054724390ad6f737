package org.cadre.growth;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.stereotype.Component;

/** Puts growth in the navigation of those who have measures to see, and its administration for district administrators. */
@Component
class GrowthNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry(
                        40,
                        "Growth",
                        "/growth",
                        Set.of(
                                AccessRole.TEACHER,
                                AccessRole.APPRAISER,
                                AccessRole.CAMPUS_ADMIN,
                                AccessRole.HR,
                                AccessRole.DISTRICT_ADMIN)),
                new NavigationEntry(92, "Growth runs", "/admin/growth", Set.of(AccessRole.DISTRICT_ADMIN)));
    }
}
