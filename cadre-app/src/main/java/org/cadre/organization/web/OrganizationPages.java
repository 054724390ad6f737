package org.cadre.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cadre.organization.Directory;
import org.cadre.organization.DirectoryAccess;
import org.cadre.organization.PeopleQuery;
import org.cadre.organization.StaffChange;
import org.cadre.organization.StaffRecords;
import org.cadre.organization.StaffSummary;
import org.cadre.shared.AccessRole;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.ForbiddenException;
import org.cadre.shared.HtmlRows;
import org.cadre.shared.NotFoundException;
import org.cadre.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the organisation: campuses, the people directory, profiles and class rosters. */
@Controller
class OrganizationPages {

    private static final int PAGE_SIZE = 25;

    private static final List<AccessRole> ROLES = List.of(AccessRole.values());

    /** The role filter's options for each choice of role (written once: the roles never change). */
    private static final Map<String, String> ROLE_OPTIONS;

    private static final String NO_ROLE = "";

    static {
        var options = new HashMap<String, String>();
        options.put(NO_ROLE, SelectOptions.html(ROLES, Enum::name, AccessRole::label, null));
        for (var role : ROLES) {
            options.put(role.name(), SelectOptions.html(ROLES, Enum::name, AccessRole::label, role));
        }
        ROLE_OPTIONS = Map.copyOf(options);
    }

    private final Directory directory;
    private final StaffRecords staffRecords;
    private final CampusOptions campusOptions;

    OrganizationPages(Directory directory, StaffRecords staffRecords, CampusOptions campusOptions) {
        this.directory = directory;
        this.staffRecords = staffRecords;
        this.campusOptions = campusOptions;
    }

    @GetMapping("/campuses")
    String campuses(Model model) {
        model.addAttribute("campuses", directory.campuses());
        return "organization/campuses";
    }

    @GetMapping("/campuses/{id}")
    String campus(@PathVariable long id, Model model) {
        var user = CurrentUsers.require();
        var campus = directory.campus(id).orElseThrow(() -> new NotFoundException("Campus", id));
        model.addAttribute("campus", campus);
        model.addAttribute("roleCounts", directory.roleCounts(id));
        model.addAttribute("mayBrowse", DirectoryAccess.mayBrowse(user) && inScope(user, id));
        if (DirectoryAccess.maySeeStudentsOf(user, id)) {
            model.addAttribute("students", directory.studentCount(id));
        }
        return "organization/campus";
    }

    @GetMapping("/people")
    String people(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long campus,
            @RequestParam(required = false) AccessRole role,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            Model model) {
        var user = CurrentUsers.require();
        var query = new PeopleQuery(q, campus, role, inactive);
        var results = directory.search(user, query, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        model.addAttribute("rows", peopleRows(results.items(), request.getContextPath() + "/people/"));
        if (htmx == null) {
            model.addAttribute(
                    "campusOptions", campusOptions.html(directory.campuses(), DirectoryAccess.campuses(user), campus));
            model.addAttribute("roleOptions", ROLE_OPTIONS.get(role == null ? NO_ROLE : role.name()));
        }
        return htmx != null ? "organization/people :: results" : "organization/people";
    }

    /** The directory's rows: name (linked to the profile, marked if they have left), employee id, email, roles. */
    static String peopleRows(List<StaffSummary> people, String personPage) {
        var rows = new HtmlRows(people.size());
        for (var p : people) {
            rows.row().cellStart().link(personPage + p.id(), p.familyName() + ", " + p.givenName());
            if (!p.active()) {
                rows.text(" ").span("badge inactive", "left");
            }
            rows.cellEnd().cell(p.employeeId()).cell(p.email()).cell(p.roles()).endRow();
        }
        return rows.toString();
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        var user = CurrentUsers.require();
        model.addAttribute("person", directory.profile(user, id));
        model.addAttribute("mayEdit", StaffRecords.mayEdit(user));
        return "organization/person";
    }

    @GetMapping("/people/{id}/edit")
    String editPerson(@PathVariable long id, Model model) {
        var user = CurrentUsers.require();
        if (!StaffRecords.mayEdit(user)) {
            throw new ForbiddenException("Only HR and district administrators may change staff details");
        }
        var person = directory.profile(user, id);
        model.addAttribute("person", person);
        model.addAttribute(
                "change",
                new StaffChange(
                        person.employeeId(), person.email(), person.payBand(), person.hireDate(), person.version()));
        return "organization/person-edit";
    }

    @PostMapping("/people/{id}")
    String savePerson(
            @PathVariable long id,
            @Valid @ModelAttribute("change") StaffChange change,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var user = CurrentUsers.require();
        var person = directory.profile(user, id);
        if (!StaffRecords.mayEdit(user)) {
            throw new ForbiddenException("Only HR and district administrators may change staff details");
        }
        if (errors.hasErrors()) {
            model.addAttribute("person", person);
            return "organization/person-edit";
        }
        try {
            staffRecords.correct(user, id, change);
        } catch (ConflictException e) {
            model.addAttribute("person", person);
            model.addAttribute("conflict", e.getMessage());
            return "organization/person-edit";
        }
        redirect.addFlashAttribute("saved", "Saved.");
        return "redirect:/people/" + id;
    }

    @GetMapping("/classes/{id}")
    String classRoster(@PathVariable long id, Model model) {
        model.addAttribute("roster", directory.classRoster(CurrentUsers.require(), id));
        return "organization/class";
    }

    private static boolean inScope(org.cadre.shared.CurrentUser user, long campusId) {
        var scope = DirectoryAccess.campuses(user);
        return scope == null || scope.contains(campusId);
    }
}
