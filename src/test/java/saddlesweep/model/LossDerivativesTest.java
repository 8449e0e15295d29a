package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analytic gradient and Hessian of L_N (SquaredLoss.empirical) and of E (PopulationExcess) against
 * central finite differences: the gradient from values of L / E only, the Hessian from the analytic
 * gradient (column by column) and, for L_N, also from values only. Random θ are seeded, with |w| up to 5.
 */
class LossDerivativesTest {

    private static final Teacher TEACHER = new Teacher(new double[] {0.8, -2.5}, new double[] {1.2, 0.7});

    /** Seeded random points of width H: w uniform in (−5, 5) with one unit at |w| = 5 (4.9 or −4.7), v ~ N(0, 1). */
    static List<double[]> points(int h, long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            double[] t = new double[2 * h];
            for (int i = 0; i < h; i++) {
                t[i] = rng.nextDouble(-5, 5);
                t[h + i] = rng.nextGaussian();
            }
            if (c % 2 == 0) t[c % h] = c % 4 == 0 ? 4.9 : -4.7;   // the large-|w| end of the range
            out.add(t);
        }
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static void assertGradientMatches(Objective obj, double[] theta, double relTol) {
        double[] analytic = new double[theta.length];
        obj.gradient(theta, analytic);
        double[] fd = FiniteDifferences.gradient(obj::value, theta, 1e-3);
        double scale = maxAbs(analytic);
        assertTrue(scale > 1e-6, "gradient should not vanish at a random point");
        for (int i = 0; i < theta.length; i++) {
            assertEquals(fd[i], analytic[i], relTol * scale,
                    "∂/∂θ_" + i + " at θ = " + java.util.Arrays.toString(theta));
        }
    }

    private static void assertHessianMatches(Objective obj, double[] theta, double relTol, boolean alsoFromValues) {
        DMatrixRMaj analytic = obj.hessian(theta);
        int d = theta.length;
        double[][] fromGrad = FiniteDifferences.jacobian(t -> {
            double[] g = new double[t.length];
            obj.gradient(t, g);
            return g;
        }, theta, 1e-4);
        double scale = 0;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) scale = Math.max(scale, Math.abs(analytic.get(i, j)));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(analytic.get(j, i), analytic.get(i, j), 0.0, "Hessian symmetric");
                assertEquals(fromGrad[i][j], analytic.get(i, j), relTol * scale,
                        "H[" + i + "][" + j + "] vs FD of the gradient at θ = " + java.util.Arrays.toString(theta));
            }
        }
        if (alsoFromValues) {
            double[][] fromValues = FiniteDifferences.hessianFromValues(obj::value, theta, 1e-3);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(fromValues[i][j], analytic.get(i, j), 1e-4 * scale,
                            "H[" + i + "][" + j + "] vs FD of values at θ = " + java.util.Arrays.toString(theta));
                }
            }
        }
    }

    @ParameterizedTest(name = "H = {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void empiricalLossDerivativesMatchFiniteDifferences(int h) {
        DataSet data = DataSet.generate(TEACHER, 60, 0.01, 1.0, 7 + h);
        SquaredLoss loss = SquaredLoss.empirical(data);
        for (double[] theta : points(h, 100 + h, 6)) {
            assertGradientMatches(loss, theta, 1e-7);
            assertHessianMatches(loss, theta, 1e-5, true);
            // value: L_N written out independently
            double s = 0;
            for (int n = 0; n < data.size(); n++) {
                double r = Reference.net(java.util.Arrays.copyOf(theta, h), java.util.Arrays.copyOfRange(theta, h, 2 * h),
                        data.x()[n]) - data.y()[n];
                s += r * r;
            }
            assertEquals(s / (2 * data.size()), loss.value(theta), 1e-13 * s / (2 * data.size()));
        }
    }

    @ParameterizedTest(name = "H = {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void hessianVectorProductIsTheHessianTimesTheVectorAndTheGradientsDerivativeAlongIt(int h) {
        DataSet data = DataSet.generate(TEACHER, 60, 0.01, 1.0, 17 + h);
        SquaredLoss loss = SquaredLoss.empirical(data);
        SplittableRandom rng = new SplittableRandom(h);
        for (double[] theta : points(h, 400 + h, 6)) {
            int d = theta.length;
            double[] u = new double[d];
            for (int a = 0; a < d; a++) u[a] = rng.nextGaussian();
            double[] hu = new double[d];
            loss.hessianVector(theta, u, hu);
            DMatrixRMaj hm = loss.hessian(theta);
            double scale = maxAbs(hu);
            double eps = 1e-5;
            double[] gp = new double[d];
            double[] gm = new double[d];
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            for (int a = 0; a < d; a++) {
                tp[a] += eps * u[a];
                tm[a] -= eps * u[a];
            }
            loss.gradient(tp, gp);
            loss.gradient(tm, gm);
            for (int a = 0; a < d; a++) {
                double matrix = 0;
                for (int b = 0; b < d; b++) matrix += hm.get(a, b) * u[b];
                assertEquals(matrix, hu[a], 1e-13 * scale, "(H u)_" + a + " vs the Hessian matrix");
                assertEquals((gp[a] - gm[a]) / (2 * eps), hu[a], 1e-6 * scale, "(H u)_" + a + " vs FD of the gradient");
            }
        }
    }

    @ParameterizedTest(name = "H = {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void populationExcessDerivativesMatchFiniteDifferences(int h) {
        PopulationExcess e = new PopulationExcess(TEACHER, 1.0);
        for (double[] theta : points(h, 200 + h, 4)) {
            assertGradientMatches(e, theta, 1e-7);
            assertHessianMatches(e, theta, 1e-5, false);
        }
    }

    @ParameterizedTest(name = "H = {0}")
    @ValueSource(ints = {1, 3})
    void populationExcessDerivativesWithWideInputMatchFiniteDifferences(int h) {
        // s_x = 2 puts |w|·s_x up to ~10: a finer panel rule is chosen, the derivatives must still match
        PopulationExcess e = new PopulationExcess(TEACHER, 2.0);
        for (double[] theta : points(h, 300 + h, 3)) {
            assertGradientMatches(e, theta, 1e-7);
            assertHessianMatches(e, theta, 1e-5, false);
        }
    }
}
