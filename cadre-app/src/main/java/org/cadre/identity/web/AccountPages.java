package org.cadre.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import org.cadre.identity.AccountAdministration;
import org.cadre.identity.NewAccount;
import org.cadre.identity.PasswordReset;
import org.cadre.shared.ConflictException;
import org.cadre.shared.CurrentUsers;
import org.cadre.shared.InvalidInputException;
import org.cadre.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account administration pages. A form with mistakes comes back with 400 and the fields marked; a change
 * made on a stale page comes back with 409 and a message, and changes nothing.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountPages {

    private static final int PAGE_SIZE = 25;

    private final AccountAdministration administration;
    private final Clock clock;

    AccountPages(AccountAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping
    String accounts(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var now = clock.instant();
        model.addAttribute("q", q);
        model.addAttribute(
                "results",
                administration
                        .search(CurrentUsers.require(), q, new PageRequest(page, PAGE_SIZE))
                        .map(account -> AccountView.of(account, now)));
        return htmx != null ? "identity/accounts :: results" : "identity/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("form", NewAccount.blank());
        return "identity/account-new";
    }

    @PostMapping
    String open(
            @Valid @ModelAttribute("form") NewAccount form,
            BindingResult errors,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/account-new";
        }
        try {
            var account = administration.open(CurrentUsers.require(), form);
            redirect.addFlashAttribute("notice", "Account " + account.email() + " opened.");
            return "redirect:/admin/accounts/" + account.id();
        } catch (InvalidInputException e) {
            errors.rejectValue(e.field(), "invalid", reasonOf(e));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return "identity/account-new";
    }

    @GetMapping("/{id}")
    String account(@PathVariable long id, Model model) {
        return show(id, model, false);
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @Valid @ModelAttribute("reset") PasswordReset reset,
            BindingResult errors,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, model, true);
        }
        try {
            administration.resetPassword(CurrentUsers.require(), id, reset);
        } catch (ConflictException e) {
            return conflict(id, e, response, model);
        }
        redirect.addFlashAttribute("notice", "Password reset. Tell the person by a channel other than email.");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(
            @PathVariable long id,
            @RequestParam int version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            administration.deactivate(CurrentUsers.require(), id, version);
        } catch (ConflictException e) {
            return conflict(id, e, response, model);
        }
        redirect.addFlashAttribute("notice", "Account deactivated. It can no longer sign in or use API tokens.");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(
            @PathVariable long id,
            @RequestParam int version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            administration.reactivate(CurrentUsers.require(), id, version);
        } catch (ConflictException e) {
            return conflict(id, e, response, model);
        }
        redirect.addFlashAttribute("notice", "Account reactivated.");
        return "redirect:/admin/accounts/" + id;
    }

    private String conflict(long id, ConflictException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("conflict", e.getMessage());
        return show(id, model, false);
    }

    /**
     * The account page with the current version in its forms, so that after a conflict the administrator decides
     * again on what is there now. A reset form with mistakes is kept, with its errors.
     */
    private String show(long id, Model model, boolean keepResetForm) {
        var account = administration.get(CurrentUsers.require(), id);
        model.addAttribute("account", AccountView.of(account, clock.instant()));
        if (!keepResetForm) {
            // Drop the binding of a posted form too, or the page would show the posted (stale) version again.
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "reset");
            model.addAttribute("reset", new PasswordReset(null, account.version()));
        }
        return "identity/account";
    }

    /** The reason without the field name that {@link InvalidInputException} puts before it. */
    private static String reasonOf(InvalidInputException e) {
        var prefix = e.field() + ": ";
        var message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
