package org.cadre.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST API calls that carry {@code Authorization: Bearer <personal API token>}. A token that is
 * unknown, revoked or expired, or whose account is inactive, is answered with 401 and a problem body.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final SignedInUsers users;
    private final ProblemAuthenticationEntryPoint entryPoint;

    BearerTokenFilter(
            ApiTokens tokens, Accounts accounts, SignedInUsers users, ProblemAuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.users = users;
        this.entryPoint = entryPoint;
    }

    static boolean carriesBearer(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        var secret = request.getHeader("Authorization").substring(7).strip();
        var account = tokens.accountFor(secret).flatMap(accounts::byId).filter(Account::active);
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.write(response, "The API token is unknown, revoked or expired");
            return;
        }
        var principal = new AccountPrincipal(users.of(account.get()), null, true, false);
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
