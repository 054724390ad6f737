package org.cadre.growth;

import java.util.Arrays;
import java.util.List;
import org.cadre.growth.engine.KnotsAndBoundaries;
import org.cadre.growth.engine.spline.BSplineBasis;

/**
 * The percentile curves that placed a student, recomputed from what the run stored: the cohort's coefficient
 * matrix and the knots and boundaries of each prior grade. Predicted quantiles are sorted, as the SGP package
 * does to undo crossing; the P-th percentile curve is the P-th of the 100 sorted predictions (quantile level
 * (P - 0.5) / 100).
 */
final class PercentileCurves {

    static final int[] SHOWN = {10, 25, 50, 75, 90};
    static final int GRID = 41;

    private PercentileCurves() {}

    /**
     * The 100 sorted predicted quantiles for the given prior scores.
     *
     * @param coefficients the cohort's matrix, one row per quantile level
     * @param priorKnots knots and boundaries of each prior grade, most recent first
     * @param priors the prior scores, most recent first
     */
    static double[] predicted(double[][] coefficients, List<KnotsAndBoundaries> priorKnots, double[] priors) {
        int p = 1 + BSplineBasis.COLUMNS * priors.length;
        double[] design = new double[p];
        design[0] = 1;
        for (int k = 0; k < priors.length; k++) {
            priorKnots.get(k).basis().evaluate(priors[k], design, 1 + k * BSplineBasis.COLUMNS);
        }
        double[] predicted = new double[coefficients.length];
        for (int t = 0; t < coefficients.length; t++) {
            double sum = 0;
            for (int j = 0; j < p; j++) {
                sum += coefficients[t][j] * design[j];
            }
            predicted[t] = sum;
        }
        Arrays.sort(predicted);
        return predicted;
    }

    /**
     * The shown percentile curves as the most recent prior score moves across its grade's boundaries, the
     * other priors held at the student's own.
     *
     * @return {@code [GRID][1 + SHOWN.length]}: the prior score, then one predicted score per shown percentile
     */
    static double[][] curves(double[][] coefficients, List<KnotsAndBoundaries> priorKnots, double[] priors) {
        var knots = priorKnots.get(0);
        double from = knots.lowerBoundary();
        double step = (knots.upperBoundary() - from) / (GRID - 1);
        double[][] rows = new double[GRID][];
        double[] varied = priors.clone();
        for (int g = 0; g < GRID; g++) {
            varied[0] = from + g * step;
            double[] predicted = predicted(coefficients, priorKnots, varied);
            double[] row = new double[1 + SHOWN.length];
            row[0] = varied[0];
            for (int s = 0; s < SHOWN.length; s++) {
                row[1 + s] = predicted[SHOWN[s] - 1];
            }
            rows[g] = row;
        }
        return rows;
    }
}
