package org.cadre.growth.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal rounding with the result R's {@code round(x, digits)} gives: the double nearest to the
 * decimal closest to {@code x}, exact halves going to the even digit.
 */
public final class Rounding {

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private Rounding() {}

    /** Rounds {@code x} to {@code digits} decimals (0..9). */
    public static double round(double x, int digits) {
        if (!Double.isFinite(x)) {
            return x;
        }
        double scale = POWERS[digits];
        double scaled = x * scale;
        double whole = Math.rint(scaled);
        // The scaled product carries its own rounding error; only near a half can that change
        // the answer, and there the exact decimal expansion of x decides.
        if (Math.abs(Math.abs(scaled - whole) - 0.5) > 1e-6 && Math.abs(scaled) < 1e15) {
            return whole / scale;
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }
}
