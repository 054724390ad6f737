package org.cadre.shared;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The signed-in person as every capability sees them: their account, the staff record behind it (if any) and
 * the roles they hold in the current school year. Access rules ask this object, never the raw security
 * context.
 *
 * @param accountId the sign-in account
 * @param staffId the staff member the account belongs to, or null for a system account
 * @param email the account's email
 * @param displayName the name shown in the page header
 * @param grants the roles held in the current school year
 */
public record CurrentUser(long accountId, Long staffId, String email, String displayName, Set<Grant> grants) {

    public CurrentUser {
        grants = Set.copyOf(grants);
    }

    public boolean has(AccessRole role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public boolean hasAny(AccessRole... roles) {
        for (var role : roles) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isDistrictAdmin() {
        return has(AccessRole.DISTRICT_ADMIN);
    }

    /** Whether the person holds one of the roles network-wide, or on the given campus. */
    public boolean holdsOn(long campusId, AccessRole... roles) {
        for (var grant : grants) {
            for (var role : roles) {
                if (grant.role() == role && grant.coversCampus(campusId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The campuses on which the person holds one of the roles; empty if none, null if network-wide. */
    public Set<Long> campusesWhere(AccessRole... roles) {
        var campuses = new TreeSet<Long>();
        for (var grant : grants) {
            for (var role : roles) {
                if (grant.role() == role) {
                    if (grant.campusId() == null) {
                        return null;
                    }
                    campuses.add(grant.campusId());
                }
            }
        }
        return campuses;
    }

    public boolean isStaff(long staff) {
        return staffId != null && staffId == staff;
    }

    /** The role names, for navigation and display. */
    public Set<AccessRole> roles() {
        return grants.stream()
                .map(Grant::role)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(AccessRole.class)));
    }
}
