package org.cadre.growth.engine.quantreg;

import java.util.Arrays;

/**
 * Merges observations with identical covariates and response into one row scaled by their count.
 * The check loss is positively homogeneous, so {@code w * rho(y - x'b) = rho(w y - w x'b)} and the
 * merged problem has exactly the same solutions; merging keeps exact ties (common when scores are
 * reported to one decimal) from making the optimal vertex degenerate.
 */
final class IdenticalRows {

    /** The merged problem: {@code rows} rows of {@code design} and {@code response}. */
    record Merged(double[] design, double[] response, int rows) {}

    private IdenticalRows() {}

    static Merged merge(double[] design, double[] response, int n, int p) {
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        int[] table = new int[capacity];
        Arrays.fill(table, -1);
        int[] target = new int[n];
        int[] count = new int[n];
        int distinct = 0;
        int[] firstOf = new int[n];
        for (int i = 0; i < n; i++) {
            int slot = hash(design, response, i, p) & (capacity - 1);
            while (true) {
                int owner = table[slot];
                if (owner < 0) {
                    table[slot] = i;
                    target[i] = distinct;
                    firstOf[distinct] = i;
                    count[distinct++] = 1;
                    break;
                }
                if (same(design, response, owner, i, p)) {
                    target[i] = target[owner];
                    count[target[owner]]++;
                    break;
                }
                slot = (slot + 1) & (capacity - 1);
            }
        }
        if (distinct == n) {
            return new Merged(design, response, n);
        }
        double[] mergedDesign = new double[distinct * p];
        double[] mergedResponse = new double[distinct];
        for (int d = 0; d < distinct; d++) {
            int i = firstOf[d];
            double weight = count[d];
            for (int j = 0; j < p; j++) {
                mergedDesign[d * p + j] = weight * design[i * p + j];
            }
            mergedResponse[d] = weight * response[i];
        }
        return new Merged(mergedDesign, mergedResponse, distinct);
    }

    private static int hash(double[] design, double[] response, int i, int p) {
        long h = Double.doubleToLongBits(response[i] + 0.0);
        for (int j = 0; j < p; j++) {
            h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(design[i * p + j] + 0.0);
        }
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 29));
    }

    private static boolean same(double[] design, double[] response, int a, int b, int p) {
        if (response[a] != response[b]) {
            return false;
        }
        for (int j = 0; j < p; j++) {
            if (design[a * p + j] != design[b * p + j]) {
                return false;
            }
        }
        return true;
    }
}
