package org.cadre.organization;

import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;

/**
 * Who may look up whom in the people directory. Everyone may see their own record. District administrators
 * and HR see the whole network; campus administrators, appraisers and coaches see the people who hold a role
 * on their campuses this year; everyone else sees only themselves.
 */
public final class DirectoryAccess {

    static final AccessRole[] NETWORK_ROLES = {AccessRole.DISTRICT_ADMIN, AccessRole.HR};
    static final AccessRole[] CAMPUS_ROLES = {AccessRole.CAMPUS_ADMIN, AccessRole.APPRAISER, AccessRole.COACH};

    /** Whether the person may browse the directory at all (beyond their own record). */
    public static boolean mayBrowse(CurrentUser user) {
        return user.hasAny(NETWORK_ROLES) || user.hasAny(CAMPUS_ROLES);
    }

    /** The campuses whose people the person may see; null means every campus. */
    public static Set<Long> campuses(CurrentUser user) {
        if (user.hasAny(NETWORK_ROLES)) {
            return null;
        }
        return user.campusesWhere(CAMPUS_ROLES);
    }

    /** Whether the person may see students' records of the campus (district administrators, campus staff who lead). */
    public static boolean maySeeStudentsOf(CurrentUser user, long campusId) {
        return user.isDistrictAdmin() || user.holdsOn(campusId, AccessRole.CAMPUS_ADMIN, AccessRole.APPRAISER);
    }

    private DirectoryAccess() {}
}
