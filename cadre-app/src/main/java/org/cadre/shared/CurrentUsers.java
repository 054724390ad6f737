package org.cadre.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Finds the signed-in person of the current request, if any. */
public final class CurrentUsers {

    public static Optional<CurrentUser> find() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CadrePrincipal principal) {
            return Optional.of(principal.currentUser());
        }
        return Optional.empty();
    }

    /** The signed-in person; only call where the security configuration guarantees one. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    private CurrentUsers() {}
}
