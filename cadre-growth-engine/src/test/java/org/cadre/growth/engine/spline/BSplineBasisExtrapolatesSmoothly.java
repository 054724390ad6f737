package org.cadre.growth.engine.spline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BSplineBasisExtrapolatesSmoothly {

    private final BSplineBasis basis = new BSplineBasis(new double[] {420, 440, 460, 480}, 380, 530);

    @Test
    void insideTheBoundariesTheColumnsArePartOfAPartitionOfUnity() {
        for (double x = 380; x <= 530; x += 2.5) {
            double sum = 0;
            for (double value : basis.evaluate(x)) {
                assertThat(value).isBetween(0.0, 1.0);
                sum += value;
            }
            // The dropped intercept column is what is missing from 1.
            assertThat(sum).isBetween(0.0, 1.0 + 1e-12);
        }
        assertThat(basis.evaluate(530)[6]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void outsideTheBoundariesTheBasisContinuesWithoutAJump() {
        double[] atLower = basis.evaluate(380);
        double[] justBelow = basis.evaluate(380 - 1e-7);
        double[] atUpper = basis.evaluate(530);
        double[] justAbove = basis.evaluate(530 + 1e-7);
        for (int j = 0; j < BSplineBasis.COLUMNS; j++) {
            assertThat(justBelow[j]).isCloseTo(atLower[j], within(1e-6));
            assertThat(justAbove[j]).isCloseTo(atUpper[j], within(1e-6));
        }
        assertThat(basis.evaluate(300)[0]).isNotZero();
    }

    @Test
    void writesIntoARowOfADesignMatrix() {
        double[] row = new double[1 + 2 * BSplineBasis.COLUMNS];
        basis.evaluate(450, row, 1 + BSplineBasis.COLUMNS);
        assertThat(row).startsWith(0, 0, 0, 0, 0, 0, 0, 0);
        double[] expected = basis.evaluate(450);
        for (int j = 0; j < BSplineBasis.COLUMNS; j++) {
            assertThat(row[1 + BSplineBasis.COLUMNS + j]).isEqualTo(expected[j]);
        }
    }
}
