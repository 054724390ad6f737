package org.cadre.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import org.cadre.identity.ApiTokens;
import org.cadre.identity.NewApiToken;
import org.cadre.shared.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own personal API tokens. A new token's secret is shown on the response to the form that created
 * it, never in a URL or a redirect, and never again.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenPages {

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenPages(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String tokens(Model model) {
        model.addAttribute("form", NewApiToken.blank());
        return list(model);
    }

    @PostMapping
    String issue(
            @Valid @ModelAttribute("form") NewApiToken form,
            BindingResult errors,
            HttpServletResponse response,
            Model model) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(model);
        }
        var issued = tokens.issue(CurrentUsers.require(), form.name(), form.days());
        // The secret is on this page only; no cache, proxy or back button may keep it.
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued);
        return "identity/token-created";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(CurrentUsers.require(), id);
        redirect.addFlashAttribute("notice", "Token revoked. Programs using it can no longer call the API.");
        return "redirect:/account/tokens";
    }

    private String list(Model model) {
        model.addAttribute("tokens", tokens.of(CurrentUsers.require().accountId()));
        model.addAttribute("now", clock.instant());
        return "identity/tokens";
    }
}
