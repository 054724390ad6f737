package org.cadre.growth.engine.quantreg;

import java.util.Arrays;

/**
 * The Frisch–Newton interior point method for one quantile regression (Portnoy and Koenker 1997,
 * the algorithm behind quantreg's {@code rq.fit.fnb}): a primal–dual path-following method with
 * Mehrotra's predictor–corrector steps on the bounded dual
 *
 * <pre>max y'a subject to X'a = (1 - tau) X'1, 0 &lt;= a &lt;= 1,</pre>
 *
 * whose Lagrange multipliers are (minus) the regression coefficients.
 *
 * <p>Each iteration forms and factors the p-by-p matrix X'DX, so the cost is O(n p^2) per
 * iteration; callers keep n small with {@link Preprocessing}. Every loop over the observations is
 * its own small method so the JIT compiles them fully after a few calls.
 */
final class FrischNewton {

    /** Fraction of the distance to the boundary a step may cover, as in quantreg. */
    private static final double STEP_FRACTION = 0.99995;

    private static final int MAX_ITERATIONS = 100;

    private final int p;
    private double[] x;
    private double[] y;
    private int n;
    private double tau;
    private double[] a = new double[0];
    private double[] s;
    private double[] z;
    private double[] w;
    private double[] d;
    private double[] inverseA;
    private double[] inverseS;
    private double[] dx;
    private double[] dz;
    private double[] dw;
    private double[] dr;
    /** The rows in compressed form: B-spline rows are mostly zeros (4 of 7 per prior at most). */
    private int[] rowStart = new int[1];

    private int[] column = new int[0];
    private double[] value = new double[0];
    private final double[] normal;
    private final double[] rhs;
    private final double[] dual;
    private final double[] dy;
    private double primalStep;
    private double dualStep;

    /** A solver for p columns whose working arrays are reused from one solve to the next. */
    FrischNewton(int p) {
        this.p = p;
        normal = new double[p * p];
        rhs = new double[p];
        dual = new double[p];
        dy = new double[p];
    }

    /**
     * Minimises the check loss of {@code y - X beta}.
     *
     * @param design row-major n-by-p design matrix
     * @param response the n responses
     * @param tau the quantile level in (0, 1)
     * @param start coefficients to start the dual path from, or null to start from least squares
     * @param relativeGap stop once the duality gap is below this fraction of the starting loss
     * @return the coefficients, or null when X'DX became numerically singular
     */
    static double[] solve(
            double[] design, double[] response, int n, int p, double tau, double[] start, double relativeGap) {
        return new FrischNewton(p).solve(design, response, n, tau, start, relativeGap);
    }

    /** As {@link #solve(double[], double[], int, int, double, double[], double)}, reusing this workspace. */
    double[] solve(double[] design, double[] response, int rows, double level, double[] start, double relativeGap) {
        x = design;
        y = response;
        n = rows;
        tau = level;
        if (a.length < n) {
            int capacity = Math.max(n, a.length + a.length / 2);
            a = new double[capacity];
            s = new double[capacity];
            z = new double[capacity];
            w = new double[capacity];
            d = new double[capacity];
            inverseA = new double[capacity];
            inverseS = new double[capacity];
            dx = new double[capacity];
            dz = new double[capacity];
            dw = new double[capacity];
            dr = new double[capacity];
        }
        Arrays.fill(dual, 0);
        compress();
        if (start != null) {
            for (int j = 0; j < p; j++) {
                dual[j] = -start[j];
            }
        } else if (!leastSquares()) {
            return null;
        }
        double tolerance = relativeGap * Math.max(initialise(), 1e-300);
        double[] b = columnSums();
        double gap = gap();
        for (int iteration = 0; gap > tolerance && iteration < MAX_ITERATIONS; iteration++) {
            formNormalEquations(b);
            if (!DenseAlgebra.regularizedCholesky(normal, p)) {
                return null;
            }
            System.arraycopy(rhs, 0, dy, 0, p);
            DenseAlgebra.choleskySolve(normal, p, dy);
            affineDirection();
            if (Math.min(primalStep, dualStep) < 1) {
                double mu = centring();
                double[] corrected = correctorRightHandSide(mu);
                System.arraycopy(corrected, 0, dy, 0, p);
                DenseAlgebra.choleskySolve(normal, p, dy);
                correctedDirection(mu);
            }
            gap = step();
            for (int j = 0; j < p; j++) {
                dual[j] += dualStep * dy[j];
            }
        }
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = -dual[j];
        }
        return beta;
    }

    private void compress() {
        if (rowStart.length < n + 1) {
            rowStart = new int[Math.max(n + 1, rowStart.length + rowStart.length / 2)];
        }
        int nonZero = 0;
        for (int k = 0, size = n * p; k < size; k++) {
            if (x[k] != 0) {
                nonZero++;
            }
        }
        if (column.length < nonZero) {
            column = new int[Math.max(nonZero, column.length + column.length / 2)];
            value = new double[column.length];
        }
        int next = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = next;
            int row = i * p;
            for (int j = 0; j < p; j++) {
                double xij = x[row + j];
                if (xij != 0) {
                    column[next] = j;
                    value[next++] = xij;
                }
            }
        }
        rowStart[n] = next;
    }

    private double sparseDot(int i, double[] v) {
        double even = 0;
        double odd = 0;
        int k = rowStart[i];
        int end = rowStart[i + 1];
        for (; k + 1 < end; k += 2) {
            even += value[k] * v[column[k]];
            odd += value[k + 1] * v[column[k + 1]];
        }
        if (k < end) {
            even += value[k] * v[column[k]];
        }
        return even + odd;
    }

    /** The feasible primal start a = 1 - tau and a dual start from the coefficients; returns the loss. */
    private double initialise() {
        double meanAbs = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            // dual slack c - X dual with c = -y, i.e. minus the residual at beta = -dual
            double slack = -y[i] - sparseDot(i, dual);
            meanAbs += Math.abs(slack);
            loss += slack > 0 ? (1 - tau) * slack : -tau * slack;
            z[i] = Math.max(slack, 0);
            w[i] = Math.max(-slack, 0);
            a[i] = 1 - tau;
            s[i] = tau;
        }
        meanAbs /= Math.max(n, 1);
        // Keep the start strictly interior; z - w (the dual constraint) is unchanged.
        double lift = 1e-6 * Math.max(1.0, meanAbs);
        for (int i = 0; i < n; i++) {
            z[i] += lift;
            w[i] += lift;
        }
        return loss;
    }

    private double[] columnSums() {
        double[] b = new double[p];
        for (int i = 0; i < n; i++) {
            int row = i * p;
            for (int j = 0; j < p; j++) {
                b[j] += x[row + j];
            }
        }
        for (int j = 0; j < p; j++) {
            b[j] *= 1 - tau;
        }
        return b;
    }

    private double gap() {
        double gap = 0;
        for (int i = 0; i < n; i++) {
            gap += z[i] * a[i] + w[i] * s[i];
        }
        return gap;
    }

    private void formNormalEquations(double[] b) {
        Arrays.fill(normal, 0);
        Arrays.fill(rhs, 0);
        for (int i = 0; i < n; i++) {
            double ia = 1 / a[i];
            double is = 1 / s[i];
            inverseA[i] = ia;
            inverseS[i] = is;
            double di = 1 / (z[i] * ia + w[i] * is);
            d[i] = di;
            double weight = di * (z[i] - w[i]) - a[i];
            int start = rowStart[i];
            int end = rowStart[i + 1];
            // Products of non-zeros only (a B-spline row has at most 4 per prior): each entry
            // still receives its terms in row order, and the skipped terms were exact zeros, so
            // the sums are the same to the bit as over the dense row.
            for (int first = start; first < end; first++) {
                int j = column[first];
                double xij = value[first];
                rhs[j] += xij * weight;
                double scaled = di * xij;
                int base = j * p;
                for (int second = start; second <= first; second++) {
                    normal[base + column[second]] += scaled * value[second];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            rhs[j] += b[j];
        }
    }

    /** The affine (predictor) direction and its step lengths; the direction of s is always -dx. */
    private void affineDirection() {
        double primal = Double.MAX_VALUE / 4;
        double dualLimit = Double.MAX_VALUE / 4;
        for (int i = 0; i < n; i++) {
            double u = sparseDot(i, dy);
            double dxi = d[i] * (u - (z[i] - w[i]));
            dx[i] = dxi;
            double dzi = -z[i] * (dxi * inverseA[i] + 1);
            double dwi = -w[i] * (1 - dxi * inverseS[i]);
            dz[i] = dzi;
            dw[i] = dwi;
            // Divide only when the ratio can be the new minimum (all quantities are positive).
            if (dxi < 0) {
                if (a[i] < -primal * dxi) {
                    primal = -a[i] / dxi;
                }
            } else if (dxi > 0 && s[i] < primal * dxi) {
                primal = s[i] / dxi;
            }
            if (dzi < 0 && z[i] < -dualLimit * dzi) {
                dualLimit = -z[i] / dzi;
            }
            if (dwi < 0 && w[i] < -dualLimit * dwi) {
                dualLimit = -w[i] / dwi;
            }
        }
        primalStep = Math.min(STEP_FRACTION * primal, 1);
        dualStep = Math.min(STEP_FRACTION * dualLimit, 1);
    }

    /** Mehrotra's centring target, predicted from how much the affine step would close the gap. */
    private double centring() {
        double mu = 0;
        double predicted = 0;
        for (int i = 0; i < n; i++) {
            mu += a[i] * z[i] + s[i] * w[i];
            predicted += (a[i] + primalStep * dx[i]) * (z[i] + dualStep * dz[i])
                    + (s[i] - primalStep * dx[i]) * (w[i] + dualStep * dw[i]);
        }
        double ratio = predicted / mu;
        return mu * ratio * ratio * ratio / (2.0 * n);
    }

    private double[] correctorRightHandSide(double mu) {
        double[] corrected = rhs.clone();
        for (int i = 0; i < n; i++) {
            double ia = inverseA[i];
            double is = inverseS[i];
            double dri = d[i] * (mu * (is - ia) + dx[i] * dz[i] * ia + dx[i] * dw[i] * is);
            dr[i] = dri;
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                corrected[column[k]] += value[k] * dri;
            }
        }
        return corrected;
    }

    private void correctedDirection(double mu) {
        double primal = Double.MAX_VALUE / 4;
        double dualLimit = Double.MAX_VALUE / 4;
        for (int i = 0; i < n; i++) {
            double u = sparseDot(i, dy);
            double affineX = dx[i] * dz[i];
            double affineS = -dx[i] * dw[i];
            double dxi = d[i] * (u - z[i] + w[i]) - dr[i];
            dx[i] = dxi;
            double dzi = -z[i] + inverseA[i] * (mu - z[i] * dxi - affineX);
            double dwi = -w[i] + inverseS[i] * (mu + w[i] * dxi - affineS);
            dz[i] = dzi;
            dw[i] = dwi;
            // Divide only when the ratio can be the new minimum (all quantities are positive).
            if (dxi < 0) {
                if (a[i] < -primal * dxi) {
                    primal = -a[i] / dxi;
                }
            } else if (dxi > 0 && s[i] < primal * dxi) {
                primal = s[i] / dxi;
            }
            if (dzi < 0 && z[i] < -dualLimit * dzi) {
                dualLimit = -z[i] / dzi;
            }
            if (dwi < 0 && w[i] < -dualLimit * dwi) {
                dualLimit = -w[i] / dwi;
            }
        }
        primalStep = Math.min(STEP_FRACTION * primal, 1);
        dualStep = Math.min(STEP_FRACTION * dualLimit, 1);
    }

    /** Takes the step and returns the new duality gap. */
    private double step() {
        double gap = 0;
        for (int i = 0; i < n; i++) {
            a[i] += primalStep * dx[i];
            s[i] -= primalStep * dx[i];
            z[i] += dualStep * dz[i];
            w[i] += dualStep * dw[i];
            gap += z[i] * a[i] + w[i] * s[i];
        }
        return gap;
    }

    /** Writes minus the least squares coefficients into {@code dual} (the dual start of quantreg). */
    private boolean leastSquares() {
        double[] cross = new double[p * p];
        double[] moment = new double[p];
        for (int i = 0; i < n; i++) {
            int row = i * p;
            for (int j = 0; j < p; j++) {
                double xij = x[row + j];
                moment[j] -= xij * y[i];
                for (int k = 0; k <= j; k++) {
                    cross[j * p + k] += xij * x[row + k];
                }
            }
        }
        if (!DenseAlgebra.regularizedCholesky(cross, p)) {
            return false;
        }
        DenseAlgebra.choleskySolve(cross, p, moment);
        System.arraycopy(moment, 0, dual, 0, p);
        return true;
    }

    /** The design row starting at {@code row} times v, in four independent partial sums. */
    static double dot(double[] design, int row, double[] v, int p) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (int blocked = p & ~3; j < blocked; j += 4) {
            s0 += design[row + j] * v[j];
            s1 += design[row + j + 1] * v[j + 1];
            s2 += design[row + j + 2] * v[j + 2];
            s3 += design[row + j + 3] * v[j + 3];
        }
        for (; j < p; j++) {
            s0 += design[row + j] * v[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
