package org.cadre.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses password sign-ins from a client address that has failed too often with unknown emails, before any
 * password is checked. The answer is the same as for a wrong password, so a prober learns nothing from it.
 */
final class ClientThrottleFilter extends OncePerRequestFilter {

    private final ClientSignInThrottle throttle;

    ClientThrottleFilter(ClientSignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/sign-in");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.refuses(request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + "/sign-in?error=bad");
            return;
        }
        chain.doFilter(request, response);
    }
}
