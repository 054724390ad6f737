package org.cadre.growth.engine;

import java.util.Arrays;
import org.cadre.growth.engine.spline.BSplineBasis;

/**
 * Where the B-spline basis of one subject and grade bends (four interior knots) and where it is
 * anchored (two boundary knots).
 *
 * @param knots the four interior knots, increasing
 * @param lowerBoundary lower boundary knot
 * @param upperBoundary upper boundary knot
 */
public record KnotsAndBoundaries(double[] knots, double lowerBoundary, double upperBoundary) {

    private static final double[] KNOT_LEVELS = {0.2, 0.4, 0.6, 0.8};
    private static final double BOUNDARY_WIDENING = 0.1;
    private static final int DECIMALS = 3;

    public KnotsAndBoundaries {
        if (knots.length != 4) {
            throw new IllegalArgumentException("expected 4 interior knots, got " + knots.length);
        }
        if (!(lowerBoundary < upperBoundary)) {
            throw new IllegalArgumentException("boundaries must be increasing");
        }
        knots = knots.clone();
    }

    /**
     * The SGP package convention ({@code createKnotsBoundaries}): knots at the 20/40/60/80 % type 7
     * quantiles of all the scores of the subject and grade, boundaries at the range widened by 10 %
     * on each side ({@code extendrange(f = 0.1)}), all rounded to three decimals. The SGP package
     * rounds the boundaries as well as the knots, and so does this method.
     *
     * @param scores every score of the subject and grade, from every year
     */
    public static KnotsAndBoundaries fromScores(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] knots = new double[KNOT_LEVELS.length];
        for (int k = 0; k < knots.length; k++) {
            knots[k] = Rounding.round(SampleQuantiles.type7Sorted(sorted, KNOT_LEVELS[k]), DECIMALS);
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        double width = max - min;
        return new KnotsAndBoundaries(
                knots,
                Rounding.round(min - BOUNDARY_WIDENING * width, DECIMALS),
                Rounding.round(max + BOUNDARY_WIDENING * width, DECIMALS));
    }

    @Override
    public double[] knots() {
        return knots.clone();
    }

    /** The basis these knots define. */
    public BSplineBasis basis() {
        return new BSplineBasis(knots, lowerBoundary, upperBoundary);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnotsAndBoundaries that
                && Arrays.equals(knots, that.knots)
                && lowerBoundary == that.lowerBoundary
                && upperBoundary == that.upperBoundary;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(knots) + Double.hashCode(lowerBoundary) * 17 + Double.hashCode(upperBoundary);
    }

    @Override
    public String toString() {
        return "KnotsAndBoundaries[knots=" + Arrays.toString(knots) + ", boundaries=[" + lowerBoundary + ", "
                + upperBoundary + "]]";
    }
}
