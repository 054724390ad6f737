package org.cadre.growth.engine;

import java.util.Map;

/**
 * How a growth calculation runs.
 *
 * @param year the school year whose scores get growth percentiles
 * @param maxOrder the most consecutive prior years to condition on (the SGP package default is
 *     as many as available; networks usually use 2 or 3)
 * @param threads threads to use; results are identical for any value
 * @param fixedKnots knots and boundaries a network fixed for some subjects and grades; the others
 *     are derived from the scores
 * @param progress told as each cohort starts
 */
public record GrowthSettings(
        int year,
        int maxOrder,
        int threads,
        Map<SubjectGrade, KnotsAndBoundaries> fixedKnots,
        CohortProgress progress) {

    public GrowthSettings {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("the maximum order must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread is needed");
        }
        fixedKnots = Map.copyOf(fixedKnots);
    }

    /** Settings for a year with every processor, knots from the data and no progress reports. */
    public static GrowthSettings forYear(int year, int maxOrder) {
        return new GrowthSettings(
                year, maxOrder, Runtime.getRuntime().availableProcessors(), Map.of(), CohortProgress.SILENT);
    }

    public GrowthSettings withThreads(int count) {
        return new GrowthSettings(year, maxOrder, count, fixedKnots, progress);
    }

    public GrowthSettings withFixedKnots(Map<SubjectGrade, KnotsAndBoundaries> knots) {
        return new GrowthSettings(year, maxOrder, threads, knots, progress);
    }

    public GrowthSettings withProgress(CohortProgress listener) {
        return new GrowthSettings(year, maxOrder, threads, fixedKnots, listener);
    }
}
