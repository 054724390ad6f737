package org.cadre.growth.engine.spline;

import java.util.Arrays;

/**
 * The cubic B-spline basis of R's {@code splines::bs(x, knots, Boundary.knots)} with the default
 * {@code degree = 3} and {@code intercept = FALSE}: seven columns for four interior knots.
 *
 * <p>Values are meant to match R to rounding error, so the evaluation follows R's own recursion
 * ({@code splineDesign}) rather than an algebraically equivalent one. Outside the boundary knots
 * R does not return zeros: {@code bs} continues the basis with a cubic Taylor expansion taken at a
 * pivot a quarter of the way from the boundary knot to the nearest interior knot, and so does this
 * class. Instances are immutable and safe to share between threads.
 */
public final class BSplineBasis {

    /** Columns produced for four interior knots without the intercept column. */
    public static final int COLUMNS = 7;

    private static final int ORDER = 4;
    private static final int DEGREE = ORDER - 1;
    /** Where R places the Taylor pivot between the boundary knot and the next knot (R >= 3.2.3). */
    private static final double PIVOT_FRACTION = 0.25;

    private final double[] knots;
    private final double lowerBoundary;
    private final double upperBoundary;
    private final double[] lowerTaylor;
    private final double[] upperTaylor;
    private final double lowerPivot;
    private final double upperPivot;

    /**
     * @param interiorKnots the four interior knots
     * @param lowerBoundary the lower boundary knot
     * @param upperBoundary the upper boundary knot, greater than the lower one
     */
    public BSplineBasis(double[] interiorKnots, double lowerBoundary, double upperBoundary) {
        if (interiorKnots.length != COLUMNS - DEGREE) {
            throw new IllegalArgumentException("expected 4 interior knots, got " + interiorKnots.length);
        }
        if (!(lowerBoundary < upperBoundary)) {
            throw new IllegalArgumentException(
                    "boundary knots must be increasing: " + lowerBoundary + ", " + upperBoundary);
        }
        this.lowerBoundary = lowerBoundary;
        this.upperBoundary = upperBoundary;
        knots = new double[2 * ORDER + interiorKnots.length];
        Arrays.fill(knots, 0, ORDER, lowerBoundary);
        System.arraycopy(interiorKnots, 0, knots, ORDER, interiorKnots.length);
        Arrays.fill(knots, ORDER + interiorKnots.length, knots.length, upperBoundary);
        // R sorts the augmented knots, which matters only for fixed knots outside the boundaries.
        Arrays.sort(knots);
        lowerPivot = (1 - PIVOT_FRACTION) * lowerBoundary + PIVOT_FRACTION * knots[ORDER];
        upperPivot = (1 - PIVOT_FRACTION) * upperBoundary + PIVOT_FRACTION * knots[knots.length - ORDER - 1];
        lowerTaylor = taylorCoefficients(lowerPivot);
        upperTaylor = taylorCoefficients(upperPivot);
    }

    /** Below this knot the basis is extrapolated. */
    public double lowerBoundary() {
        return lowerBoundary;
    }

    /** Above this knot the basis is extrapolated. */
    public double upperBoundary() {
        return upperBoundary;
    }

    /** Returns the seven basis values at {@code x}. */
    public double[] evaluate(double x) {
        double[] out = new double[COLUMNS];
        evaluate(x, out, 0);
        return out;
    }

    /**
     * Writes the seven basis values at {@code x} into {@code out[offset..offset+6]}; avoids an
     * allocation per value when filling a design matrix row.
     */
    public void evaluate(double x, double[] out, int offset) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("cannot evaluate the basis at NaN");
        }
        if (x < lowerBoundary) {
            extrapolate(x - lowerPivot, lowerTaylor, out, offset);
        } else if (x > upperBoundary) {
            extrapolate(x - upperPivot, upperTaylor, out, offset);
        } else {
            double[] full = new double[COLUMNS + 1];
            int first = nonZeroValues(x, full);
            fillWithoutIntercept(full, first, out, offset);
        }
    }

    private static void fillWithoutIntercept(double[] local, int first, double[] out, int offset) {
        Arrays.fill(out, offset, offset + COLUMNS, 0.0);
        for (int j = 0; j < ORDER; j++) {
            int column = first + j - 1;
            if (column >= 0) {
                out[offset + column] = local[j];
            }
        }
    }

    /**
     * Computes the ORDER non-zero B-splines at {@code x} into {@code local[0..3]} and returns the
     * index (0..7, intercept included) of the first of them.
     */
    private int nonZeroValues(double x, double[] local) {
        int cursor = cursor(x);
        double[] right = new double[DEGREE];
        double[] left = new double[DEGREE];
        for (int i = 0; i < DEGREE; i++) {
            right[i] = knots[cursor + i] - x;
            left[i] = x - knots[cursor - (i + 1)];
        }
        local[0] = 1.0;
        for (int j = 1; j <= DEGREE; j++) {
            double saved = 0.0;
            for (int r = 0; r < j; r++) {
                double denominator = right[r] + left[j - 1 - r];
                if (denominator != 0) {
                    double term = local[r] / denominator;
                    local[r] = saved + right[r] * term;
                    saved = left[j - 1 - r] * term;
                } else {
                    if (r != 0 || right[r] != 0.0) {
                        local[r] = saved;
                    }
                    saved = 0.0;
                }
            }
            local[j] = saved;
        }
        return cursor - ORDER;
    }

    /**
     * The index of the first knot strictly greater than {@code x}; at the upper boundary knot R
     * uses the last non-empty interval, so the basis is right-continuous there too.
     */
    private int cursor(double x) {
        int cursor = -1;
        for (int i = 0; i < knots.length; i++) {
            if (knots[i] >= x) {
                cursor = i;
            }
            if (knots[i] > x) {
                break;
            }
        }
        int lastLegitimate = knots.length - ORDER;
        if (cursor > lastLegitimate && x == knots[lastLegitimate]) {
            cursor = lastLegitimate;
        }
        return cursor;
    }

    /** Derivative {@code derivative} of the B-spline with local coefficients {@code a} at x. */
    private double derivativeAt(int cursor, double x, int derivative, double[] a) {
        int outer = DEGREE;
        for (int d = 0; d < derivative; d++) {
            for (int j = 0; j < outer; j++) {
                int low = cursor - outer + j;
                a[j] = outer * (a[j + 1] - a[j]) / (knots[low + outer] - knots[low]);
            }
            outer--;
        }
        double[] right = new double[DEGREE];
        double[] left = new double[DEGREE];
        for (int i = 0; i < outer; i++) {
            right[i] = knots[cursor + i] - x;
            left[i] = x - knots[cursor - (i + 1)];
        }
        while (outer-- > 0) {
            for (int j = 0; j <= outer; j++) {
                double l = left[outer - j];
                double r = right[j];
                a[j] = (a[j + 1] * l + a[j] * r) / (r + l);
            }
        }
        return a[0];
    }

    /**
     * Row {@code d} (0..3) holds the d-th derivative of each of the eight B-splines at the pivot
     * divided by d!, laid out as {@code [d * 8 + column]}: the Taylor coefficients R multiplies
     * with {@code (1, h, h^2, h^3)}.
     */
    private double[] taylorCoefficients(double pivot) {
        double[] coefficients = new double[ORDER * (COLUMNS + 1)];
        int cursor = cursor(pivot);
        int first = cursor - ORDER;
        double[] values = new double[COLUMNS + 1];
        nonZeroValues(pivot, values);
        for (int j = 0; j < ORDER; j++) {
            coefficients[first + j] = values[j];
        }
        double factorial = 1;
        for (int d = 1; d <= DEGREE; d++) {
            factorial *= d;
            for (int basis = 0; basis < ORDER; basis++) {
                double[] unit = new double[ORDER];
                unit[basis] = 1;
                coefficients[d * (COLUMNS + 1) + first + basis] = derivativeAt(cursor, pivot, d, unit) / factorial;
            }
        }
        return coefficients;
    }

    private static void extrapolate(double h, double[] taylor, double[] out, int offset) {
        double h2 = h * h;
        double h3 = Math.pow(h, 3);
        int width = COLUMNS + 1;
        for (int column = 1; column < width; column++) {
            out[offset + column - 1] = taylor[column]
                    + h * taylor[width + column]
                    + h2 * taylor[2 * width + column]
                    + h3 * taylor[3 * width + column];
        }
    }
}
