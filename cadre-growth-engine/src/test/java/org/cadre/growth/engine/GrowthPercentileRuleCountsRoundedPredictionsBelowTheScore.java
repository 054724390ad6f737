package org.cadre.growth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GrowthPercentileRuleCountsRoundedPredictionsBelowTheScore {

    @Test
    void theHundredLevelsAreHalfPercents() {
        assertThat(GrowthPercentileRule.TAUS).hasSize(100);
        assertThat(GrowthPercentileRule.TAUS[0]).isEqualTo(0.005);
        assertThat(GrowthPercentileRule.TAUS[49]).isEqualTo(0.495);
        assertThat(GrowthPercentileRule.TAUS[99]).isEqualTo(0.995);
    }

    @Test
    void countsOnlyPredictionsStrictlyBelow() {
        double[] predicted = ramp(400);
        // 400..499: 400 + 37 = 437 has 37 predictions strictly below it.
        assertThat(GrowthPercentileRule.percentile(predicted, 437)).isEqualTo(37);
        assertThat(GrowthPercentileRule.percentile(predicted, 437.5)).isEqualTo(38);
    }

    @Test
    void noneBelowBecomesOneAndAllBelowBecomesNinetyNine() {
        double[] predicted = ramp(400);
        assertThat(GrowthPercentileRule.percentile(predicted, 100)).isEqualTo(1);
        assertThat(GrowthPercentileRule.percentile(predicted, 400)).isEqualTo(1);
        assertThat(GrowthPercentileRule.percentile(predicted, 401)).isEqualTo(1);
        assertThat(GrowthPercentileRule.percentile(predicted, 499.5)).isEqualTo(99);
        assertThat(GrowthPercentileRule.percentile(predicted, 900)).isEqualTo(99);
    }

    @Test
    void predictionsAreComparedAfterRoundingToFiveDecimals() {
        double[] predicted = ramp(400);
        predicted[60] = 449.999996; // rounds to 450.00000, which is not below 450
        predicted[61] = 449.999994; // rounds to 449.99999, which is
        Arrays.sort(predicted);
        double[] reference = predicted.clone();
        assertThat(GrowthPercentileRule.percentile(predicted, 450)).isEqualTo(51);
        assertThat(predicted).containsExactly(reference);
    }

    @Test
    void crossingQuantilesCountTheSameAsSortedOnes() {
        double[] predicted = ramp(400);
        double[] crossed = predicted.clone();
        double swap = crossed[10];
        crossed[10] = crossed[70];
        crossed[70] = swap;
        assertThat(GrowthPercentileRule.percentile(crossed, 455.5))
                .isEqualTo(GrowthPercentileRule.percentile(predicted, 455.5));
    }

    private static double[] ramp(double from) {
        double[] values = new double[100];
        for (int t = 0; t < 100; t++) {
            values[t] = from + t;
        }
        return values;
    }
}
