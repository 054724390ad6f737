package org.cadre.growth.engine.quantreg;

/** The few dense p-by-p factorizations the solver needs; p is small (at most a few dozen). */
final class DenseAlgebra {

    private DenseAlgebra() {}

    /**
     * Cholesky factorization in place of the lower triangle of the row-major symmetric matrix
     * {@code a}; returns false when the matrix is not numerically positive definite.
     */
    static boolean cholesky(double[] a, int p) {
        for (int j = 0; j < p; j++) {
            double diagonal = a[j * p + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j * p + k] * a[j * p + k];
            }
            if (!(diagonal > 0)) {
                return false;
            }
            double pivot = Math.sqrt(diagonal);
            a[j * p + j] = pivot;
            for (int i = j + 1; i < p; i++) {
                double sum = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * p + k] * a[j * p + k];
                }
                a[i * p + j] = sum / pivot;
            }
        }
        return true;
    }

    /**
     * Cholesky factorization that, when rounding makes a positive definite but badly conditioned
     * matrix fail, retries with a small multiple of its largest diagonal added to the diagonal.
     * Interior point normal matrices get condition numbers far beyond 1e12 near the optimum, and
     * the perturbation only changes the Newton direction, not the problem being solved.
     *
     * @param a lower triangle of a symmetric matrix; overwritten by the factor
     * @return false when even the perturbed matrix could not be factored
     */
    static boolean regularizedCholesky(double[] a, int p) {
        double[] original = a.clone();
        if (cholesky(a, p)) {
            return true;
        }
        double largest = 0;
        for (int j = 0; j < p; j++) {
            largest = Math.max(largest, Math.abs(original[j * p + j]));
        }
        if (!(largest > 0) || !Double.isFinite(largest)) {
            return false;
        }
        for (double ridge = 1e-13 * largest; ridge <= 1e-5 * largest; ridge *= 100) {
            System.arraycopy(original, 0, a, 0, a.length);
            for (int j = 0; j < p; j++) {
                a[j * p + j] += ridge;
            }
            if (cholesky(a, p)) {
                return true;
            }
        }
        return false;
    }

    /** Solves (L L') x = b in place with the factor from {@link #cholesky}. */
    static void choleskySolve(double[] l, int p, double[] b) {
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * p + k] * b[k];
            }
            b[i] = sum / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < p; k++) {
                sum -= l[k * p + i] * b[k];
            }
            b[i] = sum / l[i * p + i];
        }
    }

    /** Solves L x = b in place (forward substitution only). */
    static void forwardSolve(double[] l, int p, double[] b) {
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * p + k] * b[k];
            }
            b[i] = sum / l[i * p + i];
        }
    }

    /**
     * LU factorization with partial pivoting of the row-major square matrix {@code a} in place;
     * returns the row permutation, or null when the matrix is singular.
     */
    static int[] lu(double[] a, int p) {
        int[] permutation = new int[p];
        for (int i = 0; i < p; i++) {
            permutation[i] = i;
        }
        for (int k = 0; k < p; k++) {
            int best = k;
            double largest = Math.abs(a[k * p + k]);
            for (int i = k + 1; i < p; i++) {
                double candidate = Math.abs(a[i * p + k]);
                if (candidate > largest) {
                    largest = candidate;
                    best = i;
                }
            }
            if (largest == 0) {
                return null;
            }
            if (best != k) {
                for (int j = 0; j < p; j++) {
                    double swap = a[k * p + j];
                    a[k * p + j] = a[best * p + j];
                    a[best * p + j] = swap;
                }
                int swap = permutation[k];
                permutation[k] = permutation[best];
                permutation[best] = swap;
            }
            double pivot = a[k * p + k];
            for (int i = k + 1; i < p; i++) {
                double factor = a[i * p + k] / pivot;
                a[i * p + k] = factor;
                for (int j = k + 1; j < p; j++) {
                    a[i * p + j] -= factor * a[k * p + j];
                }
            }
        }
        return permutation;
    }

    /** Solves A x = b with the factors from {@link #lu}. */
    static double[] luSolve(double[] lu, int[] permutation, int p, double[] b) {
        double[] x = new double[p];
        for (int i = 0; i < p; i++) {
            double sum = b[permutation[i]];
            for (int k = 0; k < i; k++) {
                sum -= lu[i * p + k] * x[k];
            }
            x[i] = sum;
        }
        for (int i = p - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < p; k++) {
                sum -= lu[i * p + k] * x[k];
            }
            x[i] = sum / lu[i * p + i];
        }
        return x;
    }

    /** Solves A' x = b with the factors of A from {@link #lu}. */
    static double[] luSolveTransposed(double[] lu, int[] permutation, int p, double[] b) {
        // P A = L U, so A' = U' L' P and A' x = b means U' z = b, L' w = z, x = P' w.
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= lu[k * p + i] * z[k];
            }
            z[i] = sum / lu[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < p; k++) {
                sum -= lu[k * p + i] * z[k];
            }
            z[i] = sum;
        }
        double[] x = new double[p];
        for (int i = 0; i < p; i++) {
            x[permutation[i]] = z[i];
        }
        return x;
    }
}
