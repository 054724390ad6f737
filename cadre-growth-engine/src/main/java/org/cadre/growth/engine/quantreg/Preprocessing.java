package org.cadre.growth.engine.quantreg;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Portnoy and Koenker's (1997) preprocessing for large quantile regressions: from a preliminary
 * fit, observations confidently above or below the quantile plane are "globbed" into two pseudo
 * observations, the small remaining problem is solved exactly, and the residual signs on the full
 * data confirm the answer; observations whose sign was guessed wrong are put back and the small
 * problem solved again.
 *
 * <p>The preliminary fit comes either from a random subsample (the first quantile level) or, as in
 * Chernozhukov, Fernández-Val and Melly (2022), from the solutions at the neighbouring quantile
 * levels. Here the two previous solutions are extrapolated linearly, which removes most of the
 * drift between levels and lets the kept band be narrow; the band's width adapts along the walk.
 *
 * <p>When all goes well a level reads the full design once: the pass that checks its residual
 * signs also predicts the next level's residuals and builds the next reduced problem.
 */
final class Preprocessing {

    /** Problems with at most this many rows are solved directly. */
    static final int DIRECT_ROWS = 3_000;

    /** Fixed so the subsample, and with it every result, is reproducible. */
    private static final long SUBSAMPLE_SEED = 0x5347_5043_4144_5245L;

    private static final int CUT_SAMPLE = 5_000;
    private static final int MAX_FIXUPS = 3;
    private static final double TOO_MANY_FIXUPS = 0.1;
    private static final double RELATIVE_GAP = 1e-11;
    /** Starting half-width, in quantile-level units, of the band kept after a warm start. */
    private static final double WARM_HALF_WIDTH = 0.02;
    /** Narrowest band tried, in quantile-level units and as rows per column. */
    private static final double MIN_HALF_WIDTH = 0.002;

    private static final double MIN_ROWS_PER_COLUMN = 20;
    /** The next band is at least this share of the current one... */
    private static final double SHRINK = 0.8;
    /** ...and this multiple of the width the current level turned out to need. */
    private static final double SAFETY = 2;

    private final double[] x;
    private final double[] y;
    private final int n;
    private final int p;
    private final double[] inverseBand;
    private final int[] sampleRows;
    /**
     * The design's non-zeros, {@code width} per row (padded with zeros), and their columns, for the
     * check pass; null when the rows are too dense for this to pay. A B-spline row has at most 4
     * non-zeros per prior, so an order-3 row is read as 13 values instead of 22.
     */
    private final double[] compactValues;

    private final byte[] compactColumns;
    private final int width;

    /**
     * The solution at one quantile level and, while the walk needs them, the standardised
     * residuals predicted for the next level.
     */
    record TauSolution(double tau, double[] beta, double checkLoss, boolean exact, double[] nextRatio) {

        TauSolution slim() {
            return new TauSolution(tau, beta, checkLoss, exact, null);
        }
    }

    /** Coefficients and whether they were confirmed as the exact optimal vertex. */
    private record Fit(double[] beta, boolean exact) {}

    /**
     * The reduced problem of one level: which observations are below (-1), kept (0) or above (1)
     * the band, the kept rows, and the two globs.
     */
    private final class Reduced {
        final byte[] side = new byte[n];
        /**
         * The kept observations, in index order; their rows are copied out only when the problem
         * is solved, so the check pass writes one int per kept row and never grows an array.
         */
        final int[] keptRows = new int[n];

        double[] design = new double[0];
        double[] response = new double[0];
        final double[] below = new double[p];
        final double[] above = new double[p];
        double belowY;
        double aboveY;
        int kept;
        /** Sorted sample of the standardised residuals the band was cut from. */
        double[] sample;

        void clear(int expectedRows) {
            Arrays.fill(below, 0);
            Arrays.fill(above, 0);
            belowY = 0;
            aboveY = 0;
            kept = 0;
            ensure(expectedRows + 2);
        }

        void ensure(int rows) {
            if (response.length < rows) {
                int capacity = Math.max(rows, response.length + response.length / 2);
                design = Arrays.copyOf(design, capacity * p);
                response = Arrays.copyOf(response, capacity);
            }
        }

        void keep(int i) {
            keptRows[kept++] = i;
        }

        /** Rebuilds the kept rows and globs from {@link #side} with one pass over the data. */
        void build() {
            int expected = 0;
            for (int i = 0; i < n; i++) {
                if (side[i] == 0) {
                    expected++;
                }
            }
            clear(expected);
            for (int i = 0; i < n; i++) {
                byte s = side[i];
                if (s == 0) {
                    keep(i);
                } else {
                    glob(i, s);
                }
            }
        }

        /**
         * Starts the next level's globs from this level's: between neighbouring levels only a few
         * observations change side, so updating the sums for those is much cheaper than adding up
         * half the data again.
         */
        void startFrom(Reduced current, int expectedRows) {
            clear(expectedRows);
            System.arraycopy(current.below, 0, below, 0, p);
            System.arraycopy(current.above, 0, above, 0, p);
            belowY = current.belowY;
            aboveY = current.aboveY;
        }

        /** Moves observation i from side {@code from} (of the level this started from) to {@code to}. */
        void move(int i, byte from, byte to) {
            if (from != 0) {
                unglob(i, from);
            }
            if (to == 0) {
                keep(i);
            } else {
                glob(i, to);
            }
        }

        void unglob(int i, byte s) {
            double[] target = s < 0 ? below : above;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                target[j] -= x[row + j];
            }
            if (s < 0) {
                belowY -= y[i];
            } else {
                aboveY -= y[i];
            }
        }

        void glob(int i, byte s) {
            double[] target = s < 0 ? below : above;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                target[j] += x[row + j];
            }
            if (s < 0) {
                belowY += y[i];
            } else {
                aboveY += y[i];
            }
        }

        /** Copies out the kept rows, appends the globs and returns the number of rows to solve. */
        int withGlobs() {
            ensure(kept + 2);
            for (int k = 0; k < kept; k++) {
                int i = keptRows[k];
                System.arraycopy(x, i * p, design, k * p, p);
                response[k] = y[i];
            }
            System.arraycopy(below, 0, design, kept * p, p);
            System.arraycopy(above, 0, design, (kept + 1) * p, p);
            response[kept] = belowY;
            response[kept + 1] = aboveY;
            return kept + 2;
        }
    }

    /** One walk along the quantile levels, with its own working arrays. */
    final class Chain {
        private final double[][] ratios = new double[2][];
        private final Reduced[] reduced = new Reduced[2];
        private final FrischNewton solver = new FrischNewton(p);
        private double halfWidth = WARM_HALF_WIDTH;
        private TauSolution previous;
        /** The reduced problem the last check pass prepared for the level now due, if any. */
        private Reduced prepared;

        private Chain(TauSolution start) {
            previous = start;
        }

        /**
         * Solves level {@code tau}; {@code following} is the level after it on this walk (NaN at
         * the end), for which the check pass prepares the next reduced problem.
         */
        TauSolution next(double tau, double following) {
            TauSolution solution = direct()
                    ? solveFull(solver, tau, previous.beta())
                    : solveWithGlobs(this, tau, following, previous.beta(), previous.nextRatio(), true);
            previous = solution;
            return solution;
        }

        private double[] freeRatio() {
            double[] inUse = previous == null ? null : previous.nextRatio();
            for (int k = 0; k < ratios.length; k++) {
                if (ratios[k] == null) {
                    ratios[k] = new double[n];
                }
                if (ratios[k] != inUse) {
                    return ratios[k];
                }
            }
            throw new IllegalStateException("two buffers and only one in use");
        }

        private Reduced freeReduced(Reduced inUse) {
            for (int k = 0; k < reduced.length; k++) {
                if (reduced[k] == null) {
                    reduced[k] = new Reduced();
                }
                if (reduced[k] != inUse) {
                    return reduced[k];
                }
            }
            throw new IllegalStateException("two buffers and only one in use");
        }
    }

    Preprocessing(DesignMatrix design, double[] response, int threads) {
        this.x = design.values();
        this.y = response;
        this.n = design.rows();
        this.p = design.columns();
        double[] factor = crossProductFactor(threads);
        if (n > DIRECT_ROWS) {
            inverseBand = inverseLeverageBand(factor, threads);
            int size = Math.min(n, CUT_SAMPLE);
            sampleRows = new int[size];
            for (int k = 0; k < size; k++) {
                sampleRows[k] = (int) ((long) k * n / size);
            }
            width = widestRow(threads);
        } else {
            inverseBand = null;
            sampleRows = null;
            width = p;
        }
        if (4 * width <= 3 * p && p <= Byte.MAX_VALUE) {
            compactValues = new double[n * width];
            compactColumns = new byte[n * width];
            Parallel.forBlocks(threads, n, (block, from, to) -> {
                for (int i = from; i < to; i++) {
                    int at = i * width;
                    for (int j = 0, row = i * p; j < p; j++) {
                        if (x[row + j] != 0) {
                            compactValues[at] = x[row + j];
                            compactColumns[at++] = (byte) j;
                        }
                    }
                }
            });
        } else {
            compactValues = null;
            compactColumns = null;
        }
    }

    /** The most non-zeros in any row of the design. */
    private int widestRow(int threads) {
        int[] widest = new int[Parallel.blockCount(n)];
        Parallel.forBlocks(threads, n, (block, from, to) -> {
            int most = 0;
            for (int i = from; i < to; i++) {
                int count = 0;
                for (int j = 0, row = i * p; j < p; j++) {
                    if (x[row + j] != 0) {
                        count++;
                    }
                }
                most = Math.max(most, count);
            }
            widest[block] = most;
        });
        return Arrays.stream(widest).max().orElse(p);
    }

    private boolean direct() {
        return inverseBand == null;
    }

    /** A walk starting from {@code start}. */
    Chain chainFrom(TauSolution start) {
        return new Chain(start);
    }

    /**
     * Solves the first quantile level without any earlier solution, from a subsample fit as in
     * quantreg's {@code rq.fit.pfn}; the predicted residuals it leaves are its own residuals.
     */
    TauSolution first(double tau) {
        FrischNewton solver = new FrischNewton(p);
        if (direct()) {
            return solveFull(solver, tau, null);
        }
        int m = (int) Math.round(Math.pow((double) (p + 1) * n, 2.0 / 3.0));
        if (2L * m >= n) {
            return solveFull(solver, tau, null);
        }
        int[] sample = subsample(m);
        double[] sx = new double[m * p];
        double[] sy = new double[m];
        for (int k = 0; k < m; k++) {
            System.arraycopy(x, sample[k] * p, sx, k * p, p);
            sy[k] = y[sample[k]];
        }
        double[] preliminary = solver.solve(sx, sy, m, tau, null, 1e-8);
        if (preliminary == null) {
            return solveFull(solver, tau, null);
        }
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = (y[i] - FrischNewton.dot(x, i * p, preliminary, p)) * inverseBand[i];
        }
        Chain chain = new Chain(null);
        chain.halfWidth = 0.4 * m / n;
        return solveWithGlobs(chain, tau, Double.NaN, preliminary, ratio, false);
    }

    /**
     * Globs by the standardised predicted residuals {@code ratio}, solves, checks and repairs;
     * widens the band when the prediction was too far off. The check pass also predicts the
     * residuals at level {@code following}, extrapolating from the chain's previous solution
     * to this one, and builds that level's reduced problem.
     */
    private TauSolution solveWithGlobs(
            Chain chain, double tau, double following, double[] start, double[] ratio, boolean adapt) {
        double halfWidth = chain.halfWidth;
        Reduced current = chain.prepared;
        chain.prepared = null;
        double[] sorted = null;
        while (2 * halfWidth < 0.8) {
            if (current == null) {
                if (sorted == null) {
                    sorted = sampleSorted(ratio, null, null);
                }
                current = chain.freeReduced(null);
                assignSides(ratio, cuts(sorted, tau, halfWidth), current.side);
                current.sample = sorted;
                current.build();
            }
            for (int fixup = 0; fixup <= MAX_FIXUPS; fixup++) {
                int rows = current.withGlobs();
                Fit fit = solveExactly(chain.solver, current.design, current.response, rows, tau, start);
                double[] beta = fit.beta();
                double[] shift = new double[p];
                boolean prepare = adapt && !Double.isNaN(following) && chain.previous != null;
                if (prepare) {
                    double scale = (following - tau) / (tau - chain.previous.tau());
                    for (int j = 0; j < p; j++) {
                        shift[j] = scale * (beta[j] - chain.previous.beta()[j]);
                    }
                }
                // How wide the band had to be this time, measured on the sample, sets the next
                // band: a safe margin wider than needed and never much narrower than this one,
                // so a bad guess, which costs a second solve, stays rare.
                double needed = neededHalfWidth(current.sample, ratio, tau, beta);
                double nextHalfWidth =
                        Math.min(0.4, Math.max(minimumHalfWidth(), Math.max(SAFETY * needed, SHRINK * halfWidth)));
                double[] next = chain.freeRatio();
                Reduced upcoming = prepare ? chain.freeReduced(current) : null;
                double[] nextCuts = null;
                if (prepare) {
                    upcoming.sample = sampleSorted(null, beta, shift);
                    nextCuts = cuts(upcoming.sample, following, nextHalfWidth);
                    upcoming.startFrom(current, (int) (2.2 * nextHalfWidth * n) + 16);
                }
                int kept = current.kept;
                double[] totals = check(tau, beta, shift, current.side, next, nextCuts, upcoming);
                int wrong = (int) totals[1];
                if (wrong == 0) {
                    if (adapt) {
                        chain.halfWidth = nextHalfWidth;
                        chain.prepared = upcoming;
                    }
                    return new TauSolution(tau, beta, totals[0], fit.exact(), next);
                }
                if (wrong > TOO_MANY_FIXUPS * kept) {
                    break;
                }
                current.build();
            }
            current = null;
            halfWidth *= 2;
        }
        if (adapt) {
            chain.halfWidth = WARM_HALF_WIDTH;
        }
        return solveFull(chain.solver, tau, start);
    }

    /**
     * The half-width, in quantile-level units, that would just have kept every sampled
     * observation whose sign the prediction got wrong.
     */
    private double neededHalfWidth(double[] sorted, double[] ratio, double tau, double[] beta) {
        double centre = type7(sorted, tau);
        double widest = 0;
        for (int i : sampleRows) {
            double r = y[i] - FrischNewton.dot(x, i * p, beta, p);
            if ((r < 0) != (ratio[i] < centre)) {
                int rank = Arrays.binarySearch(sorted, ratio[i]);
                double level = (rank < 0 ? -rank - 1 : rank) / (double) sorted.length;
                widest = Math.max(widest, Math.abs(level - tau));
            }
        }
        return widest;
    }

    /** The band's cut-offs on the standardised residuals, from their sorted sample. */
    private double[] cuts(double[] sorted, double tau, double halfWidth) {
        return new double[] {
            type7(sorted, Math.max(1.0 / n, tau - halfWidth)), type7(sorted, Math.min(tau + halfWidth, (n - 1.0) / n))
        };
    }

    /**
     * The fixed sample of standardised residuals, sorted: taken from {@code ratio}, or predicted
     * from {@code beta} moved by {@code shift} when {@code ratio} is null.
     */
    private double[] sampleSorted(double[] ratio, double[] beta, double[] shift) {
        // The two ways of filling the sample are methods of their own, so each stays one small
        // compilation with no branch that changes its mind half-way through a fit.
        double[] sample = ratio != null ? sampleOf(ratio) : predictedSample(beta, shift);
        Arrays.sort(sample);
        return sample;
    }

    private double[] sampleOf(double[] ratio) {
        double[] sample = new double[sampleRows.length];
        for (int k = 0; k < sampleRows.length; k++) {
            sample[k] = ratio[sampleRows[k]];
        }
        return sample;
    }

    private double[] predictedSample(double[] beta, double[] shift) {
        double[] sample = new double[sampleRows.length];
        for (int k = 0; k < sampleRows.length; k++) {
            int i = sampleRows[k];
            double r = y[i] - FrischNewton.dot(x, i * p, beta, p) - FrischNewton.dot(x, i * p, shift, p);
            sample[k] = r * inverseBand[i];
        }
        return sample;
    }

    private static double type7(double[] sorted, double probability) {
        double index = (sorted.length - 1) * probability;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double h = index - lo;
        return h == 0 ? sorted[lo] : (1 - h) * sorted[lo] + h * sorted[hi];
    }

    /** Marks each observation below (-1), inside (0) or above (1) the band. */
    private static void assignSides(double[] ratio, double[] cuts, byte[] side) {
        double low = cuts[0];
        double high = cuts[1];
        for (int i = 0; i < ratio.length; i++) {
            double value = ratio[i];
            side[i] = value < low ? (byte) -1 : value > high ? (byte) 1 : (byte) 0;
        }
    }

    /**
     * The pass over the full data after a solve: check loss and residual signs against the globs
     * (wrongly globbed observations are put back in the band), and the next level's predicted
     * standardised residuals, with its reduced problem when {@code upcoming} is given. Returns
     * {loss, number wrongly globbed}.
     */
    private double[] check(
            double tau,
            double[] beta,
            double[] shift,
            byte[] side,
            double[] next,
            double[] nextCuts,
            Reduced upcoming) {
        int wrong = 0;
        double loss = 0;
        double low = nextCuts == null ? 0 : nextCuts[0];
        double high = nextCuts == null ? 0 : nextCuts[1];
        byte[] nextSide = upcoming == null ? null : upcoming.side;
        boolean compact = compactValues != null;
        double[] values = compact ? compactValues : x;
        int stride = compact ? width : p;
        int blocked = stride & ~3;
        for (int i = 0; i < n; i++) {
            int row = i * stride;
            // Four independent partial sums per product: one running sum would make every row
            // wait for its additions in sequence.
            double f0 = 0, f1 = 0, f2 = 0, f3 = 0;
            double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
            int k = 0;
            if (compact) {
                for (; k < blocked; k += 4) {
                    double x0 = values[row + k], x1 = values[row + k + 1];
                    double x2 = values[row + k + 2], x3 = values[row + k + 3];
                    int c0 = compactColumns[row + k], c1 = compactColumns[row + k + 1];
                    int c2 = compactColumns[row + k + 2], c3 = compactColumns[row + k + 3];
                    f0 += x0 * beta[c0];
                    f1 += x1 * beta[c1];
                    f2 += x2 * beta[c2];
                    f3 += x3 * beta[c3];
                    m0 += x0 * shift[c0];
                    m1 += x1 * shift[c1];
                    m2 += x2 * shift[c2];
                    m3 += x3 * shift[c3];
                }
                for (; k < stride; k++) {
                    int c = compactColumns[row + k];
                    f0 += values[row + k] * beta[c];
                    m0 += values[row + k] * shift[c];
                }
            } else {
                for (; k < blocked; k += 4) {
                    double x0 = values[row + k], x1 = values[row + k + 1];
                    double x2 = values[row + k + 2], x3 = values[row + k + 3];
                    f0 += x0 * beta[k];
                    f1 += x1 * beta[k + 1];
                    f2 += x2 * beta[k + 2];
                    f3 += x3 * beta[k + 3];
                    m0 += x0 * shift[k];
                    m1 += x1 * shift[k + 1];
                    m2 += x2 * shift[k + 2];
                    m3 += x3 * shift[k + 3];
                }
                for (; k < stride; k++) {
                    f0 += values[row + k] * beta[k];
                    m0 += values[row + k] * shift[k];
                }
            }
            double fitted = (f0 + f1) + (f2 + f3);
            double moved = (m0 + m1) + (m2 + m3);
            double r = y[i] - fitted;
            loss += r * (r < 0 ? tau - 1 : tau);
            double predicted = (r - moved) * inverseBand[i];
            next[i] = predicted;
            byte s = side[i];
            if ((s > 0 && r < 0) || (s < 0 && r > 0)) {
                side[i] = 0;
                wrong++;
            }
            if (nextSide != null) {
                byte t = predicted < low ? (byte) -1 : predicted > high ? (byte) 1 : (byte) 0;
                nextSide[i] = t;
                if (t == 0 || t != s) {
                    upcoming.move(i, s, t);
                }
            }
        }
        return new double[] {loss, wrong};
    }

    private double minimumHalfWidth() {
        return Math.max(MIN_ROWS_PER_COLUMN * p / n, MIN_HALF_WIDTH);
    }

    /** Interior point, then the exact vertex; falls back to the interior point if unconfirmed. */
    private Fit solveExactly(
            FrischNewton solver, double[] design, double[] response, int rows, double tau, double[] start) {
        IdenticalRows.Merged merged = IdenticalRows.merge(design, response, rows, p);
        double[] interior = solver.solve(merged.design(), merged.response(), merged.rows(), tau, start, RELATIVE_GAP);
        if (interior == null) {
            throw new SingularDesignException();
        }
        double[] vertex = BasicSolution.polish(merged.design(), merged.response(), merged.rows(), p, tau, interior);
        return vertex != null ? new Fit(vertex, true) : new Fit(interior, false);
    }

    private TauSolution solveFull(FrischNewton solver, double tau, double[] start) {
        Fit fit = solveExactly(solver, x, y, n, tau, start);
        double[] beta = fit.beta();
        double loss = 0;
        double[] ratio = direct() ? null : new double[n];
        for (int i = 0; i < n; i++) {
            double r = y[i] - FrischNewton.dot(x, i * p, beta, p);
            loss += r < 0 ? (tau - 1) * r : tau * r;
            if (ratio != null) {
                ratio[i] = r * inverseBand[i];
            }
        }
        return new TauSolution(tau, beta, loss, fit.exact(), ratio);
    }

    private int[] subsample(int m) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SUBSAMPLE_SEED ^ n);
        for (int k = 0; k < m; k++) {
            int pick = k + random.nextInt(n - k);
            int swap = indices[k];
            indices[k] = indices[pick];
            indices[pick] = swap;
        }
        int[] sample = Arrays.copyOf(indices, m);
        Arrays.sort(sample);
        return sample;
    }

    /**
     * The Cholesky factor of X'X, which also proves the design has full column rank. Block sums
     * are added in block order so the result does not depend on threads.
     *
     * @throws SingularDesignException when a column is (numerically) a combination of others
     */
    private double[] crossProductFactor(int threads) {
        int blocks = Parallel.blockCount(n);
        double[][] partial = new double[blocks][];
        Parallel.forBlocks(threads, n, (block, from, to) -> {
            double[] cross = new double[p * p];
            for (int i = from; i < to; i++) {
                int row = i * p;
                for (int j = 0; j < p; j++) {
                    double xij = x[row + j];
                    int base = j * p;
                    for (int k = 0; k <= j; k++) {
                        cross[base + k] += xij * x[row + k];
                    }
                }
            }
            partial[block] = cross;
        });
        double[] cross = new double[p * p];
        for (double[] block : partial) {
            for (int k = 0; k < cross.length; k++) {
                cross[k] += block[k];
            }
        }
        double[] diagonal = new double[p];
        for (int j = 0; j < p; j++) {
            diagonal[j] = cross[j * p + j];
        }
        if (!DenseAlgebra.cholesky(cross, p)) {
            throw new SingularDesignException();
        }
        for (int j = 0; j < p; j++) {
            // A pivot that lost almost all of its column's norm means near-collinearity.
            double pivot = cross[j * p + j];
            if (!(pivot * pivot > 1e-12 * diagonal[j])) {
                throw new SingularDesignException();
            }
        }
        return cross;
    }

    /**
     * 1 / sqrt(x_i' (X'X)^-1 x_i) for every observation: residuals are compared in these units so
     * observations with unusual covariates, whose fitted values are least certain, are globbed
     * last.
     */
    private double[] inverseLeverageBand(double[] factor, int threads) {
        double[] result = new double[n];
        Parallel.forBlocks(threads, n, (block, from, to) -> {
            double[] v = new double[p];
            for (int i = from; i < to; i++) {
                System.arraycopy(x, i * p, v, 0, p);
                DenseAlgebra.forwardSolve(factor, p, v);
                double sum = 0;
                for (double value : v) {
                    sum += value * value;
                }
                result[i] = 1 / Math.max(Math.sqrt(sum), 1e-12);
            }
        });
        return result;
    }
}
