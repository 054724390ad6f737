package org.cadre.evaluation.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.cadre.policy.PolicyDocument.SummativeRule;

/**
 * How one observed dimension's final rating is reached from the year's shared observations, by the policy's
 * summative rule: their mean, the latest of them, or the appraiser's judgement (which the observations inform
 * but do not decide).
 */
public record DimensionRatingRule(SummativeRule rule) {

    /**
     * @param ratings the year's shared observations' ratings of the dimension, in any order
     * @param judgement the appraiser's judgement, used only under {@link SummativeRule#APPRAISER_JUDGEMENT}
     */
    public FinalRating finalRating(String dimension, List<ObservedRating> ratings, BigDecimal judgement) {
        return switch (rule) {
            case MEAN -> {
                if (ratings.isEmpty()) {
                    yield new FinalRating(dimension, null, FinalRatingSource.MEAN_OF_OBSERVATIONS, List.of());
                }
                long sum = ratings.stream().mapToLong(ObservedRating::rating).sum();
                var mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP);
                yield new FinalRating(
                        dimension,
                        mean,
                        FinalRatingSource.MEAN_OF_OBSERVATIONS,
                        ratings.stream()
                                .map(ObservedRating::observationId)
                                .sorted()
                                .toList());
            }
            case LATEST ->
                ratings.stream()
                        // On the same day the later observation (higher id) was recorded last.
                        .max(Comparator.comparing(ObservedRating::observedOn)
                                .thenComparing(ObservedRating::observationId))
                        .map(latest -> new FinalRating(
                                dimension,
                                BigDecimal.valueOf(latest.rating()).setScale(2),
                                FinalRatingSource.LATEST_OBSERVATION,
                                List.of(latest.observationId())))
                        .orElseGet(() ->
                                new FinalRating(dimension, null, FinalRatingSource.LATEST_OBSERVATION, List.of()));
            case APPRAISER_JUDGEMENT ->
                new FinalRating(
                        dimension,
                        judgement == null ? null : judgement.setScale(2, RoundingMode.HALF_UP),
                        FinalRatingSource.APPRAISER_JUDGEMENT,
                        ratings.stream()
                                .map(ObservedRating::observationId)
                                .sorted()
                                .toList());
        };
    }
}
