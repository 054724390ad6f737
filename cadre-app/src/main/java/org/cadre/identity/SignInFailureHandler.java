package org.cadre.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed password sign-in back to the sign-in page with the reason the page may show. A wrong password
 * and an unknown email read the same, so the page never tells which emails have accounts; the latter is also
 * counted against the client address.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private final Accounts accounts;
    private final ClientSignInThrottle throttle;

    SignInFailureHandler(Accounts accounts, ClientSignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof BadCredentialsException && !hasPasswordAccount(request.getParameter("email"))) {
            throttle.recordUnknownEmail(request.getRemoteAddr());
        }
        var reason = exception instanceof LockedException
                ? "locked"
                : exception instanceof DisabledException ? "disabled" : "bad";
        response.sendRedirect(request.getContextPath() + "/sign-in?error=" + reason);
    }

    private boolean hasPasswordAccount(String email) {
        return email != null
                && accounts.byEmail(email.strip()).filter(Account::hasPassword).isPresent();
    }
}
