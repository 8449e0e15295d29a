package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.NewtonPolish;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/**
 * L_N of the committee machine: the scalar model's bits at d = 1 (data, value, gradient, Hessian), finite
 * differences at d = 3, the origin's spectrum ±|m| in closed form, and a critical point constructed from a
 * narrower network (a unit duplicated) that the Newton polish and the spectrum read as a saddle.
 */
class CommitteeLossTest {

    /** Two orthogonal unit-norm teacher rows in d = 3, v* = (1, 1). */
    private static final double[] TEACHER3 = {1, 0, 0, 0, 1, 0, 1, 1};

    @Test
    void atDimensionOneItIsTheScalarModelBitForBit() {
        Teacher teacher = new Teacher(new double[] {0.5, 3}, new double[] {1, -1});
        DataSet scalar = DataSet.generate(teacher, 97, 0.04, 1.3, 17);
        CommitteeData data = CommitteeData.generate(teacher.theta(), 1, 97, 0.04, 1.3, 17);
        assertArrayEquals(scalar.x(), data.x(), 0.0);
        assertArrayEquals(scalar.y(), data.y(), 0.0);
        SquaredLoss a = SquaredLoss.empirical(scalar);
        CommitteeLoss b = new CommitteeLoss(data);
        double[][] thetas = {{0.3, -1.2, 0.8, 2}, {1e-3, 4, -20, 0.5, 0.1, -0.7}, {0, 0, 0, 0}};
        for (double[] theta : thetas) {
            assertEquals(a.value(theta), b.value(theta), 0.0);
            double[] ga = a.gradient(theta);
            double[] gb = new double[theta.length];
            assertEquals(a.gradient(theta, new double[theta.length]), b.gradient(theta, gb), 0.0);
            assertArrayEquals(ga, gb, 0.0);
            assertArrayEquals(a.hessian(theta).data, b.hessian(theta).data, 0.0);
        }
    }

    @Test
    void derivativesAreThoseOfItsValue() {
        CommitteeLoss loss = new CommitteeLoss(CommitteeData.generate(TEACHER3, 3, 60, 0.01, 1, 4));
        double[] theta = {0.8, 0.4, -0.1, 0.3, -1.5, 2.0, 0.05, 0.2, 0.9, 1.1, 0.6, -0.4};
        DerivativeChecks.assertDerivativesOfValue(loss, theta, 1e-9, 1e-8);
    }

    @Test
    void erfDerivativesAreThoseOfItsValue() {
        CommitteeData data = CommitteeData.generate(TEACHER3, 3, 60, 0.01, 1, 4, Activation.ERF);
        CommitteeLoss loss = new CommitteeLoss(data, Activation.ERF);
        double[] theta = {0.8, 0.4, -0.1, 0.3, -1.5, 2.0, 0.05, 0.2, 0.9, 1.1, 0.6, -0.4};
        DerivativeChecks.assertDerivativesOfValue(loss, theta, 1e-9, 1e-8);
        // and the value is the erf network's: f = Σ v_i erf(w_i · x / √2), recomputed here with commons-math3
        double l = 0;
        for (int n = 0; n < data.size(); n++) {
            double f = 0;
            for (int i = 0; i < 3; i++) {
                double a = 0;
                for (int k = 0; k < 3; k++) a += theta[3 * i + k] * data.x()[3 * n + k];
                f += theta[9 + i] * org.apache.commons.math3.special.Erf.erf(a / Math.sqrt(2));
            }
            l += 0.5 * (f - data.y()[n]) * (f - data.y()[n]) / data.size();
        }
        assertEquals(l, loss.value(theta), 1e-15);
    }

    @Test
    void itsHessianVectorProductIsItsHessianTimesTheVector() {
        double[] theta = {0.8, 0.4, -0.1, 0.3, -1.5, 2.0, 0.05, 0.2, 0.9, 1.1, 0.6, -0.4};
        double[] u = {0.3, -0.1, 0.7, 0.2, 0.5, -0.9, 0.4, 0.0, -0.6, 1.0, -0.2, 0.8};
        for (Activation g : new Activation[] {Activation.TANH, Activation.ERF}) {
            CommitteeLoss loss = new CommitteeLoss(CommitteeData.generate(TEACHER3, 3, 60, 0.01, 1, 4, g), g);
            double[] h = loss.hessian(theta).data;
            double[] hu = new double[theta.length];
            loss.hessianVector(theta, u, hu);
            for (int a = 0; a < theta.length; a++) {
                double e = 0;
                for (int b = 0; b < theta.length; b++) e += h[a * theta.length + b] * u[b];
                assertEquals(e, hu[a], 1e-13 * (1 + Math.abs(e)), g + " component " + a);
            }
        }
    }

    @Test
    void theOriginCouplesEachUnitThroughTheMeanOfYx() {
        // at θ = 0: J = 0 and r = −y, so the only blocks are ∂²L/∂w_i∂v_i = −m (g'(0) = 1): eigenvalues ±|m|, each
        // H times, and 0 (d − 1)·H times; GD leaves the origin at the rate 1 + η|m| per step
        int d = 4;
        int h = 3;
        double[] teacher = {0.6, -0.8, 0, 0, 0, 0, 1, 0, 1, 1};
        CommitteeData data = CommitteeData.generate(teacher, d, 200, 0.01, 1, 8);
        double[] m = data.meanYx();
        double norm = Math.sqrt(Arrays.stream(m).map(x -> x * x).sum());
        double[] values = Spectrum.of(new CommitteeLoss(data).hessian(new double[h * (d + 1)])).values();
        Arrays.sort(values);
        for (int i = 0; i < h; i++) {
            assertEquals(-norm, values[i], 1e-14);
            assertEquals(norm, values[values.length - 1 - i], 1e-14);
        }
        for (int i = h; i < values.length - h; i++) assertEquals(0, values[i], 1e-14);
    }

    @Test
    void aDuplicatedUnitOfTheNarrowerOptimumIsACriticalPoint() {
        // the H = 1 optimum θ₁ = (w, v), embedded into H = 2 as (w, w, λv, (1 − λ)v): a critical point of L_N
        // (Fukumizu–Amari), with the gradient of the narrower one
        int d = 3;
        CommitteeLoss loss = new CommitteeLoss(CommitteeData.generate(TEACHER3, d, 80, 0.01, 1, 21));
        double[] start = {0.7, 0.7, 0, 1.4};
        double[] g = new double[start.length];
        for (int step = 0; step < 20_000; step++) {                 // plain GD into the minimum's basin
            loss.gradient(start, g);
            for (int i = 0; i < start.length; i++) start[i] -= 0.5 * g[i];
        }
        NewtonPolish.Result narrow = new NewtonPolish(loss, 1e-9, 1).polish(start, NewtonPolish.Mode.STRICT);
        assertTrue(narrow.ok(), narrow.reason());
        assertTrue(narrow.gradNorm() < 1e-12, "narrow gradient " + narrow.gradNorm());
        double[] w = Arrays.copyOf(narrow.theta(), d);
        double v = narrow.theta()[d];
        double lambda = 0.3;
        double[] wide = new double[2 * (d + 1)];
        System.arraycopy(w, 0, wide, 0, d);
        System.arraycopy(w, 0, wide, d, d);
        wide[2 * d] = lambda * v;
        wide[2 * d + 1] = (1 - lambda) * v;
        assertTrue(loss.gradientNorm(wide) < 1e-12, "embedded gradient " + loss.gradientNorm(wide));
        assertEquals(narrow.value(), loss.value(wide), 1e-15);
        // a teacher with two orthogonal units is not fit by one unit twice: the embedded point is a saddle
        assertTrue(Spectrum.of(loss.hessian(wide)).morseIndex(1e-9) >= 1);
    }
}
