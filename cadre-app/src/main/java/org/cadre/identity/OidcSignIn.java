package org.cadre.identity;

import org.cadre.audit.AuditTrail;
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
    private final AuditTrail audit;

    OidcSignIn(Accounts accounts, StaffMembers staff, SignedInUsers users, AuditTrail audit) {
        this.accounts = accounts;
        this.staff = staff;
        this.users = users;
        this.audit = audit;
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
                .or(() -> staff.idByEmail(email)
                        .map(staffId -> accounts.byStaff(staffId).orElseGet(() -> open(email, staffId, request))));
        var active = account.filter(Account::active)
                .orElseThrow(() -> refused("no_account", "No active Cadre account uses " + email));
        return new OidcAccountPrincipal(users.of(active), oidcUser);
    }

    /** The first sign-in of a rostered staff member opens their account, so nobody has to do it by hand. */
    private Account open(String email, long staffId, OidcUserRequest request) {
        var name = staff.nameOf(staffId).orElse(email);
        long id = accounts.insert(email, name, null, staffId, false);
        var created = accounts.byId(id).orElseThrow();
        audit.created(
                AccountAdministration.AUDIT_TYPE,
                id,
                null,
                "Account " + email + " opened on first sign-in through "
                        + request.getClientRegistration().getClientName(),
                created.auditState());
        return created;
    }

    private static OAuth2AuthenticationException refused(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }
}
