package org.cadre.identity.web;

import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.Grant;

/**
 * Who the caller of the REST API is.
 *
 * @param roles the roles held this school year
 * @param grants the same roles with the campus each applies to (none for network-wide roles)
 */
public record Me(
        long accountId, Long staffId, String email, String displayName, Set<AccessRole> roles, Set<Grant> grants) {

    static Me of(CurrentUser user) {
        return new Me(user.accountId(), user.staffId(), user.email(), user.displayName(), user.roles(), user.grants());
    }
}
