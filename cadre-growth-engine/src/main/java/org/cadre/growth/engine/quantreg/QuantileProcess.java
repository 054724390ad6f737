package org.cadre.growth.engine.quantreg;

/**
 * Quantile regression fits at a sequence of quantile levels.
 *
 * @param taus the quantile levels, in the order they were requested
 * @param coefficients {@code coefficients[t]} are the coefficients at {@code taus[t]}
 * @param checkLoss {@code checkLoss[t]} is the minimised objective, the sum of
 *     {@code rho_tau(y_i - x_i' beta)} over all observations
 * @param exactVertices how many of the fits were confirmed as exact optimal vertices; the others
 *     are interior point solutions within the convergence tolerance
 */
public record QuantileProcess(double[] taus, double[][] coefficients, double[] checkLoss, int exactVertices) {}
