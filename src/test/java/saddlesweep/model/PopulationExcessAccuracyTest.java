package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The population excess E(θ) = ½ E_x[(f − f*)²] against references that share no code with
 * {@link PopulationExcess}: an adaptive Gauss–Kronrod G7K15 integral written in the tests ({@link Reference}),
 * commons-math3's iterative Legendre–Gauss integrator, and seeded Monte Carlo.
 */
class PopulationExcessAccuracyTest {

    /** (label, teacher w, teacher v, student w, student v, input std). */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("H=H*=1, w=1", new double[] {1}, new double[] {1}, new double[] {0.7}, new double[] {1.3}, 1),
                c("teacher w=4", new double[] {4}, new double[] {1}, new double[] {1}, new double[] {1}, 1),
                c("student w=4 and 20, mixed-sign v", new double[] {1, 4}, new double[] {2, -1},
                        new double[] {4, 20}, new double[] {-1.5, 0.8}, 1),
                c("teacher w=20, mixed-sign v", new double[] {20, -0.5}, new double[] {1, -2},
                        new double[] {3, -1}, new double[] {0.5, 1}, 1),
                c("tiny student w", new double[] {1, 4}, new double[] {2, -1},
                        new double[] {1e-3, 1, -4.2}, new double[] {5, 2.1, 1}, 1),
                c("H < H*", new double[] {0.5, 3, -7}, new double[] {1, 1, 0.5}, new double[] {2}, new double[] {1.5}, 1),
                c("H > H*", new double[] {1}, new double[] {1},
                        new double[] {1.1, -20, 0.3, 5}, new double[] {0.9, 0.01, -0.2, 0.05}, 1),
                c("|w| = 20 both sides", new double[] {20}, new double[] {-1}, new double[] {-19.5, 20}, new double[] {1, 0.3}, 1),
                c("input std 2, w=20", new double[] {20, 1}, new double[] {1, -1}, new double[] {4, 0.6}, new double[] {0.5, -0.8}, 2),
                c("input std 0.3, w=4", new double[] {4}, new double[] {1}, new double[] {2.5}, new double[] {1.4}, 0.3));
    }

    private static Arguments c(String label, double[] tw, double[] tv, double[] w, double[] v, double s) {
        return Arguments.of(label, tw, tv, w, v, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesAdaptiveGaussKronrodTo1e12(String label, double[] tw, double[] tv, double[] w, double[] v, double s) {
        double reference = Reference.excess(tw, tv, w, v, s);
        double e = new PopulationExcess(new Teacher(tw, tv), s).value(Mlp.pack(w, v));
        assertTrue(reference > 0);
        assertEquals(reference, e, 1e-12 * reference, label + ": E vs adaptive G7K15");
    }

    @Test
    void adaptiveReferenceIsItselfRight() {
        // the integrator on a Gaussian moment, and Reference.excess on a case with a series expansion:
        // a lone student unit (w, v = 1) against a zero teacher, tiny w
        double m2 = Reference.adaptive(x -> Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * x * x, 0, 40, 1e-17);
        assertEquals(0.5, m2, 1e-15);                       // ∫_0^∞ φ(x) x² dx = ½
        double w = 1e-4;
        double e = Reference.excess(new double[] {1e-9}, new double[] {0.0}, new double[] {w}, new double[] {1}, 1);
        // E = ½ E[tanh(wx)²] = ½ (w² − 2 w⁴ E[x⁴]/3 + …) = ½ w² (1 − 2 w²) + O(w⁶)
        assertEquals(0.5 * w * w * (1 - 2 * w * w), e, 1e-13 * e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCommonsMathLegendreGaussOnManySubintervals(String label, double[] tw, double[] tv, double[] w,
                                                           double[] v, double s) {
        // commons-math3: a 12-point Legendre–Gauss rule (nodes in high precision) on each of 4000 panels of
        // [0, 40 s]; panels of half-width ≤ 0.005 s keep the poles of tanh(20 x) far outside the rule's ellipse
        GaussIntegrator rule = new GaussIntegratorFactory().legendreHighPrecision(12);   // on [−1, 1]
        int panels = 4000;
        double half = 20 * s / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = (2 * p + 1) * half;
            double panel = 0;
            for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                double x = mid + half * rule.getPoint(i);
                double r = Reference.net(w, v, x) - Reference.net(tw, tv, x);
                panel += rule.getWeight(i) * Math.exp(-0.5 * (x / s) * (x / s)) / (s * Math.sqrt(2 * Math.PI)) * r * r;
            }
            sum += half * panel;
        }
        double e = new PopulationExcess(new Teacher(tw, tv), s).value(Mlp.pack(w, v));
        assertEquals(sum, e, 1e-12 * sum, label + ": E vs commons-math3 Legendre–Gauss");
    }

    /** A subset of {@link #cases()} for the (slower) Monte Carlo check. */
    static Stream<Arguments> monteCarloCases() {
        return cases().filter(a -> java.util.Set.of("teacher w=4", "student w=4 and 20, mixed-sign v", "H < H*",
                "tiny student w", "input std 2, w=20").contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monteCarloCases")
    void agreesWithMonteCarloWithinFiveStandardErrors(String label, double[] tw, double[] tv, double[] w,
                                                      double[] v, double s) {
        Random rng = new Random(20240601L + label.hashCode());
        int n = 2_000_000;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            double x = s * rng.nextGaussian();
            double r = Reference.net(w, v, x) - Reference.net(tw, tv, x);
            double q = 0.5 * r * r;
            sum += q;
            sumSq += q * q;
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSq / n - mean * mean) / n);
        double e = new PopulationExcess(new Teacher(tw, tv), s).value(Mlp.pack(w, v));
        assertEquals(mean, e, 5 * se, label + ": E vs Monte Carlo (se = " + se + ")");
    }

    @Test
    void gaussHermite120IsAboutOnePercentOffForW4ButPopulationExcessIsNot() {
        // teacher w* = 4 against a student w = 1: tanh(4x) has poles at ±iπ/8, Gauss–Hermite converges slowly
        double[] tw = {4};
        double[] tv = {1};
        double[] w = {1};
        double[] v = {1};
        GaussIntegrator gh = new GaussIntegratorFactory().hermite(120);
        // sanity of the 120-node rule itself: ∫ e^{−t²} t⁴ dt = 3√π/4 (exact for polynomials)
        assertEquals(0.75 * Math.sqrt(Math.PI), gh.integrate(t -> t * t * t * t), 1e-13);
        // E = ½ E[r(x)²] = (1/√π) ∫ e^{−t²} ½ r(√2 t)² dt
        double ghE = gh.integrate(t -> {
            double r = Reference.net(w, v, Math.sqrt(2) * t) - Reference.net(tw, tv, Math.sqrt(2) * t);
            return 0.5 * r * r;
        }) / Math.sqrt(Math.PI);
        double reference = Reference.excess(tw, tv, w, v, 1);
        double e = new PopulationExcess(new Teacher(tw, tv), 1).value(Mlp.pack(w, v));
        double ghRel = Math.abs(ghE - reference) / reference;
        System.out.printf("Gauss–Hermite(120) relative error for w=4: %.3e; PopulationExcess: %.3e%n",
                ghRel, Math.abs(e - reference) / reference);
        assertTrue(ghRel > 3e-3 && ghRel < 5e-2, "Gauss–Hermite 120 should be ~1% off, is " + ghRel);
        assertEquals(reference, e, 1e-12 * reference);
    }

    @Test
    void zeroAtTheTeacherAndEqualToTheTeacherNormAtTheOrigin() {
        Teacher t = new Teacher(new double[] {0.5, 3}, new double[] {1, 1});
        PopulationExcess e = new PopulationExcess(t, 1);
        assertEquals(0.0, e.value(new double[] {0.5, 3, 0, 1, 1, 0}));
        assertEquals(0.0, e.value(new double[] {3, -0.5, 1, -1}), 1e-30);
        double norm = Reference.excess(new double[] {1e-300}, new double[] {0}, t.w(), t.v(), 1);   // ½ E[f*²]
        assertEquals(norm, e.value(new double[] {0, 0, 0, 0}), 1e-12 * norm);
        assertTrue(Arrays.stream(e.gradient(new double[] {0.5, 3, 1, 1})).allMatch(g -> g == 0.0));
    }
}
