package org.cadre.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An appraiser shared an observation's ratings and feedback with the teacher.
 *
 * @param late whether the feedback was shared after its due date
 */
public record ObservationShared(
        long observationId,
        long teacherStaffId,
        long appraiserStaffId,
        long schoolYearId,
        String kind,
        Instant sharedAt,
        LocalDate feedbackDueOn,
        boolean late) {}
