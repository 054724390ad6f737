package org.cadre.growth.engine.quantreg;

/**
 * Moves a near-optimal interior point to the exact optimal vertex of the quantile regression
 * linear program: a fit through p observations (Koenker 2005, theorem 2.1).
 *
 * <p>Interior point solutions are only within the duality gap of the optimum, and R's reference
 * method {@code rq(method = "br")} returns the exact vertex. Fitting through the p observations
 * closest to the interior solution and confirming optimality of that vertex makes the two agree to
 * rounding error whenever the optimum is unique; when the guess is wrong a few simplex steps
 * (Barrodale and Roberts) walk to the optimal vertex.
 */
final class BasicSolution {

    private static final double DUAL_TOLERANCE = 1e-9;
    private static final int MAX_PIVOTS_PER_COLUMN = 10;

    private BasicSolution() {}

    /**
     * @return the optimal vertex, or null when the simplex steps did not confirm one (the caller
     *     keeps the interior point solution then)
     */
    static double[] polish(double[] design, double[] response, int n, int p, double tau, double[] interior) {
        if (n <= p) {
            return null;
        }
        double[] residuals = residuals(design, response, n, p, interior);
        int[] basis = independentClosest(design, p, residuals);
        if (basis == null) {
            return null;
        }
        int maxPivots = MAX_PIVOTS_PER_COLUMN * p;
        for (int pivot = 0; pivot <= maxPivots; pivot++) {
            double[] basisRows = new double[p * p];
            double[] basisResponse = new double[p];
            for (int k = 0; k < p; k++) {
                System.arraycopy(design, basis[k] * p, basisRows, k * p, p);
                basisResponse[k] = response[basis[k]];
            }
            int[] permutation = DenseAlgebra.lu(basisRows, p);
            if (permutation == null) {
                return null;
            }
            double[] beta = DenseAlgebra.luSolve(basisRows, permutation, p, basisResponse);
            residuals = residuals(design, response, n, p, beta);
            boolean[] inBasis = new boolean[n];
            for (int k = 0; k < p; k++) {
                inBasis[basis[k]] = true;
                residuals[basis[k]] = 0;
            }
            double[] gradient = gradient(design, n, p, tau, residuals, inBasis);
            double[] multipliers = DenseAlgebra.luSolveTransposed(basisRows, permutation, p, gradient);
            int leaving = -1;
            double worst = DUAL_TOLERANCE;
            for (int k = 0; k < p; k++) {
                double violation = Math.max(multipliers[k] - tau, tau - 1 - multipliers[k]);
                if (violation > worst) {
                    worst = violation;
                    leaving = k;
                }
            }
            if (leaving < 0) {
                return beta;
            }
            int entering = enteringObservation(
                    design, n, p, tau, residuals, inBasis, basisRows, permutation, leaving, multipliers[leaving]);
            if (entering < 0) {
                return null;
            }
            basis[leaving] = entering;
        }
        return null;
    }

    /**
     * Minus the sum of psi_tau(r_i) x_i over the non-basic observations. Every loop over the
     * observations is a method of its own: polish runs a few hundred times a fit, and with its
     * loops inside it the JIT would compile (and recompile) the whole of it on stack.
     */
    private static double[] gradient(double[] design, int n, int p, double tau, double[] residuals, boolean[] inBasis) {
        double[] gradient = new double[p];
        for (int i = 0; i < n; i++) {
            if (!inBasis[i]) {
                double psi = residuals[i] < 0 ? tau - 1 : tau;
                int row = i * p;
                for (int j = 0; j < p; j++) {
                    gradient[j] -= psi * design[row + j];
                }
            }
        }
        return gradient;
    }

    /**
     * The simplex step out of a vertex whose multiplier for basic observation {@code leaving} is
     * outside [tau - 1, tau]: move along the edge that frees that observation and stop at the
     * breakpoint where the check loss stops decreasing; the observation met there enters.
     */
    private static int enteringObservation(
            double[] design,
            int n,
            int p,
            double tau,
            double[] residuals,
            boolean[] inBasis,
            double[] basisLu,
            int[] permutation,
            int leaving,
            double multiplier) {
        double sign = multiplier > tau ? -1 : 1;
        double[] unit = new double[p];
        unit[leaving] = sign;
        double[] direction = DenseAlgebra.luSolve(basisLu, permutation, p, unit);
        // Slope of the loss along the edge at the start, then each residual reaching zero adds
        // |x_i' direction| to it.
        double slope = sign > 0 ? multiplier + 1 - tau : tau - multiplier;
        slope = -Math.abs(slope);
        int count = 0;
        double[] steps = new double[n];
        int[] observations = new int[n];
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            if (inBasis[i]) {
                continue;
            }
            double rate = FrischNewton.dot(design, i * p, direction, p);
            if (rate == 0) {
                continue;
            }
            double step = residuals[i] / rate;
            if (step >= 0) {
                steps[count] = step;
                observations[count] = i;
                rates[count] = Math.abs(rate);
                count++;
            }
        }
        if (count == 0) {
            return -1;
        }
        // Breakpoints in order of (step, observation) until the slope turns non-negative; usually
        // only a few are needed, so a heap beats sorting them all.
        int[] heap = new int[count];
        for (int k = 0; k < count; k++) {
            heap[k] = k;
        }
        for (int k = count / 2 - 1; k >= 0; k--) {
            siftDown(heap, k, count, steps);
        }
        int size = count;
        int last = -1;
        while (size > 0) {
            int top = heap[0];
            last = observations[top];
            slope += rates[top];
            if (slope >= 0) {
                return last;
            }
            heap[0] = heap[--size];
            siftDown(heap, 0, size, steps);
        }
        return last;
    }

    /** Heap order: by key, ties by position (entries are numbered in the order of their rows). */
    private static boolean before(int left, int right, double[] key) {
        int byKey = Double.compare(key[left], key[right]);
        return byKey != 0 ? byKey < 0 : left < right;
    }

    private static void siftDown(int[] heap, int k, int size, double[] key) {
        int item = heap[k];
        while (true) {
            int child = 2 * k + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child], key)) {
                child++;
            }
            if (!before(heap[child], item, key)) {
                break;
            }
            heap[k] = heap[child];
            k = child;
        }
        heap[k] = item;
    }

    static double[] residuals(double[] design, double[] response, int n, int p, double[] beta) {
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = response[i] - FrischNewton.dot(design, i * p, beta, p);
        }
        return residuals;
    }

    /**
     * The p observations closest to the fit whose rows are linearly independent, taken greedily
     * by |r| (ties by index, so the choice is reproducible); null if fewer than p are independent.
     * Several students can share the same prior scores, and two identical rows cannot both be
     * basic. The observations come off a heap: usually only a few more than p are looked at, so
     * nothing is sorted.
     */
    private static int[] independentClosest(double[] design, int p, double[] residuals) {
        int n = residuals.length;
        double[] distance = new double[n];
        int[] heap = new int[n];
        for (int i = 0; i < n; i++) {
            distance[i] = Math.abs(residuals[i]);
            heap[i] = i;
        }
        for (int k = n / 2 - 1; k >= 0; k--) {
            siftDown(heap, k, n, distance);
        }
        return independent(design, p, heap, distance);
    }

    /** The first p linearly independent rows taken off the heap of rows by distance. */
    private static int[] independent(double[] design, int p, int[] heap, double[] distance) {
        int size = heap.length;
        double[] orthonormal = new double[p * p];
        int[] chosen = new int[p];
        int count = 0;
        double[] v = new double[p];
        while (size > 0 && count < p) {
            int i = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, 0, size, distance);
            System.arraycopy(design, i * p, v, 0, p);
            double norm = Math.sqrt(dotp(v, 0, v, p));
            if (norm == 0) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < count; c++) {
                    double projection = dotp(orthonormal, c * p, v, p);
                    for (int j = 0; j < p; j++) {
                        v[j] -= projection * orthonormal[c * p + j];
                    }
                }
            }
            double remaining = Math.sqrt(dotp(v, 0, v, p));
            if (remaining > 1e-9 * norm) {
                for (int j = 0; j < p; j++) {
                    orthonormal[count * p + j] = v[j] / remaining;
                }
                chosen[count++] = i;
            }
        }
        return count == p ? chosen : null;
    }

    private static double dotp(double[] a, int offset, double[] b, int p) {
        double sum = 0;
        for (int j = 0; j < p; j++) {
            sum += a[offset + j] * b[j];
        }
        return sum;
    }
}
