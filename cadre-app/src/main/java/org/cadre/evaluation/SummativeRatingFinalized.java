package org.cadre.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A teacher's summative rating for a school year was finalized; it never changes afterwards.
 *
 * @param policyVersionId the policy version the rating was computed under
 * @param composite the weighted composite of the three domains of performance
 * @param effectivenessLevel the level the composite reached under the year's cut points
 */
public record SummativeRatingFinalized(
        long summativeId,
        long teacherStaffId,
        long schoolYearId,
        long policyVersionId,
        BigDecimal composite,
        String effectivenessLevel,
        Instant finalizedAt) {}
