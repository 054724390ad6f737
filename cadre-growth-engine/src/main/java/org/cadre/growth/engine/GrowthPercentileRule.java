package org.cadre.growth.engine;

/**
 * How predicted conditional quantiles turn into a growth percentile, as the SGP package does it.
 */
public final class GrowthPercentileRule {

    /** Predicted quantiles are compared at this many decimals, so noise below it cannot count. */
    public static final int PREDICTION_DECIMALS = 5;

    /** The 100 quantile levels, (1..100 - 0.5) / 100. */
    public static final double[] TAUS = taus();

    private static final double NEAR = 1e-5;

    private GrowthPercentileRule() {}

    /**
     * The growth percentile of a student whose current score is {@code actual} and whose predicted
     * quantiles are {@code predicted}: how many rounded predictions lie strictly below the actual
     * score, moved into 1..99 because 0 and 100 are not reported.
     *
     * <p>The SGP package sorts the predictions first to undo quantile crossing; a count of values
     * below a threshold does not depend on their order, so the sort changes nothing here.
     */
    public static int percentile(double[] predicted, double actual) {
        int below = 0;
        for (double prediction : predicted) {
            // Rounding to five decimals moves a value by at most 0.000005, so it can only change
            // the comparison for predictions that close to the score.
            if (prediction < actual - NEAR) {
                below++;
            } else if (prediction <= actual + NEAR && Rounding.round(prediction, PREDICTION_DECIMALS) < actual) {
                below++;
            }
        }
        return clamp(below);
    }

    /** 0 becomes 1 and anything from 100 up becomes 99. */
    public static int clamp(int below) {
        return Math.min(99, Math.max(1, below));
    }

    private static double[] taus() {
        double[] taus = new double[100];
        for (int i = 1; i <= 100; i++) {
            taus[i - 1] = (i - 0.5) / 100;
        }
        return taus;
    }
}
