package org.cadre.platform.web;

import java.util.Comparator;
import java.util.List;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.NavigationContributor;
import org.cadre.shared.NavigationEntry;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person and the navigation their roles allow. */
@ControllerAdvice
class ShellAdvice {

    private final List<NavigationContributor> contributors;

    ShellAdvice(List<NavigationContributor> contributors) {
        this.contributors = contributors;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUsers.find().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation() {
        return CurrentUsers.find()
                .map(user -> contributors.stream()
                        .flatMap(c -> c.navigation().stream())
                        .filter(entry -> entry.visibleTo(user))
                        .sorted(Comparator.comparingInt(NavigationEntry::order))
                        .toList())
                .orElse(List.of());
    }
}
