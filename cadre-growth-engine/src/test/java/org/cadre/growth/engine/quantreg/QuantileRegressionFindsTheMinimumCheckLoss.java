package org.cadre.growth.engine.quantreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileRegressionFindsTheMinimumCheckLoss {

    @Test
    void anInterceptOnlyFitIsTheSampleQuantile() {
        double[] y = {7, 1, 9, 3, 5, 11, 2, 8, 4, 6, 10};
        DesignMatrix ones = new DesignMatrix(y.length, 1, filled(y.length, 1.0));
        // With 11 observations, tau = 0.3 has the unique solution at the 4th smallest value.
        QuantileProcess fit = QuantileRegression.fit(ones, y, 0.3);
        assertThat(fit.coefficients()[0][0]).isEqualTo(4.0);
        assertThat(fit.exactVertices()).isEqualTo(1);
    }

    @Test
    void matchesBruteForceOverEveryVertexOfASmallProblem() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 25;
        double[] x = new double[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double covariate = random.nextDouble() * 10;
            x[2 * i] = 1;
            x[2 * i + 1] = covariate;
            y[i] = 3 + 0.5 * covariate + random.nextGaussian() * (1 + covariate / 5);
        }
        DesignMatrix design = new DesignMatrix(n, 2, x);
        for (double tau : new double[] {0.1, 0.37, 0.5, 0.9}) {
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    double slope = (y[b] - y[a]) / (x[2 * b + 1] - x[2 * a + 1]);
                    double intercept = y[a] - slope * x[2 * a + 1];
                    best = Math.min(best, loss(design, y, new double[] {intercept, slope}, tau));
                }
            }
            QuantileProcess fit = QuantileRegression.fit(design, y, tau);
            assertThat(fit.checkLoss()[0]).isCloseTo(best, within(1e-9 * best));
            assertThat(loss(design, y, fit.coefficients()[0], tau)).isCloseTo(best, within(1e-9 * best));
        }
    }

    @Test
    void aLargeProblemSolvedWithGlobsReachesTheDirectOptimum() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 20_000;
        int p = 4;
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            double v = random.nextGaussian();
            x[i * p] = 1;
            x[i * p + 1] = u;
            x[i * p + 2] = u * u;
            x[i * p + 3] = v;
            y[i] = 1 + 2 * u - u * u + 0.3 * v + (0.5 + u) * random.nextGaussian();
        }
        DesignMatrix design = new DesignMatrix(n, p, x);
        double[] taus = {0.05, 0.25, 0.5, 0.75, 0.95};
        QuantileProcess process = QuantileRegression.fit(design, y, taus, 2);
        for (int t = 0; t < taus.length; t++) {
            double[] direct = FrischNewton.solve(x, y, n, p, taus[t], null, 1e-13);
            double directLoss = loss(design, y, direct, taus[t]);
            // The interior point optimum is within its tolerance of the true minimum, never below it.
            assertThat(process.checkLoss()[t]).isLessThanOrEqualTo(directLoss * (1 + 1e-12));
            assertThat(process.checkLoss()[t]).isCloseTo(directLoss, within(1e-9 * directLoss));
        }
        assertThat(process.exactVertices()).isEqualTo(taus.length);
    }

    @Test
    void oneThreadAndTwoThreadsGiveIdenticalCoefficients() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 12_000;
        int p = 3;
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble() * 4;
            x[i * p] = 1;
            x[i * p + 1] = u;
            x[i * p + 2] = Math.sin(u);
            y[i] = u + random.nextGaussian() * (1 + u);
        }
        DesignMatrix design = new DesignMatrix(n, p, x);
        double[] taus = new double[19];
        for (int t = 0; t < taus.length; t++) {
            taus[t] = (t + 1) / 20.0;
        }
        QuantileProcess one = QuantileRegression.fit(design, y, taus, 1);
        QuantileProcess two = QuantileRegression.fit(design, y, taus, 2);
        assertThat(two.coefficients()).isDeepEqualTo(one.coefficients());
        assertThat(two.checkLoss()).containsExactly(one.checkLoss());
    }

    @Test
    void aDesignWithoutFullRankIsRefused() {
        int n = 50;
        double[] x = new double[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 1;
            x[2 * i + 1] = 2;
            y[i] = i;
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> QuantileRegression.fit(new DesignMatrix(n, 2, x), y, 0.5))
                .isInstanceOf(SingularDesignException.class);
    }

    private static double loss(DesignMatrix design, double[] y, double[] beta, double tau) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - design.fitted(i, beta);
            sum += r < 0 ? (tau - 1) * r : tau * r;
        }
        return sum;
    }

    private static double[] filled(int size, double value) {
        double[] values = new double[size];
        Arrays.fill(values, value);
        return values;
    }
}
