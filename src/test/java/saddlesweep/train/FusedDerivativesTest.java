package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/**
 * The one-pass derivatives of the flow tail against separately computed ones, to 1e-13: L_N, ∇L_N and ∇²L_N
 * from {@link SquaredLoss#gradientAndHessian} against {@code value}, {@code gradient} and the Hessian's sums
 * written out entry by entry here; and {@link ModifiedGradientField} with the Jacobian (F from H·g) against
 * the field without it (F from the O(N·H) product H g) and against −(H + (η/2)H²).
 */
class FusedDerivativesTest {

    private static final double TOL = 1e-13;

    private static double[] point(int h, long seed) {
        Random rnd = new Random(seed);
        double[] theta = new double[2 * h];
        for (int i = 0; i < h; i++) {
            theta[i] = rnd.nextGaussian() * 1.5;
            theta[h + i] = rnd.nextGaussian() * (i == 0 ? 20 : 1);   // one large output weight, as in a drifting tail
        }
        return theta;
    }

    private static SquaredLoss loss() {
        DataSet data = DataSet.generate(new Teacher(new double[] {0.5, 2.0}, new double[] {1.0, 1.0}), 200, 0.01, 1.0, 7);
        return SquaredLoss.empirical(data);
    }

    /** ∇²L_N entry by entry from its sums (see SquaredLoss): Gauss–Newton part plus r ∂²f. */
    private static double[] referenceHessian(SquaredLoss loss, double[] theta) {
        int h = theta.length / 2;
        int d = 2 * h;
        double[] x = loss.x(), y = loss.y(), om = loss.weights();
        double[] out = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double sum = 0;
                for (int k = 0; k < x.length; k++) {
                    double f = 0;
                    for (int i = 0; i < h; i++) f += theta[h + i] * Math.tanh(theta[i] * x[k]);
                    double r = f - y[k];
                    double ja = dfd(theta, a, x[k]);
                    double jb = dfd(theta, b, x[k]);
                    double second = 0;
                    int ua = a % h, ub = b % h;
                    if (ua == ub) {
                        double t = Math.tanh(theta[ua] * x[k]);
                        double s = 1 - t * t;
                        if (a < h && b < h) second = -2 * theta[h + ua] * x[k] * x[k] * t * s;
                        else if (a < h || b < h) second = x[k] * s;
                    }
                    sum += om[k] * (ja * jb + r * second);
                }
                out[a * d + b] = sum;
            }
        }
        return out;
    }

    private static double dfd(double[] theta, int a, double x) {
        int h = theta.length / 2;
        int i = a % h;
        double t = Math.tanh(theta[i] * x);
        return a < h ? theta[h + i] * x * (1 - t * t) : t;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL * scale, what + " [" + i + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void onePassGivesTheLossItsGradientAndItsHessian(int h) {
        SquaredLoss loss = loss();
        for (long seed = 1; seed <= 5; seed++) {
            double[] theta = point(h, seed);
            int d = 2 * h;
            double[] g = new double[d];
            double[] hess = new double[d * d];
            double value = loss.gradientAndHessian(theta, g, hess);
            assertEquals(loss.value(theta), value, TOL * Math.abs(value));
            assertClose(loss.gradient(theta), g, "gradient");
            assertClose(referenceHessian(loss, theta), hess, "Hessian");
            assertClose(hess, loss.hessian(theta).data, "hessian()");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void theFieldWithItsJacobianEqualsTheFieldWithout(int h) {
        SquaredLoss loss = loss();
        double eta = 0.05;
        int d = 2 * h;
        ModifiedGradientField field = new ModifiedGradientField(loss, eta, d);
        for (long seed = 1; seed <= 5; seed++) {
            double[] theta = point(h, seed);
            double[] fPlain = new double[d];
            double[] fFused = new double[d];
            double[] jac = new double[d * d];
            assertTrue(field.evaluate(theta, fPlain, null));
            assertTrue(field.evaluate(theta, fFused, jac));
            assertClose(fPlain, fFused, "F");
            double[] hs = loss.hessian(theta).data;
            assertClose(hs, field.lastHessian(), "last Hessian");
            double[] expected = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double hh = 0;
                    for (int k = 0; k < d; k++) hh += hs[i * d + k] * hs[k * d + j];
                    expected[i * d + j] = -(hs[i * d + j] + 0.5 * eta * hh);
                }
            }
            assertClose(expected, jac, "J");
        }
    }
}
