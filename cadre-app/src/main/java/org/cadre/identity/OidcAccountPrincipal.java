package org.cadre.identity;

import org.cadre.shared.CadrePrincipal;
import org.cadre.shared.CurrentUser;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person signed in through an OpenID Connect provider and matched to their Cadre account by email. */
final class OidcAccountPrincipal extends DefaultOidcUser implements CadrePrincipal {

    private final CurrentUser user;

    OidcAccountPrincipal(CurrentUser user, OidcUser oidcUser) {
        super(AccountPrincipal.authoritiesOf(user), oidcUser.getIdToken(), oidcUser.getUserInfo(), "email");
        this.user = user;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public String getName() {
        return user.email();
    }
}
