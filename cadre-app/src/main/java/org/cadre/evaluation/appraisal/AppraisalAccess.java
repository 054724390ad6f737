package org.cadre.evaluation.appraisal;

import java.util.Set;
import org.cadre.shared.AccessRole;
import org.cadre.shared.CurrentUser;

/**
 * Who may see and who may rate a teacher's evaluation.
 *
 * <ul>
 *   <li>An appraiser rates only the teachers they appraise: those assigned to them for the year by a campus
 *       administrator; a teacher nobody has been assigned to may be appraised by any appraiser of their campus.
 *   <li>Campus administrators see, and may appraise, every teacher of their campus.
 *   <li>District administrators see every evaluation of the network but rate none (unless they also hold an
 *       appraiser role on the campus).
 *   <li>A teacher sees their own observations once they are shared, and their summative rating once it is
 *       finalized; drafts are invisible to them.
 *   <li>Coaches never see evaluations (coaching is non-evaluative), nor does HR: compensation receives the
 *       finalized results as events, never observation notes.
 * </ul>
 */
public final class AppraisalAccess {

    /** Whether the person may schedule, rate and share observations of the teacher. */
    public static boolean mayAppraise(CurrentUser user, TeacherPlacement teacher) {
        if (user.staffId() == null || user.isStaff(teacher.teacherStaffId())) {
            return false;
        }
        for (long campus : teacher.campusIds()) {
            if (user.holdsOn(campus, AccessRole.CAMPUS_ADMIN)) {
                return true;
            }
            if (user.holdsOn(campus, AccessRole.APPRAISER)
                    && (teacher.assignedAppraisers().isEmpty()
                            || teacher.assignedAppraisers().contains(user.staffId()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the person may read the teacher's whole evaluation, drafts included. */
    public static boolean maySeeDrafts(CurrentUser user, TeacherPlacement teacher) {
        if (user.isDistrictAdmin()) {
            return true;
        }
        for (long campus : teacher.campusIds()) {
            if (user.holdsOn(campus, AccessRole.CAMPUS_ADMIN)) {
                return true;
            }
        }
        return mayAppraise(user, teacher);
    }

    /** Whether the person is the teacher being evaluated, who sees shared and finalized results only. */
    public static boolean isTheTeacher(CurrentUser user, TeacherPlacement teacher) {
        return user.isStaff(teacher.teacherStaffId());
    }

    /** Whether the person may assign appraisers on the campus. */
    public static boolean mayAssignOn(CurrentUser user, long campusId) {
        return user.holdsOn(campusId, AccessRole.CAMPUS_ADMIN);
    }

    /** The campuses whose caseload and distributions the person may see; null means the whole network. */
    public static Set<Long> campusesInView(CurrentUser user) {
        if (user.isDistrictAdmin()) {
            return null;
        }
        return user.campusesWhere(AccessRole.CAMPUS_ADMIN, AccessRole.APPRAISER);
    }

    /** Whether the person may load rubrics, see the district view and export the year. */
    public static boolean isDistrictWide(CurrentUser user) {
        return user.isDistrictAdmin();
    }

    private AppraisalAccess() {}
}
