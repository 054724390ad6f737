package org.cadre.shared;

import java.util.Set;

/**
 * A link in the main navigation, shown to people holding one of {@code roles} (everyone signed in, if empty).
 *
 * @param order position in the navigation, smaller first
 */
public record NavigationEntry(int order, String label, String path, Set<AccessRole> roles) {

    public boolean visibleTo(CurrentUser user) {
        return roles.isEmpty() || roles.stream().anyMatch(user::has);
    }
}
