package org.cadre.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page: email and password, and a button per configured OpenID Connect provider. */
@Controller
class SignInController {

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    record Provider(String id, String name) {}

    @GetMapping("/sign-in")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(required = false) String expired,
            Model model) {
        if (error != null) {
            model.addAttribute(
                    "message",
                    switch (error) {
                        case "locked" ->
                            "Too many failed sign-ins. This account is locked for a while; try again later or ask an administrator.";
                        case "disabled" -> "This account has been deactivated. Ask your administrator.";
                        case "oidc" ->
                            "Your identity provider signed you in, but no active Cadre account uses that email address.";
                        default -> "The email or password is not right.";
                    });
        }
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        } else if (expired != null) {
            model.addAttribute("notice", "Your session ended. Please sign in again.");
        }
        model.addAttribute("providers", providers());
        return "sign-in";
    }

    private List<Provider> providers() {
        var repository = registrations.getIfAvailable();
        var providers = new ArrayList<Provider>();
        if (repository instanceof InMemoryClientRegistrationRepository inMemory) {
            for (ClientRegistration registration : inMemory) {
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return providers;
    }
}
