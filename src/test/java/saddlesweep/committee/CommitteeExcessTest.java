package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Teacher;

/**
 * E of the committee machine against the scalar model's own quadrature at d = 1, Saad and Solla's closed form
 * (erf), finite differences of its own value and gradient, Monte Carlo, and its invariances (rotations of the
 * input space, zero-padding of the rows, a unit's sign flip).
 */
class CommitteeExcessTest {

    private static final double[] TW3 = {1.2, 0, 0.3, -0.2, 0.9, 0};
    private static final double[] TV = {1, -0.7};
    private static final double[] THETA3 = {0.8, 0.4, -0.1, 0.3, -1.5, 2.0, 0.05, 0.2, 0.9, 1.1, 0.6, -0.4};

    @Test
    void atDimensionOneItIsTheScalarModelsExcess() {
        double[][] students = {{0.7, 1.3}, {4, 20, -1.5, 0.8}, {1e-3, 1, -4.2, 5, 2.1, 1}, {-19.5, 20, 1, 0.3}};
        double[] tw = {1, 4};
        double[] tv = {2, -1};
        for (double s : new double[] {1, 2, 0.3}) {
            PopulationExcess scalar = new PopulationExcess(new Teacher(tw, tv), s);
            CommitteeExcess committee = new CommitteeExcess(tw, tv, 1, s, Activation.TANH);
            for (double[] theta : students) {
                double e = scalar.value(theta);
                assertEquals(e, committee.value(theta), 1e-12 * e, "E at s=" + s);
                double[] g1 = scalar.gradient(theta);
                double[] g2 = new double[theta.length];
                committee.gradient(theta, g2);
                DMatrixRMaj h1 = scalar.hessian(theta);
                DMatrixRMaj h2 = committee.hessian(theta);
                double scale = 1e-11 * Math.max(1, maxAbs(h1.data));
                for (int i = 0; i < theta.length; i++) {
                    assertEquals(g1[i], g2[i], scale, "∂E/∂θ_" + i);
                    for (int j = 0; j < theta.length; j++) assertEquals(h1.get(i, j), h2.get(i, j), scale, "H " + i + "," + j);
                }
            }
        }
    }

    @Test
    void derivativesAreThoseOfItsValue() {
        CommitteeExcess e = new CommitteeExcess(TW3, TV, 3, 1.3, Activation.TANH);
        DerivativeChecks.assertDerivativesOfValue(e, THETA3, 1e-9, 1e-9);
    }

    @Test
    void erfExcessIsSaadSollasClosedForm() {
        double[] theta = {3, -4, 1, 0.5, 0.2, -12, 7, 1, 0.3, -0.8};   // H = 2, d = 4, a row of norm ≈ 14
        double[] tw = {1, 0, 0, 0, 0, 1, 0, 0};
        double[] tv = {1, 1};
        double s = 1.7;
        int d = 4;
        double expected = 0;
        double[][] rows = {slice(theta, 0, d), slice(theta, 1, d), slice(tw, 0, d), slice(tw, 1, d)};
        double[] c = {theta[8], theta[9], -tv[0], -tv[1]};
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double q = s * s;
                expected += 0.5 * c[a] * c[b]
                        * 2 / Math.PI * Math.asin(q * dot(rows[a], rows[b])
                                / Math.sqrt((1 + q * dot(rows[a], rows[a])) * (1 + q * dot(rows[b], rows[b]))));
            }
        }
        // Saad and Solla: E[g(a) g(b)] = (2/π) asin(C / √((1 + A)(1 + B))), here written out; E by the quadrature
        double e = new CommitteeExcess(tw, tv, d, s, quadratureOnly(Activation.ERF)).value(theta);
        assertEquals(expected, e, 1e-12 * expected);
    }

    @Test
    void matchesMonteCarlo() {
        CommitteeExcess e = new CommitteeExcess(TW3, TV, 3, 1.3, Activation.TANH);
        Random rng = new Random(5);
        int n = 400_000;
        double sum = 0;
        double sq = 0;
        double[] x = new double[3];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < 3; k++) x[k] = 1.3 * rng.nextGaussian();
            double r = 0.5 * sq(f(THETA3, 3, x) - f(TW3, TV, x));
            sum += r;
            sq += r * r;
        }
        double mean = sum / n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        assertEquals(mean, e.value(THETA3), 5 * se);
    }

    @Test
    void isInvariantUnderRotationsPaddingAndSignFlips() {
        CommitteeExcess e = new CommitteeExcess(TW3, TV, 3, 1.3, Activation.TANH);
        double e0 = e.value(THETA3);
        // a rotation Q of R³ applied to every row, student and teacher
        double[][] q = rotation(0.3, -1.1, 0.7);
        CommitteeExcess rotated = new CommitteeExcess(rotateRows(q, TW3, 3), TV, 3, 1.3, Activation.TANH);
        double[] theta = THETA3.clone();
        System.arraycopy(rotateRows(q, java.util.Arrays.copyOf(THETA3, 9), 3), 0, theta, 0, 9);
        assertEquals(e0, rotated.value(theta), 1e-13 * e0, "rotation");
        // unit 2's sign flipped
        double[] flipped = THETA3.clone();
        for (int k = 3; k < 6; k++) flipped[k] = -flipped[k];
        flipped[10] = -flipped[10];
        assertEquals(e0, e.value(flipped), 1e-13 * e0, "sign flip");
        // the rows padded with zeros into d = 5
        CommitteeExcess padded = new CommitteeExcess(pad(TW3, 3, 5), TV, 5, 1.3, Activation.TANH);
        double[] thetaPadded = new double[3 * 6];
        System.arraycopy(pad(java.util.Arrays.copyOf(THETA3, 9), 3, 5), 0, thetaPadded, 0, 15);
        System.arraycopy(THETA3, 9, thetaPadded, 15, 3);
        assertEquals(e0, padded.value(thetaPadded), 1e-13 * e0, "padding");
    }

    /** g with its pair moments by the quadrature, not by its own closed forms. */
    private static Activation quadratureOnly(Activation g) {
        return new Activation() {
            @Override
            public double value(double u) {
                return g.value(u);
            }

            @Override
            public void derivatives(double u, double[] out) {
                g.derivatives(u, out);
            }
        };
    }

    private static double f(double[] theta, int d, double[] x) {
        int h = theta.length / (d + 1);
        double s = 0;
        for (int i = 0; i < h; i++) s += theta[h * d + i] * Math.tanh(dot(slice(theta, i, d), x));
        return s;
    }

    private static double f(double[] w, double[] v, double[] x) {
        double s = 0;
        for (int i = 0; i < v.length; i++) s += v[i] * Math.tanh(dot(slice(w, i, x.length), x));
        return s;
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double[] slice(double[] rows, int i, int d) {
        return java.util.Arrays.copyOfRange(rows, i * d, i * d + d);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    /** R_z(a) R_y(b) R_x(c). */
    private static double[][] rotation(double a, double b, double c) {
        double[][] rz = {{Math.cos(a), -Math.sin(a), 0}, {Math.sin(a), Math.cos(a), 0}, {0, 0, 1}};
        double[][] ry = {{Math.cos(b), 0, Math.sin(b)}, {0, 1, 0}, {-Math.sin(b), 0, Math.cos(b)}};
        double[][] rx = {{1, 0, 0}, {0, Math.cos(c), -Math.sin(c)}, {0, Math.sin(c), Math.cos(c)}};
        return mul(mul(rz, ry), rx);
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }

    private static double[] rotateRows(double[][] q, double[] rows, int d) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length / d; r++) {
            for (int i = 0; i < d; i++) for (int k = 0; k < d; k++) out[r * d + i] += q[i][k] * rows[r * d + k];
        }
        return out;
    }

    private static double[] pad(double[] rows, int d, int to) {
        int n = rows.length / d;
        double[] out = new double[n * to];
        for (int r = 0; r < n; r++) System.arraycopy(rows, r * d, out, r * to, d);
        return out;
    }
}
