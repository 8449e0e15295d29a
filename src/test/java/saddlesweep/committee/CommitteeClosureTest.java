package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import saddlesweep.committee.CommitteeClosure.Term;
import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureLoss;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/**
 * Closure functions in d inputs: L_N against the scalar model's closure loss at d = 1 and its own finite
 * differences; their population moments against the scalar model's quadrature at d = 1, Monte Carlo in d = 3, a
 * closed form (erf) and the networks whose limits they are.
 */
class CommitteeClosureTest {

    private static final double[] U3 = unit(new double[] {0.6, -0.3, 0.74});

    /** tanh (w, v), sign (v along U3), linear c, deriv (w, a, δ) in d = 3. */
    private static CommitteeClosure mixed() {
        Term[] terms = {Term.TANH, Term.SIGN, Term.LINEAR, Term.DERIV};
        double[][] dirs = {null, U3, null, null};
        double[] p = {0.9, -0.4, 0.2, 1.3, /* sign v */ -0.45, /* c */ 0.3, 0.1, -0.25,
            /* deriv w */ -0.3, 0.8, 0.5, /* a */ 0.7, /* δ */ 0.2, -0.35, 0.15};
        return new CommitteeClosure(3, terms, dirs, p);
    }

    @Test
    void lossHasItsOwnDerivatives() {
        CommitteeData data = CommitteeData.generate(new double[] {1, 0, 0, 0, 1, 0, 1, 1}, 3, 40, 0.01, 1, 7);
        CommitteeClosure f = mixed();
        for (Activation g : new Activation[] {Activation.TANH, Activation.ERF}) {
            DerivativeChecks.assertDerivativesOfValue(new CommitteeClosureLoss(f, data, g), f.params(), 1e-7, 1e-6);
        }
    }

    @Test
    void atDimensionOneLossAndExcessAreTheScalarClosures() {
        Random rnd = new Random(3);
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] om = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = Math.tanh(1.3 * x[i]) + 0.1 * rnd.nextGaussian();
            om[i] = 1.0 / n;
        }
        Term[] terms = {Term.TANH, Term.SIGN, Term.LINEAR, Term.DERIV};
        double[] p = {0.8, 1.1, -0.4, 0.25, 1.7, -0.6, 0.3};
        CommitteeClosure f = new CommitteeClosure(1, terms, new double[][] {null, {1}, null, null}, p);
        ClosureNetwork scalar = new ClosureNetwork(new ClosureForm[] {ClosureForm.TANH, ClosureForm.SIGN, ClosureForm.LINEAR,
            ClosureForm.DERIV}, p);
        ClosureLoss ref = new ClosureLoss(scalar, new SquaredLoss(x, y, om));
        CommitteeClosureLoss mine = new CommitteeClosureLoss(f, new CommitteeData(1, x, y), Activation.TANH);
        assertEquals(ref.value(p), mine.value(p), 1e-15);
        DMatrixRMaj h1 = ref.hessian(p);
        DMatrixRMaj h2 = mine.hessian(p);
        for (int i = 0; i < h1.data.length; i++) assertEquals(h1.data[i], h2.data[i], 1e-13, "Hessian entry " + i);

        double[] tw = {1.3, -0.5};
        double[] tv = {1, 0.4};
        for (double s : new double[] {1, 0.5}) {
            PopulationExcess pop = new PopulationExcess(new Teacher(tw, tv), s);
            double e = new ClosureLoss(scalar, pop.ruleFor(scalar.maxAbsW())).value(p);
            assertEquals(e, ClosureMoments.excess(f, tw, tv, s, Activation.TANH), 1e-12 * e, "E at s = " + s);
        }
    }

    @Test
    void meanSquareAgreesWithMonteCarloInThreeDimensions() {
        CommitteeClosure f = mixed();
        double[] tw = {1, 0, 0, 0, 1, 0};
        double[] tv = {1, -0.8};
        for (Activation g : new Activation[] {Activation.TANH, Activation.ERF}) {
            double e = ClosureMoments.excess(f, tw, tv, 1.0, g);
            Random rnd = new Random(11);
            int m = 400_000;
            double sum = 0;
            double sum2 = 0;
            double[] xs = new double[3];
            double[] teacher = CommitteeNetwork.pack(tw, tv, 3);
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < 3; i++) xs[i] = rnd.nextGaussian();
                double r = f.eval(f.params(), xs, 0, g) - CommitteeNetwork.eval(teacher, 3, xs, 0, g);
                double h = 0.5 * r * r;
                sum += h;
                sum2 += h * h;
            }
            double mean = sum / m;
            double se = Math.sqrt((sum2 / m - mean * mean) / m);
            assertEquals(mean, e, 4 * se, g + ": E " + e + " vs Monte Carlo " + mean + " ± " + se);
        }
    }

    @Test
    void signMomentMatchesErfsClosedForm() {
        // g(a) = erf(a/√2): E[g(a) sign(b)] = (2/π) arctan(√2 λ √B), λ = (C/B)/√(2(1 + A − C²/B))
        ClosureMoments m = new ClosureMoments(1, Activation.ERF);
        double[][] cov = {{1, 1, 0.3}, {4, 0.5, 1.2}, {2, 3, -2.4}, {0.25, 9, 1.4}, {1, 1, 1}};
        for (double[] c : cov) {
            double a = c[0], b = c[1], cc = c[2];
            double lambda = (cc / b) / Math.sqrt(2 * (1 + Math.max(0, a - cc * cc / b)));
            double exact = 2 / Math.PI * Math.atan(Math.sqrt(2) * lambda * Math.sqrt(b));
            assertEquals(exact, m.signMoment(a, b, cc, 0), 1e-13, "A, B, C = " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void networksApproachTheirClosureLimits() {
        double[] w1 = {0.9, -0.4, 0.2};
        double[] base = {0.9, -0.4, 0.2};
        // saturating: v tanh(K u·x) → v sign(u·x); E[(tanh(Kz) − sign(z))²] ∝ 1/K for z ~ N(0, 1), so K·d² settles
        CommitteeClosure sign = new CommitteeClosure(3, new Term[] {Term.TANH, Term.SIGN}, new double[][] {null, U3},
                new double[] {w1[0], w1[1], w1[2], 1.3, -0.45});
        double prev = Double.NaN;
        for (double k : new double[] {100, 1000, 10000}) {
            double[] theta = {base[0], base[1], base[2], k * U3[0], k * U3[1], k * U3[2], 1.3, -0.45};
            double d = ClosureMoments.distance(theta, sign, 1, Activation.TANH);
            double scaled = k * d * d;
            if (!Double.isNaN(prev)) assertEquals(prev, scaled, 0.01 * prev, "K d² at K = " + k);
            prev = scaled;
        }
        // E[(tanh(Kz) − sign(z))²] · K → 2 ∫ (1 − tanh t)² dt · φ(0) = 2 (2 ln 2 − 1) · 0.45² / √(2π) for v = −0.45
        assertEquals(2 * (2 * Math.log(2) - 1) * 0.45 * 0.45 / Math.sqrt(2 * Math.PI), prev, 1e-3 * prev);

        // linear: (c_k/ε) tanh(ε e_k·x) summed → c·x, distance O(ε²)
        double[] c = {0.3, 0.1, -0.25};
        CommitteeClosure lin = new CommitteeClosure(3, new Term[] {Term.LINEAR}, new double[][] {null}, c.clone());
        double dPrev = Double.NaN;
        for (double eps : new double[] {0.04, 0.02}) {
            double cn = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
            double[] theta = {eps * c[0] / cn, eps * c[1] / cn, eps * c[2] / cn, cn / eps};
            double d = ClosureMoments.distance(theta, lin, 1, Activation.TANH);
            if (!Double.isNaN(dPrev)) assertEquals(4, dPrev / d, 0.02, "O(ε²) at ε = " + eps);
            dPrev = d;
        }

        // derivative pair: units (w ∓ ε e, v_∓) with v_± = a/2 ± δ/(2ε)·… → a g(w·x) + (δ·x) g'(w·x), distance O(ε²)
        double[] w = {-0.3, 0.8, 0.5};
        double[] e = {0.6, 0.2, -0.4};
        double a = 0.7;
        double lam = 0.5;                           // δ = λ e: ½(v_j − v_i)(w_j − w_i) = ½ · λ/ε · 2ε e
        CommitteeClosure der = new CommitteeClosure(3, new Term[] {Term.DERIV}, new double[][] {null},
                new double[] {w[0], w[1], w[2], a, lam * e[0], lam * e[1], lam * e[2]});
        dPrev = Double.NaN;
        for (double eps : new double[] {0.02, 0.01}) {
            double vi = 0.5 * a - 0.5 * lam / eps;
            double vj = 0.5 * a + 0.5 * lam / eps;
            double[] theta = {w[0] - eps * e[0], w[1] - eps * e[1], w[2] - eps * e[2], w[0] + eps * e[0], w[1] + eps * e[1],
                w[2] + eps * e[2], vi, vj};
            double d = ClosureMoments.distance(theta, der, 1, Activation.TANH);
            if (!Double.isNaN(dPrev)) assertEquals(4, dPrev / d, 0.02, "O(ε²) at ε = " + eps);
            dPrev = d;
        }
        assertTrue(dPrev < 1e-2, "the pair is within " + dPrev + " of its limit");
    }

    private static double[] unit(double[] u) {
        double n = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        return new double[] {u[0] / n, u[1] / n, u[2] / n};
    }
}
