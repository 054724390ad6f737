package org.cadre.growth.engine.quantreg;

/**
 * A dense design matrix stored row-major in one array, so a fit over a million students touches
 * memory in order and never boxes.
 *
 * @param rows number of observations
 * @param columns number of coefficients, the intercept column included when the caller wants one
 * @param values {@code values[i * columns + j]} is column j of observation i; not copied
 */
public record DesignMatrix(int rows, int columns, double[] values) {

    public DesignMatrix {
        if (rows < 0 || columns <= 0 || (long) rows * columns != values.length) {
            throw new IllegalArgumentException("values must hold rows * columns entries");
        }
    }

    /** Column j of observation i. */
    public double get(int i, int j) {
        return values[i * columns + j];
    }

    /** The fitted value of observation i for the given coefficients. */
    public double fitted(int i, double[] coefficients) {
        double sum = 0;
        int row = i * columns;
        for (int j = 0; j < columns; j++) {
            sum += values[row + j] * coefficients[j];
        }
        return sum;
    }
}
