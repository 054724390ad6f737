package org.cadre.growth.engine;

import java.time.Duration;

/** Told as each cohort starts and ends, so long runs can report where they are. */
@FunctionalInterface
public interface CohortProgress {

    /** A listener that ignores progress. */
    CohortProgress SILENT = (index, count, cohort) -> {};

    /**
     * @param index the cohort's position, from 1
     * @param count how many cohorts the run has
     * @param cohort the cohort about to be fitted
     */
    void starting(int index, int count, Cohort cohort);

    /** The cohort at {@code index} was fitted or skipped; {@code took} includes its percentiles. */
    default void finished(int index, int count, CohortFit fit, Duration took) {}
}
