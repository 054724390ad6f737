package org.cadre.growth;

import org.cadre.organization.DirectoryAccess;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;

/**
 * Who may see which growth results. Student-level results (percentiles, scores, charts) are for the student's
 * teachers of record, the leaders of the student's campus (campus administrators and appraisers) and district
 * administrators; to anyone else a student reads as not found. Measures are seen by the teacher they belong to,
 * the leaders of the teacher's campus, district administrators, and HR — who needs them for compensation but
 * never sees a student.
 */
final class GrowthAccess {

    static final AccessRole[] CAMPUS_LEADERS = {AccessRole.CAMPUS_ADMIN, AccessRole.APPRAISER};

    /** Importing assessment results and starting runs. */
    static boolean mayAdminister(CurrentUser user) {
        return user.isDistrictAdmin();
    }

    /** Every measure of the network (not students). */
    static boolean maySeeNetworkMeasures(CurrentUser user) {
        return user.hasAny(AccessRole.DISTRICT_ADMIN, AccessRole.HR);
    }

    static boolean maySeeCampusMeasures(CurrentUser user, long campusId) {
        return maySeeNetworkMeasures(user) || user.holdsOn(campusId, CAMPUS_LEADERS);
    }

    /** A teacher's measures: themselves, their campus's leaders, district administrators and HR. */
    static boolean maySeeTeacherMeasures(CurrentUser user, long staffId, Long campusId) {
        return user.isStaff(staffId)
                || maySeeNetworkMeasures(user)
                || (campusId != null && user.holdsOn(campusId, CAMPUS_LEADERS));
    }

    /** A teacher's students and their percentiles: not HR. */
    static boolean maySeeTeacherStudents(CurrentUser user, long staffId, Long campusId) {
        return user.isStaff(staffId)
                || user.isDistrictAdmin()
                || (campusId != null && user.holdsOn(campusId, CAMPUS_LEADERS));
    }

    /**
     * A student's results.
     *
     * @param taughtThem whether the person was a teacher of record of the student in the run's year
     * @param campusIds the student's current campus and the campuses of their tested classes in the run's year
     */
    static boolean maySeeStudent(CurrentUser user, boolean taughtThem, Iterable<Long> campusIds) {
        if (taughtThem || user.isDistrictAdmin()) {
            return true;
        }
        for (Long campus : campusIds) {
            if (campus != null && DirectoryAccess.maySeeStudentsOf(user, campus)) {
                return true;
            }
        }
        return false;
    }

    private GrowthAccess() {}
}
