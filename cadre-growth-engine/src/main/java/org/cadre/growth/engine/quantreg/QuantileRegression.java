package org.cadre.growth.engine.quantreg;

import java.util.List;

/**
 * Linear quantile regression at many quantile levels ("the quantile regression process").
 *
 * <p>Each level is solved with the Frisch–Newton interior point method on a reduced problem
 * ({@link Preprocessing}) and then moved to the exact optimal vertex, the answer R's
 * {@code quantreg::rq(method = "br")} gives. The level nearest the median is solved first from a
 * subsample; two chains then walk up and down the levels, each level starting from its neighbour's
 * solution. The two chains are the unit of parallelism and the split never depends on the number
 * of threads, so results are identical whatever the thread count.
 */
public final class QuantileRegression {

    private QuantileRegression() {}

    /**
     * Fits every quantile level.
     *
     * @param design the design matrix (include an intercept column if wanted)
     * @param response one response per row
     * @param taus increasing quantile levels in (0, 1)
     * @param threads threads to use; one is enough for small problems
     * @throws SingularDesignException when the design does not have full column rank
     */
    public static QuantileProcess fit(DesignMatrix design, double[] response, double[] taus, int threads) {
        int n = design.rows();
        int p = design.columns();
        if (response.length != n) {
            throw new IllegalArgumentException("one response per design row expected");
        }
        if (n <= p) {
            throw new IllegalArgumentException("need more observations (" + n + ") than columns (" + p + ")");
        }
        for (int t = 0; t < taus.length; t++) {
            if (!(taus[t] > 0 && taus[t] < 1) || (t > 0 && taus[t] <= taus[t - 1])) {
                throw new IllegalArgumentException("quantile levels must be increasing and inside (0, 1)");
            }
        }
        Preprocessing preprocessing = new Preprocessing(design, response, threads);
        int anchor = 0;
        for (int t = 1; t < taus.length; t++) {
            if (Math.abs(taus[t] - 0.5) < Math.abs(taus[anchor] - 0.5)) {
                anchor = t;
            }
        }
        Preprocessing.TauSolution[] solutions = new Preprocessing.TauSolution[taus.length];
        solutions[anchor] = preprocessing.first(taus[anchor]);
        Preprocessing.TauSolution anchored = solutions[anchor];
        int first = anchor;
        Runnable upwards = () -> {
            Preprocessing.Chain chain = preprocessing.chainFrom(anchored);
            for (int t = first + 1; t < taus.length; t++) {
                double following = t + 1 < taus.length ? taus[t + 1] : Double.NaN;
                solutions[t] = chain.next(taus[t], following).slim();
            }
        };
        Runnable downwards = () -> {
            Preprocessing.Chain chain = preprocessing.chainFrom(anchored);
            for (int t = first - 1; t >= 0; t--) {
                double following = t > 0 ? taus[t - 1] : Double.NaN;
                solutions[t] = chain.next(taus[t], following).slim();
            }
        };
        Parallel.run(threads, List.of(upwards, downwards));
        solutions[anchor] = anchored.slim();
        double[][] coefficients = new double[taus.length][];
        double[] loss = new double[taus.length];
        int exact = 0;
        for (int t = 0; t < taus.length; t++) {
            coefficients[t] = solutions[t].beta();
            loss[t] = solutions[t].checkLoss();
            exact += solutions[t].exact() ? 1 : 0;
        }
        return new QuantileProcess(taus.clone(), coefficients, loss, exact);
    }

    /** Fits a single quantile level. */
    public static QuantileProcess fit(DesignMatrix design, double[] response, double tau) {
        return fit(design, response, new double[] {tau}, 1);
    }
}
