package org.cadre.evaluation;

import java.util.List;
import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.stereotype.Component;

/** Teachers reach their own evaluation; appraisers and administrators their caseload. Coaches and HR do not. */
@Component
class EvaluationNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry(30, "My evaluation", "/evaluation", Set.of(AccessRole.TEACHER)),
                new NavigationEntry(
                        31,
                        "Evaluation",
                        "/evaluation/caseload",
                        Set.of(AccessRole.APPRAISER, AccessRole.CAMPUS_ADMIN, AccessRole.DISTRICT_ADMIN)));
    }
}
