package org.cadre.growth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnotsFollowTheSgpConvention {

    @Test
    void quantilesAreRType7() {
        // R: quantile(c(1, 2, 3, 4, 10), c(.2, .4, .6, .8)) gives 1.8 2.6 3.4 5.2
        assertThat(SampleQuantiles.type7(new double[] {10, 1, 3, 2, 4}, 0.2, 0.4, 0.6, 0.8))
                .containsExactly(1.8, 2.6000000000000001, 3.3999999999999999, 5.2000000000000011);
        assertThat(SampleQuantiles.type7(new double[] {5}, 0.2)).containsExactly(5.0);
        assertThat(SampleQuantiles.type7(new double[] {1, 2}, 0, 1)).containsExactly(1.0, 2.0);
    }

    @Test
    void knotsAreQuantilesRoundedToThreeDecimals() {
        double[] scores = new double[7];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 100 + i / 3.0;
        }
        KnotsAndBoundaries knots = KnotsAndBoundaries.fromScores(scores);
        // type 7 at 0.2 of 7 values: index 1.2, so 100 + 1.2/3 = 100.4; at 0.4: 100.8; at 0.6: 101.2;
        // at 0.8: 101.6 (all with binary noise that the rounding removes).
        assertThat(knots.knots()).containsExactly(100.4, 100.8, 101.2, 101.6);
    }

    @Test
    void boundariesAreTheRangeWidenedByTenPercentEachSide() {
        KnotsAndBoundaries knots = KnotsAndBoundaries.fromScores(new double[] {200, 250, 300, 310, 400});
        assertThat(knots.lowerBoundary()).isEqualTo(180.0);
        assertThat(knots.upperBoundary()).isEqualTo(420.0);
    }

    @Test
    void boundariesAreRoundedToThreeDecimalsAsTheSgpPackageDoes() {
        KnotsAndBoundaries knots = KnotsAndBoundaries.fromScores(new double[] {0, 1.0 / 3, 0.5, 0.7, 1});
        assertThat(knots.lowerBoundary()).isEqualTo(-0.1);
        assertThat(knots.upperBoundary()).isEqualTo(1.1);
        assertThat(knots.knots()[0]).isEqualTo(0.267);
    }
}
