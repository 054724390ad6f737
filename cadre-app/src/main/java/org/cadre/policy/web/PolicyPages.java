package org.cadre.policy.web;

import org.cadre.organization.SchoolYears;
import org.cadre.policy.InvalidPolicyException;
import org.cadre.policy.Policies;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The policy in force, for everyone; its versions, drafts and adoption, for district administrators. */
@Controller
class PolicyPages {

    private final Policies policies;
    private final SchoolYears schoolYears;

    PolicyPages(Policies policies, SchoolYears schoolYears) {
        this.policies = policies;
        this.schoolYears = schoolYears;
    }

    @GetMapping("/policy")
    String inForce(Model model) {
        model.addAttribute("policy", policies.inForceThisYear().orElse(null));
        return "policy/policy";
    }

    @GetMapping("/admin/policy")
    String versions(@RequestParam(required = false) Long year, Model model) {
        var years = schoolYears.all();
        var selected = year != null
                ? years.stream()
                        .filter(y -> y.id() == year)
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("School year", year))
                : schoolYears.current().orElse(years.isEmpty() ? null : years.getFirst());
        model.addAttribute("years", years);
        model.addAttribute("year", selected);
        if (selected != null) {
            var inForce = policies.inForce(selected.id());
            model.addAttribute("inForce", inForce);
            model.addAttribute("versions", policies.versions(selected.id()));
            if (!model.containsAttribute("text")) {
                model.addAttribute("text", inForce.sourceText());
            }
        }
        return "policy/admin";
    }

    @PostMapping("/admin/policy/drafts")
    String draft(
            @RequestParam long year,
            @RequestParam String text,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            var draft = policies.draft(CurrentUsers.require(), year, text, note);
            redirect.addFlashAttribute("message", "Draft v" + draft.version() + " saved. Adopt it to put it in force.");
            return "redirect:/admin/policy?year=" + year;
        } catch (InvalidPolicyException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("text", text);
            model.addAttribute("note", note);
            return versions(year, model);
        }
    }

    @PostMapping("/admin/policy/{id}/adopt")
    String adopt(@PathVariable long id, RedirectAttributes redirect) {
        var version = policies.version(id);
        try {
            policies.adopt(CurrentUsers.require(), id);
            redirect.addFlashAttribute(
                    "message", "Version " + version.version() + " is now in force for " + version.schoolYear() + ".");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/policy?year=" + version.schoolYearId();
    }
}
