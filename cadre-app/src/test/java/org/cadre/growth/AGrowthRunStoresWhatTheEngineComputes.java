package org.cadre.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cadre.CadreIntegrationTest;
import org.cadre.growth.engine.GrowthPercentileRule;
import org.cadre.growth.engine.GrowthPercentiles;
import org.cadre.growth.engine.GrowthSettings;
import org.cadre.growth.engine.KnotsAndBoundaries;
import org.cadre.growth.engine.ScaleScore;
import org.cadre.growth.engine.ScoreTable;
import org.cadre.organization.SchoolYears;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A growth run of the demo network's generated scores stores exactly the percentiles the engine gives for the same
 * scores, keeps what reproduces each of them, and replaces the year's current run without deleting the old one.
 */
@RecordApplicationEvents
class AGrowthRunStoresWhatTheEngineComputes extends CadreIntegrationTest {

    @Autowired
    DemoScores scores;

    @Autowired
    GrowthRuns runs;

    @Autowired
    SchoolYears schoolYears;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void theRunsPercentilesAreTheEnginesOnTheSameScores() {
        var run = GrowthFixture.currentRun(scores, runs, schoolYears);
        assertThat(run.status()).isEqualTo(GrowthRun.Status.COMPLETED);
        assertThat(run.percentiles()).isGreaterThan(100);

        var rows = jdbc.sql("""
                        select student_id, subject, school_year, grade, scale_score from growth.assessment_result
                        where school_year between ? and ? and subject in ('Math', 'Reading/ELA')
                        order by student_id, subject, school_year""")
                .params(run.year() - run.maxOrder(), run.year())
                .query((rs, n) -> new ScaleScore(
                        Long.toString(rs.getLong(1)), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getDouble(5)))
                .list();
        var direct = GrowthPercentiles.calculate(
                        ScoreTable.of(rows), GrowthSettings.forYear(run.year(), run.maxOrder()))
                .percentiles()
                .stream()
                .map(p -> p.studentId() + " " + p.subject() + " " + p.grade() + " " + p.sgp() + " " + p.order())
                .toList();
        var stored = jdbc.sql("""
                        select student_id || ' ' || subject || ' ' || grade || ' ' || sgp || ' ' || sgp_order
                        from growth.student_percentile where run_id = ?""").param(run.id()).query(String.class).list();
        assertThat(stored).hasSize(run.percentiles()).containsExactlyInAnyOrderElementsOf(direct);
    }

    @Test
    void everyStoredPercentileIsReproducedFromTheStoredCoefficientsKnotsAndScores() {
        var run = GrowthFixture.currentRun(scores, runs, schoolYears);
        var knots = new HashMap<String, KnotsAndBoundaries>();
        jdbc.sql("select subject, grade, knots, lower_boundary, upper_boundary from growth.run_knots where run_id = ?")
                .param(run.id())
                .query(rs -> {
                    knots.put(
                            rs.getString(1) + "|" + rs.getString(2),
                            new KnotsAndBoundaries(
                                    GrowthRuns.doubles(rs.getArray(3)), rs.getDouble(4), rs.getDouble(5)));
                });
        Map<Integer, double[][]> coefficients = new HashMap<>();
        Map<Integer, List<String>> priorGrades = new HashMap<>();
        jdbc.sql(
                        "select seq, prior_grades, coefficients from growth.run_cohort where run_id = ? and coefficients is not null")
                .param(run.id())
                .query(rs -> {
                    var matrix = (Double[][]) rs.getArray(3).getArray();
                    var values = new double[matrix.length][];
                    for (int t = 0; t < matrix.length; t++) {
                        values[t] = java.util.Arrays.stream(matrix[t])
                                .mapToDouble(Double::doubleValue)
                                .toArray();
                    }
                    coefficients.put(rs.getInt(1), values);
                    priorGrades.put(
                            rs.getInt(1), List.of((String[]) rs.getArray(2).getArray()));
                });
        var mismatches = new ArrayList<String>();
        int[] checked = {0};
        jdbc.sql(
                        "select student_id, subject, sgp, cohort_seq, scale_score, prior_scores from growth.student_percentile where run_id = ?")
                .param(run.id())
                .query(rs -> {
                    var subject = rs.getString(2);
                    int cohort = rs.getInt(4);
                    var priorKnots = priorGrades.get(cohort).stream()
                            .map(g -> knots.get(subject + "|" + g))
                            .toList();
                    var predicted = PercentileCurves.predicted(
                            coefficients.get(cohort), priorKnots, GrowthRuns.doubles(rs.getArray(6)));
                    int sgp = GrowthPercentileRule.percentile(predicted, rs.getDouble(5));
                    checked[0]++;
                    if (sgp != rs.getInt(3)) {
                        mismatches.add(
                                rs.getLong(1) + " " + subject + ": stored " + rs.getInt(3) + ", reproduced " + sgp);
                    }
                });
        assertThat(checked[0]).isEqualTo(run.percentiles());
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aSecondRunOfTheYearBecomesCurrentKeepsTheFirstAndIsPublished() {
        var first = GrowthFixture.currentRun(scores, runs, schoolYears);
        var second = runs.runNow(null, first.schoolYearId());
        assertThat(second.current()).isTrue();
        assertThat(runs.get(first.id()).current()).isFalse();
        assertThat(jdbc.sql("select count(*) from growth.student_percentile where run_id = ?")
                        .param(first.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(first.percentiles());
        assertThat(second.policyVersionId()).isEqualTo(first.policyVersionId());
        assertThat(events.stream(GrowthRunCompleted.class))
                .contains(new GrowthRunCompleted(second.id(), second.schoolYearId(), second.policyVersionId()));
    }

    @Test
    void measuresBelowThePolicyMinimumAreNotReported() {
        var run = GrowthFixture.currentRun(scores, runs, schoolYears);
        int minimum =
                jdbc.sql("""
                        select (document -> 'growth' ->> 'minimumStudents')::int from policy.policy_version where id = ?""").param(run.policyVersionId()).query(Integer.class).single();
        var wrong = jdbc.sql("""
                        select count(*) from growth.growth_measure where run_id = ?
                        and (reported <> (students >= ?) or (reported and growth_level is null) or (not reported and growth_level is not null))""").params(run.id(), minimum).query(Integer.class).single();
        assertThat(wrong).isZero();
        assertThat(jdbc.sql(
                                "select count(*) from growth.growth_measure where run_id = ? and scope = 'TEACHER' and reported")
                        .param(run.id())
                        .query(Integer.class)
                        .single())
                .isPositive();
    }
}
