package org.cadre.organization;

import java.util.List;

/**
 * Staff members were created or changed, and are active, after a roster import committed. Identity opens a
 * sign-in account (no password; they sign in through their identity provider) for each one that has none, or
 * links the account that already has their email.
 *
 * @param importId the roster import that rostered them
 */
public record StaffRostered(long importId, List<RosteredStaff> staff) {

    public StaffRostered {
        staff = List.copyOf(staff);
    }

    /** One rostered staff member; {@code email} may be null when the roster has none. */
    public record RosteredStaff(long staffId, String email, String displayName) {}
}
