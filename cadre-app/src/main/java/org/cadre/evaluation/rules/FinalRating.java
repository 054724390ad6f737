package org.cadre.evaluation.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dimension's final rating for the year and what produced it.
 *
 * @param value the rating, rounded to two decimals; null when nothing rated the dimension
 * @param observationIds the observations behind the rating (all of them for a mean, one for the latest)
 */
public record FinalRating(String dimension, BigDecimal value, FinalRatingSource source, List<Long> observationIds) {

    public FinalRating {
        observationIds = List.copyOf(observationIds);
    }

    public boolean missing() {
        return value == null;
    }
}
