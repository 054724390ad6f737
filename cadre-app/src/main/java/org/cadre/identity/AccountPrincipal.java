package org.cadre.identity;

import java.util.Collection;
import java.util.List;
import org.cadre.shared.CadrePrincipal;
import org.cadre.shared.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with email and password (or an API token), with the roles they hold this year. */
final class AccountPrincipal implements UserDetails, CadrePrincipal {

    private final CurrentUser user;
    private final String passwordHash;
    private final boolean active;
    private final boolean locked;

    AccountPrincipal(CurrentUser user, String passwordHash, boolean active, boolean locked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.active = active;
        this.locked = locked;
    }

    static List<GrantedAuthority> authoritiesOf(CurrentUser user) {
        return user.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(user);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }
}
