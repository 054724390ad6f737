package org.cadre.growth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EachStudentGetsTheHighestCompleteOrder {

    private static final int STUDENTS = 400;

    /**
     * Three kinds of students: all of 2022-2024 (order 3), a gap in 2022 (order 2), and no 2024
     * score (no percentile at all, because priors must be consecutive years).
     */
    private static ScoreTable scores() {
        SplittableRandom random = new SplittableRandom(3);
        ScoreTable.Builder builder = ScoreTable.builder();
        for (int s = 0; s < STUDENTS; s++) {
            String id = "S" + s;
            double ability = random.nextGaussian();
            for (int year = 2022; year <= 2025; year++) {
                boolean gapIn2022 = s % 4 == 1 && year == 2022;
                boolean missing2024 = s % 4 == 2 && year == 2024;
                double score = 400 + 20 * (year - 2022) + 30 * ability + 10 * random.nextGaussian();
                if (!gapIn2022 && !missing2024) {
                    builder.add(id, "math", year, Integer.toString(8 - (2025 - year)), Math.round(score * 10) / 10.0);
                }
            }
        }
        return builder.build();
    }

    @Test
    void theOrderIsTheNumberOfConsecutivePriorYearsUpToTheMaximum() {
        GrowthResult result = GrowthPercentiles.calculate(scores(), GrowthSettings.forYear(2025, 3));
        Map<String, Integer> orders = new HashMap<>();
        for (StudentGrowthPercentile sgp : result.percentiles()) {
            orders.put(sgp.studentId(), sgp.order());
            assertThat(sgp.sgp()).isBetween(1, 99);
            assertThat(sgp.grade()).isEqualTo("8");
            assertThat(sgp.year()).isEqualTo(2025);
        }
        for (int s = 0; s < STUDENTS; s++) {
            Integer expected = switch (s % 4) {
                case 1 -> 2;
                case 2 -> null;
                default -> 3;
            };
            assertThat(orders.get("S" + s)).as("order of S%d", s).isEqualTo(expected);
        }
    }

    @Test
    void theMaximumOrderCapsHowFarBackTheFitLooks() {
        GrowthResult result = GrowthPercentiles.calculate(scores(), GrowthSettings.forYear(2025, 1));
        assertThat(result.percentiles())
                .allSatisfy(sgp -> assertThat(sgp.order()).isEqualTo(1));
        assertThat(result.percentiles()).hasSize(STUDENTS - STUDENTS / 4);
        assertThat(result.cohorts()).extracting(fit -> fit.cohort().toString()).containsExactly("math grade 8 order 1");
    }

    @Test
    void aStudentWhoseHighestOrderCohortIsTooSmallFallsBackToALowerOrder() {
        ScoreTable.Builder builder = ScoreTable.builder();
        ScoreTable base = scores();
        for (int row = 0; row < base.rows(); row++) {
            builder.add(base.get(row));
        }
        // Five students with a third prior in another subject sequence would be a tiny cohort;
        // here: five students who repeated grade 7, so their order-2 cohort has 5 members.
        SplittableRandom random = new SplittableRandom(8);
        for (int s = 0; s < 5; s++) {
            builder.add("R" + s, "math", 2023, "7", 420 + random.nextGaussian() * 20);
            builder.add("R" + s, "math", 2024, "7", 440 + random.nextGaussian() * 20);
            builder.add("R" + s, "math", 2025, "8", 470 + random.nextGaussian() * 20);
        }
        GrowthResult result = GrowthPercentiles.calculate(builder.build(), GrowthSettings.forYear(2025, 2));
        assertThat(result.cohorts())
                .filteredOn(fit -> fit.cohort().priorGrades().equals(List.of("7", "7")))
                .singleElement()
                .satisfies(fit -> assertThat(fit.skippedBecause()).contains("only 5 students for 15 coefficients"));
        assertThat(result.percentiles())
                .filteredOn(sgp -> sgp.studentId().startsWith("R"))
                .hasSize(5)
                .allSatisfy(sgp -> assertThat(sgp.order()).isEqualTo(1));
    }

    @Test
    void cohortsAreKeyedByTheGradesOfThePriorYears() {
        ScoreTable.Builder builder = ScoreTable.builder();
        SplittableRandom random = new SplittableRandom(4);
        for (int s = 0; s < 120; s++) {
            boolean retained = s % 3 == 0;
            builder.add("S" + s, "math", 2024, retained ? "8" : "7", 430 + 25 * random.nextGaussian());
            builder.add("S" + s, "math", 2025, "8", 450 + 25 * random.nextGaussian());
        }
        GrowthResult result = GrowthPercentiles.calculate(builder.build(), GrowthSettings.forYear(2025, 2));
        assertThat(result.cohorts())
                .extracting(fit -> fit.cohort().toString() + ", " + fit.cohort().students())
                .containsExactly("math grade 8 order 1, 80", "math grade 8 order 1 (prior grades 8), 40");
        assertThat(result.percentiles()).hasSize(120);
    }

    @Test
    void fixedKnotsReplaceTheOnesFromTheData() {
        KnotsAndBoundaries fixed = new KnotsAndBoundaries(new double[] {430, 450, 470, 490}, 300, 600);
        GrowthSettings settings =
                GrowthSettings.forYear(2025, 1).withFixedKnots(Map.of(new SubjectGrade("math", "7"), fixed));
        GrowthResult result = GrowthPercentiles.calculate(scores(), settings);
        assertThat(result.knots().get(new SubjectGrade("math", "7"))).isEqualTo(fixed);
        assertThat(result.knots().get(new SubjectGrade("math", "6"))).isNotEqualTo(fixed);
    }

    @Test
    void duplicateScoresAreRefused() {
        ScoreTable table = ScoreTable.builder()
                .add(new ScaleScore("S1", "math", 2025, "8", 400))
                .add(new ScaleScore("S1", "math", 2025, "8", 410))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> GrowthPercentiles.calculate(table, GrowthSettings.forYear(2025, 1)))
                .hasMessageContaining("student S1 has two math scores in 2025");
    }
}
