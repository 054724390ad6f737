package org.cadre.growth.engine;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a growth calculation.
 *
 * @param percentiles one growth percentile per student and subject that has one, in the order
 *     of the students' current-year rows
 * @param cohorts every cohort, fitted or skipped, in the order they were run
 * @param knots the knots and boundaries used for each subject and grade
 */
public record GrowthResult(
        List<StudentGrowthPercentile> percentiles,
        List<CohortFit> cohorts,
        Map<SubjectGrade, KnotsAndBoundaries> knots) {

    public GrowthResult {
        percentiles = List.copyOf(percentiles);
        cohorts = List.copyOf(cohorts);
        knots = Map.copyOf(knots);
    }
}
