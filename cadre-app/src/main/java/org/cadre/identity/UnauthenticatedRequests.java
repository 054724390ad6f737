package org.cadre.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.session.InvalidSessionStrategy;

/**
 * What a request without a (valid) session gets, whatever its Accept header: the REST API a 401 problem, an
 * htmx request a 401 with {@code HX-Redirect} so that htmx sends the whole page to sign-in rather than swapping
 * the sign-in page into a fragment, and any other page request a redirect to the sign-in page.
 */
final class UnauthenticatedRequests implements AuthenticationEntryPoint, InvalidSessionStrategy {

    static final String SIGN_IN = "/sign-in";

    private final ProblemAuthenticationEntryPoint problems;
    private final DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();

    UnauthenticatedRequests(ProblemAuthenticationEntryPoint problems) {
        this.problems = problems;
    }

    /** No session at all: the sign-in page, plainly. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        answer(request, response, SIGN_IN);
    }

    /** A session cookie the server does not know (expired, or tampered with): the sign-in page says so. */
    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!SecurityConfiguration.isApi(request)) {
            // A fresh session, so that the sign-in form that follows has a CSRF token to post with.
            request.getSession(true);
        }
        answer(request, response, SIGN_IN + "?expired");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String signIn) throws IOException {
        if (SecurityConfiguration.isApi(request)) {
            problems.commence(request, response, null);
        } else if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("HX-Redirect", request.getContextPath() + signIn);
        } else {
            redirects.sendRedirect(request, response, signIn);
        }
    }
}
