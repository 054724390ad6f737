package org.cadre.growth.engine.quantreg;

/** Order statistics in linear expected time, for the glob cut-offs over millions of residuals. */
final class Selection {

    private Selection() {}

    /**
     * Type 7 quantiles at two levels {@code low <= high}; reorders {@code values}.
     */
    static double[] type7Pair(double[] values, double low, double high) {
        int n = values.length;
        double highIndex = (n - 1) * high;
        int hiLo = (int) Math.floor(highIndex);
        double highQuantile = quantileAt(values, 0, n, hiLo, highIndex - hiLo);
        // After selecting hiLo everything left of it is <= it, so the low quantile is found there.
        double lowIndex = (n - 1) * low;
        int loLo = (int) Math.floor(lowIndex);
        double lowQuantile = quantileAt(values, 0, Math.min(n, hiLo + 1), loLo, lowIndex - loLo);
        return new double[] {lowQuantile, highQuantile};
    }

    private static double quantileAt(double[] values, int from, int to, int k, double fraction) {
        double at = select(values, from, to, k);
        if (fraction == 0 || k + 1 >= values.length) {
            return at;
        }
        double next = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i < values.length; i++) {
            next = Math.min(next, values[i]);
        }
        return next == at ? at : (1 - fraction) * at + fraction * next;
    }

    /** Puts the k-th smallest of {@code values[from..to)} at index k and returns it. */
    static double select(double[] values, int from, int to, int k) {
        int left = from;
        int right = to - 1;
        while (left < right) {
            int middle = (left + right) >>> 1;
            double pivot = medianOfThree(values[left], values[middle], values[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                break;
            }
        }
        return values[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
