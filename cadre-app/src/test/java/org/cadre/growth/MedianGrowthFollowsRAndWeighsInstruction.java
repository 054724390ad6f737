package org.cadre.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Medians and means of growth percentiles, on inputs whose answers are known (from R where R has them). */
class MedianGrowthFollowsRAndWeighsInstruction {

    @Test
    void anOddNumberOfPercentilesHasItsMiddleValueAsMedian() {
        // R: median(c(61, 12, 47)) == 47
        assertThat(MedianGrowth.median(new int[] {61, 12, 47})).isEqualTo(47.0);
    }

    @Test
    void anEvenNumberOfPercentilesAveragesTheTwoMiddleValuesSoHalvesOccur() {
        // R: median(c(5, 3, 9, 1)) == 4; median(c(40, 61)) == 50.5
        assertThat(MedianGrowth.median(new int[] {5, 3, 9, 1})).isEqualTo(4.0);
        assertThat(MedianGrowth.median(new int[] {40, 61})).isEqualTo(50.5);
    }

    @Test
    void equalWeightsGiveRsMedianHalvesIncluded() {
        assertThat(MedianGrowth.weightedMedian(new int[] {5, 3, 9, 1}, new int[] {100, 100, 100, 100}))
                .isEqualTo(4.0);
        assertThat(MedianGrowth.weightedMedian(new int[] {61, 12, 47}, new int[] {50, 50, 50}))
                .isEqualTo(47.0);
    }

    @Test
    void theWeightedMedianIsTheFirstValueWhoseCumulativeWeightReachesHalf() {
        // Weights 0.5, 0.5, 1, 1 (total 3): cumulative 0.5, 1.0, 2.0 — 30 is the first to reach 1.5.
        assertThat(MedianGrowth.weightedMedian(new int[] {10, 20, 30, 40}, new int[] {50, 50, 100, 100}))
                .isEqualTo(30.0);
    }

    @Test
    void cumulativeWeightOfExactlyHalfAveragesWithTheNextValue() {
        // Weights 1, 0.5, 0.5, 1 (total 3): cumulative 1.0, 1.5 — exactly half at 20, so (20 + 30) / 2.
        assertThat(MedianGrowth.weightedMedian(new int[] {10, 20, 30, 40}, new int[] {100, 50, 50, 100}))
                .isEqualTo(25.0);
    }

    @Test
    void aCoTaughtStudentCountsHalfForEachTeacher() {
        // A teacher's own three students (weight 1) and two co-taught ones (0.5): total 4, half 2.
        // Sorted 20(0.5) 35(1) 50(1) 70(0.5) 90(1): cumulative 0.5, 1.5, 2.5 — 50.
        assertThat(MedianGrowth.weightedMedian(new int[] {90, 20, 50, 70, 35}, new int[] {100, 50, 100, 50, 100}))
                .isEqualTo(50.0);
    }

    @Test
    void theStandardErrorIsTheSampleStandardDeviationOverRootN() {
        // R: sd(1:4) / sqrt(4) == 0.6454972
        assertThat(MedianGrowth.mean(new int[] {1, 2, 3, 4})).isEqualTo(2.5);
        assertThat(MedianGrowth.standardError(new int[] {1, 2, 3, 4})).isCloseTo(0.6454972, within(1e-7));
        assertThat(MedianGrowth.standardError(new int[] {50})).isNaN();
    }
}
