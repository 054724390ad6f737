package org.cadre.policy;

import java.util.List;
import java.util.Set;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.stereotype.Component;

/** Everyone may read the rules they are measured by. */
@Component
class PolicyNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry(80, "Policy", "/policy", Set.of()));
    }
}
