package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The closure forms' analytic gradient and Hessian against finite differences, a closure network of TANH
 * terms against the ordinary network, and the closure forms as limits of ordinary units.
 */
class ClosureLossTest {

    private static final ClosureNetwork MIXED = new ClosureNetwork(
            new ClosureForm[] {ClosureForm.TANH, ClosureForm.SIGN, ClosureForm.LINEAR, ClosureForm.DERIV, ClosureForm.CUBIC,
                    ClosureForm.DERIV2},
            new double[] {0.7, -0.4, 0.3, 0.25, 1.3, 0.8, -0.6, -0.05, 1.1, 0.3, -0.4, 0.7});

    private static SquaredLoss data() {
        DataSet d = DataSet.generate(new Teacher(new double[] {1, 3}, new double[] {1, -0.5}), 60, 0.05, 1.0, 7);
        return SquaredLoss.empirical(d);
    }

    @Test
    void gradientAndHessianMatchFiniteDifferences() {
        ClosureLoss loss = new ClosureLoss(MIXED, data());
        double[] p = MIXED.params();
        double[] g = new double[p.length];
        loss.gradient(p, g);
        double[] fd = FiniteDifferences.gradient(loss::value, p, 1e-5);
        for (int i = 0; i < p.length; i++) assertEquals(fd[i], g[i], 1e-8 * (1 + Math.abs(fd[i])), "gradient " + i);
        DMatrixRMaj h = loss.hessian(p);
        double[][] fdh = FiniteDifferences.jacobian(q -> {
            double[] gq = new double[q.length];
            loss.gradient(q, gq);
            return gq;
        }, p, 1e-5);
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                assertEquals(fdh[i][j], h.get(i, j), 1e-7 * (1 + Math.abs(fdh[i][j])), "hessian " + i + "," + j);
                assertEquals(h.get(j, i), h.get(i, j), 1e-15, "symmetric");
            }
        }
    }

    @Test
    void tanhTermsAreTheOrdinaryNetwork() {
        double[] theta = {0.5, -2.0, 1.5, 0.7};
        SquaredLoss data = data();
        ClosureNetwork c = ClosureNetwork.ofMlp(theta);
        assertEquals(data.value(theta), new ClosureLoss(c, data).value(c.params()), 1e-15);
        for (double x : new double[] {-1.3, 0.2, 2.5}) assertEquals(Mlp.eval(theta, x), c.eval(x), 1e-15);
        assertEquals("tanh,tanh", c.label());
    }

    @Test
    void closureFormsAreLimitsOfOrdinaryUnits() {
        double[] xs = {-2, -0.3, 0.05, 0.7, 1.9};
        for (double x : xs) {
            // saturating: v tanh(w x) → v sign(x)
            double w = 1e7;
            assertEquals(0.8 * Math.signum(x), 0.8 * Math.tanh(w * x), 1e-12);
            // linear: v tanh(w x) with v w = c fixed, w → 0
            double c = 0.6;
            double small = 1e-6;
            assertEquals(new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR}, new double[] {c}).eval(x),
                    (c / small) * Math.tanh(small * x), 1e-10);
            // derivative pair: v_i tanh(w_i x) + v_j tanh(w_j x), w_j − w_i = δ → 0, (v_j − v_i) δ / 2 = c, v_i + v_j = u
            double wm = 0.9;
            double u = 0.4;
            double delta = 1e-5;
            double vj = (u + 2 * c / delta) / 2;
            double vi = u - vj;
            double pair = vi * Math.tanh((wm - delta / 2) * x) + vj * Math.tanh((wm + delta / 2) * x);
            double deriv = new ClosureNetwork(new ClosureForm[] {ClosureForm.DERIV}, new double[] {wm, u, c}).eval(x);
            assertEquals(deriv, pair, 1e-8);
            // two units turning linear together, w_i = a ε, w_j = b ε → 0, with v_i w_i + v_j w_j = c and
            // −(v_i w_i³ + v_j w_j³)/3 = d fixed: v_i = (c b² + 3d/ε²)/(a ε (b² − a²)), v_j from the first
            double eps = 1e-4;
            double a = 1;
            double b = 2;
            double d = -0.05;
            double vi2 = (c * b * b + 3 * d / (eps * eps)) / (a * eps * (b * b - a * a));
            double vj2 = (c - vi2 * a * eps) / (b * eps);
            double two = vi2 * Math.tanh(a * eps * x) + vj2 * Math.tanh(b * eps * x);
            double cubic = new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR, ClosureForm.CUBIC},
                    new double[] {c, d}).eval(x);
            assertEquals(cubic, two, 1e-6);
            // three units meeting: w − δ, w, w + δ with v = (e/δ² + c/(2δ)), u − 2e/δ², (e/δ² − c/(2δ))
            double e = 0.3;
            double dl = 1e-4;
            double three = (e / (dl * dl) - c / (2 * dl)) * Math.tanh((wm - dl) * x) + (u - 2 * e / (dl * dl)) * Math.tanh(wm * x)
                    + (e / (dl * dl) + c / (2 * dl)) * Math.tanh((wm + dl) * x);
            double deriv2 = new ClosureNetwork(new ClosureForm[] {ClosureForm.DERIV2}, new double[] {wm, u, c, e}).eval(x);
            assertEquals(deriv2, three, 1e-6);
        }
    }

    @Test
    void canonicalFormIsSymmetric() {
        ClosureNetwork a = new ClosureNetwork(new ClosureForm[] {ClosureForm.TANH, ClosureForm.DERIV, ClosureForm.TANH, ClosureForm.DERIV2},
                new double[] {-0.7, 0.4, -1.3, -0.8, -0.6, 2.0, 1.0, -0.8, 0.5, 0.3, 0.2});
        ClosureNetwork b = a.canonical();
        for (double x : new double[] {-1, 0.3, 2}) assertEquals(a.eval(x), b.eval(x), 1e-14);
        assertEquals("tanh,tanh,deriv,deriv2", b.label());
        double[] p = b.params();
        assertEquals(0.7, p[0], 0);
        assertEquals(-0.4, p[1], 0);
    }
}
