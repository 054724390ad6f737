package org.cadre.growth;

import java.util.Arrays;

/**
 * The statistics of a group's growth percentiles: the median growth percentile as R's {@code median} gives it,
 * its weighted form for teachers with instructional weights, and the mean with its standard error.
 */
public final class MedianGrowth {

    private MedianGrowth() {}

    /** R's {@code median}: the middle value, or the mean of the two middle values when there is an even number. */
    public static double median(int[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * The weighted median: with the values in increasing order, the first value at which the cumulative weight
     * reaches half of the total weight; when it reaches exactly half, the mean of that value and the next one.
     * With equal weights this is {@link #median(int[])}, halves included.
     *
     * @param hundredths each value's weight in hundredths (instructional weights have two decimals), so that
     *     "exactly half" is decided without rounding
     */
    public static double weightedMedian(int[] values, int[] hundredths) {
        if (values.length == 0 || values.length != hundredths.length) {
            throw new IllegalArgumentException("as many positive weights as values are needed");
        }
        Integer[] order = new Integer[values.length];
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            if (hundredths[i] <= 0) {
                throw new IllegalArgumentException("weights must be positive");
            }
            order[i] = i;
            total += hundredths[i];
        }
        Arrays.sort(order, (a, b) -> Integer.compare(values[a], values[b]));
        long cumulative = 0;
        for (int k = 0; k < order.length; k++) {
            cumulative += hundredths[order[k]];
            // Compare 2 * cumulative with the total so that halves stay integers.
            if (2 * cumulative == total && k + 1 < order.length) {
                return (values[order[k]] + values[order[k + 1]]) / 2.0;
            }
            if (2 * cumulative >= total) {
                return values[order[k]];
            }
        }
        return values[order[order.length - 1]];
    }

    /** The arithmetic mean. */
    public static double mean(int[] values) {
        long sum = 0;
        for (int v : values) {
            sum += v;
        }
        return (double) sum / values.length;
    }

    /** The standard error of the mean, sd / sqrt(n) with the sample standard deviation; NaN for fewer than two. */
    public static double standardError(int[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (int v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }
}
