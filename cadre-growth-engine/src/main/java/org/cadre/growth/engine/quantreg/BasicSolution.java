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
            siftDown(heap, k, count, steps, observations);
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
            siftDown(heap, 0, size, steps, observations);
        }
        return last;
    }

    private static boolean before(int left, int right, double[] steps, int[] observations) {
        int byStep = Double.compare(steps[left], steps[right]);
        return byStep != 0 ? byStep < 0 : observations[left] < observations[right];
    }

    private static void siftDown(int[] heap, int k, int size, double[] steps, int[] observations) {
        int item = heap[k];
        while (true) {
            int child = 2 * k + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child], steps, observations)) {
                child++;
            }
            if (!before(heap[child], item, steps, observations)) {
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
     * basic.
     */
    private static int[] independentClosest(double[] design, int p, double[] residuals) {
        int[] candidates = closest(residuals, Math.min(residuals.length, 8 * p));
        int[] chosen = independent(design, p, residuals, candidates);
        if (chosen == null && candidates.length < residuals.length) {
            chosen = independent(design, p, residuals, closest(residuals, residuals.length));
        }
        return chosen;
    }

    /** At least {@code count} indices of the smallest |r|, sorted by (|r|, index). */
    private static int[] closest(double[] residuals, int count) {
        int n = residuals.length;
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            distance[i] = Math.abs(residuals[i]);
        }
        double threshold = count >= n ? Double.POSITIVE_INFINITY : Selection.select(distance, 0, n, count - 1);
        int selected = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(residuals[i]) <= threshold) {
                selected++;
            }
        }
        int[] order = new int[selected];
        double[] key = new double[selected];
        int next = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(residuals[i]);
            if (d <= threshold) {
                key[next] = d;
                order[next++] = i;
            }
        }
        // Stable on indices collected in increasing order, so ties stay ordered by index. A
        // primitive merge sort rather than boxed indices and a comparator: this runs once per solve
        // and the JIT compiles it (inlined into polish) far more cheaply.
        mergeSort(order, key, new int[selected], new double[selected], 0, selected);
        return order;
    }

    /** Sorts {@code order[from..to)} by {@code key}, stably. */
    private static void mergeSort(int[] order, double[] key, int[] spareOrder, double[] spareKey, int from, int to) {
        if (to - from <= 16) {
            for (int k = from + 1; k < to; k++) {
                int item = order[k];
                double value = key[k];
                int j = k - 1;
                while (j >= from && Double.compare(key[j], value) > 0) {
                    order[j + 1] = order[j];
                    key[j + 1] = key[j];
                    j--;
                }
                order[j + 1] = item;
                key[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(order, key, spareOrder, spareKey, from, middle);
        mergeSort(order, key, spareOrder, spareKey, middle, to);
        System.arraycopy(order, from, spareOrder, from, to - from);
        System.arraycopy(key, from, spareKey, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && Double.compare(spareKey[left], spareKey[right]) <= 0)) {
                order[k] = spareOrder[left];
                key[k] = spareKey[left++];
            } else {
                order[k] = spareOrder[right];
                key[k] = spareKey[right++];
            }
        }
    }

    private static int[] independent(double[] design, int p, double[] residuals, int[] order) {
        int n = order.length;
        double[] orthonormal = new double[p * p];
        int[] chosen = new int[p];
        int count = 0;
        double[] v = new double[p];
        for (int k = 0; k < n && count < p; k++) {
            int i = order[k];
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
