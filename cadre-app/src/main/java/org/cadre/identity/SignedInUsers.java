package org.cadre.identity;

import java.util.HashSet;
import org.cadre.organization.RoleAssignments;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;
import org.cadre.shared.Grant;
import org.springframework.stereotype.Component;

/** Turns an account into the signed-in person every capability sees: its staff record and this year's roles. */
@Component
class SignedInUsers {

    private final RoleAssignments roleAssignments;

    SignedInUsers(RoleAssignments roleAssignments) {
        this.roleAssignments = roleAssignments;
    }

    CurrentUser of(Account account) {
        var grants = new HashSet<Grant>();
        if (account.staffId() != null) {
            grants.addAll(roleAssignments.currentGrantsOf(account.staffId()));
        }
        if (account.systemAdmin()) {
            grants.add(new Grant(AccessRole.DISTRICT_ADMIN, null));
        }
        return new CurrentUser(account.id(), account.staffId(), account.email(), account.displayName(), grants);
    }
}
