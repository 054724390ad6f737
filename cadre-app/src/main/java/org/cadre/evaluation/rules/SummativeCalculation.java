package org.cadre.evaluation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summative arithmetic of one teacher's year. Observed dimensions get their final rating by the policy's
 * rule; professional-practices dimensions take the rating given at the end-of-year conference. A rubric domain's
 * score is the mean of its dimensions' final ratings; a domain of performance's score is the mean of its rubric
 * domains' scores (each rubric domain counts equally); the composite weighs the three domains of performance;
 * the effectiveness level comes from the cut points. Any missing piece leaves the result incomplete, never
 * silently zero.
 */
public record SummativeCalculation(
        DimensionRatingRule rule, CompositeWeights weights, EffectivenessCutPoints cutPoints) {

    /** A rubric domain as the calculation needs it: its dimensions and the domain of performance it counts toward. */
    public record DomainShape(String code, boolean professionalRoles, List<String> dimensions) {}

    /** Everything known about one teacher's year. */
    public record Inputs(
            List<DomainShape> domains,
            Map<String, List<ObservedRating>> observed,
            Map<String, BigDecimal> judgements,
            Map<String, Integer> conferenceRatings,
            BigDecimal studentGrowth) {}

    /** The outcome; the scores are null where something they need is missing. */
    public record Result(
            Map<String, FinalRating> dimensions,
            Map<String, BigDecimal> domainScores,
            BigDecimal instructionalQuality,
            BigDecimal studentGrowth,
            BigDecimal professionalRoles,
            BigDecimal composite,
            String effectivenessLevel,
            List<String> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    public Result calculate(Inputs inputs) {
        var finals = new LinkedHashMap<String, FinalRating>();
        var domainScores = new LinkedHashMap<String, BigDecimal>();
        var missing = new ArrayList<String>();
        var instructionalDomains = new ArrayList<BigDecimal>();
        var rolesDomains = new ArrayList<BigDecimal>();
        boolean instructionalComplete = true;
        boolean rolesComplete = true;
        for (var domain : inputs.domains()) {
            var values = new ArrayList<BigDecimal>();
            for (var dimension : domain.dimensions()) {
                FinalRating rating;
                if (domain.professionalRoles()) {
                    var given = inputs.conferenceRatings().get(dimension);
                    rating = new FinalRating(
                            dimension,
                            given == null ? null : BigDecimal.valueOf(given).setScale(2),
                            FinalRatingSource.END_OF_YEAR_CONFERENCE,
                            List.of());
                } else {
                    rating = rule.finalRating(
                            dimension,
                            inputs.observed().getOrDefault(dimension, List.of()),
                            inputs.judgements().get(dimension));
                }
                finals.put(dimension, rating);
                if (rating.missing()) {
                    missing.add(dimension);
                } else {
                    values.add(rating.value());
                }
            }
            boolean domainComplete = values.size() == domain.dimensions().size() && !values.isEmpty();
            var score = domainComplete ? mean(values) : null;
            domainScores.put(domain.code(), score);
            if (domain.professionalRoles()) {
                rolesComplete &= domainComplete;
                if (score != null) {
                    rolesDomains.add(score);
                }
            } else {
                instructionalComplete &= domainComplete;
                if (score != null) {
                    instructionalDomains.add(score);
                }
            }
        }
        var instructional =
                instructionalComplete && !instructionalDomains.isEmpty() ? mean(instructionalDomains) : null;
        var roles = rolesComplete && !rolesDomains.isEmpty() ? mean(rolesDomains) : null;
        if (rolesDomains.isEmpty() && rolesComplete && weights.professionalRoles() == 0) {
            roles = BigDecimal.ZERO.setScale(2);
        }
        var growth =
                inputs.studentGrowth() == null ? null : inputs.studentGrowth().setScale(2, RoundingMode.HALF_UP);
        if (growth == null) {
            missing.add("student growth");
        }
        BigDecimal composite = null;
        String level = null;
        if (instructional != null && roles != null && growth != null) {
            composite = weights.composite(instructional, growth, roles);
            level = cutPoints.levelFor(composite);
        }
        return new Result(finals, domainScores, instructional, growth, roles, composite, level, List.copyOf(missing));
    }

    static BigDecimal mean(List<BigDecimal> values) {
        var sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
