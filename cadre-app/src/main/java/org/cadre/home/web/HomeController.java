package org.cadre.home.web;

import org.cadre.audit.AuditEntries;
import org.cadre.organization.Directory;
import org.cadre.organization.DirectoryAccess;
import org.cadre.organization.SchoolYears;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after sign-in, shaped by role: administrators see the size of the network and recent
 * changes; campus leaders their campuses; a teacher their own profile and classes.
 */
@Controller
class HomeController {

    private final Directory directory;
    private final SchoolYears schoolYears;
    private final AuditEntries audit;

    HomeController(Directory directory, SchoolYears schoolYears, AuditEntries audit) {
        this.directory = directory;
        this.schoolYears = schoolYears;
        this.audit = audit;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("schoolYear", schoolYears.current().orElse(null));
        if (user.staffId() != null) {
            model.addAttribute("me", directory.profile(user, user.staffId()));
        }
        if (user.hasAny(AccessRole.DISTRICT_ADMIN, AccessRole.HR)) {
            model.addAttribute("counts", directory.counts());
        }
        if (user.isDistrictAdmin()) {
            model.addAttribute("recent", audit.recent(10));
        }
        var campuses = DirectoryAccess.campuses(user);
        if (campuses != null && !campuses.isEmpty()) {
            model.addAttribute(
                    "myCampuses",
                    directory.campuses().stream()
                            .filter(c -> campuses.contains(c.id()))
                            .toList());
        }
        return "home";
    }
}
