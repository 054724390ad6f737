package org.cadre.evaluation.summative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cadre.evaluation.rules.FinalRatingSource;

/**
 * A teacher's summative rating for a school year as stored: the inputs the appraiser gave (conference ratings,
 * judgements, the student growth measure) and the results computed from them under the recorded policy version.
 *
 * @param studentGrowthSource where the growth measure came from; APPRAISER_ENTERED until the growth module
 *     provides it
 * @param missing the dimensions and measures still needed before it can be finalized
 * @param domainScores each rubric domain's score, by domain code
 */
public record SummativeRating(
        long id,
        long schoolYearId,
        long teacherStaffId,
        long campusId,
        long rubricId,
        long policyVersionId,
        String rule,
        Status status,
        LocalDate conferenceOn,
        String conferenceEvidence,
        BigDecimal studentGrowth,
        String studentGrowthSource,
        BigDecimal instructionalQuality,
        BigDecimal professionalRoles,
        BigDecimal composite,
        String effectivenessLevel,
        List<String> missing,
        Map<String, Integer> weights,
        Map<String, BigDecimal> domainScores,
        List<Line> dimensions,
        Instant computedAt,
        Instant finalizedAt,
        int version) {

    public enum Status {
        DRAFT,
        FINALIZED
    }

    /** One dimension's final rating and what produced it. */
    public record Line(
            String dimension,
            BigDecimal finalRating,
            FinalRatingSource source,
            List<Long> observationIds,
            BigDecimal judgement,
            Integer conferenceRating) {}

    public boolean finalized() {
        return status == Status.FINALIZED;
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    public Line line(String dimension) {
        return dimensions.stream()
                .filter(l -> l.dimension().equals(dimension))
                .findFirst()
                .orElse(null);
    }
}
