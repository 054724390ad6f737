package org.cadre.evaluation.rules;

/** What produced a dimension's final rating. */
public enum FinalRatingSource {
    /** The mean of the year's shared observations that rated the dimension. */
    MEAN_OF_OBSERVATIONS,
    /** The most recent shared observation that rated the dimension. */
    LATEST_OBSERVATION,
    /** The appraiser's judgement, informed by the year's observations. */
    APPRAISER_JUDGEMENT,
    /** Rated at the end-of-year conference on evidence the teacher brought. */
    END_OF_YEAR_CONFERENCE
}
