package org.cadre.growth.engine.quantreg;

/** The k-th smallest value in linear expected time, without sorting. */
final class Selection {

    private Selection() {}

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
