package org.cadre.evaluation.appraisal;

import java.util.Set;

/**
 * Where a teacher teaches this school year and who, if anyone, has been assigned to appraise them.
 *
 * @param campusIds the campuses on which the teacher holds the teacher role this year
 * @param assignedAppraisers staff ids of the appraisers assigned to the teacher this year; empty if none
 */
public record TeacherPlacement(long teacherStaffId, String name, Set<Long> campusIds, Set<Long> assignedAppraisers) {

    public TeacherPlacement {
        campusIds = Set.copyOf(campusIds);
        assignedAppraisers = Set.copyOf(assignedAppraisers);
    }
}
