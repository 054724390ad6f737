package org.cadre.identity;

import org.cadre.organization.StaffMembers;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in through an OpenID Connect provider (Google, Microsoft, Clever, ClassLink …): the provider vouches
 * for an email address, and Cadre signs in the active account with that email. A staff member on the roster
 * who has no account yet gets one on first sign-in; anyone else is refused.
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final Accounts accounts;
    private final StaffMembers staff;
    private final SignedInUsers users;

    OidcSignIn(Accounts accounts, StaffMembers staff, SignedInUsers users) {
        this.accounts = accounts;
        this.staff = staff;
        this.users = users;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) {
        var oidcUser = delegate.loadUser(request);
        var email = oidcUser.getEmail();
        if (email == null || email.isBlank()) {
            throw refused("no_email", "The identity provider did not share an email address");
        }
        if (Boolean.FALSE.equals(oidcUser.getEmailVerified())) {
            throw refused("email_not_verified", "The identity provider has not verified " + email);
        }
        var account = accounts.byEmail(email)
                .or(() -> staff.idByEmail(email).map(staffId -> {
                    var name = staff.nameOf(staffId).orElse(email);
                    long id = accounts.insert(email, name, null, staffId, false);
                    return accounts.byId(id).orElseThrow();
                }));
        var active = account.filter(Account::active)
                .orElseThrow(() -> refused("no_account", "No active Cadre account uses " + email));
        return new OidcAccountPrincipal(users.of(active), oidcUser);
    }

    private static OAuth2AuthenticationException refused(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }
}
