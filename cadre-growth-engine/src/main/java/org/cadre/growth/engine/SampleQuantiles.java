package org.cadre.growth.engine;

import java.util.Arrays;

/** Sample quantiles as R's {@code quantile(x, probs, type = 7)}, the R default. */
public final class SampleQuantiles {

    private SampleQuantiles() {}

    /**
     * @param values the sample, not modified; must not be empty or contain NaN
     * @param probabilities levels in [0, 1]
     */
    public static double[] type7(double[] values, double... probabilities) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take quantiles of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] quantiles = new double[probabilities.length];
        for (int q = 0; q < probabilities.length; q++) {
            quantiles[q] = type7Sorted(sorted, probabilities[q]);
        }
        return quantiles;
    }

    /** Type 7 quantile of an already sorted sample. */
    public static double type7Sorted(double[] sorted, double probability) {
        // R computes a 1-based index = 1 + (n - 1) * p and h = index - floor(index); doing the
        // same additions keeps the last bit identical to R's.
        double index = 1 + (sorted.length - 1) * probability;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double low = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != low) {
            double h = index - lo;
            return (1 - h) * low + h * sorted[hi - 1];
        }
        return low;
    }
}
