package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The pair moments' quadrature against closed forms (erf), against itself with the roles of a and b swapped (a
 * different grid), against the one-dimensional integral where b is a multiple of a, and against Monte Carlo (tanh).
 */
class GaussianPairMomentsTest {

    /** (A, B, C): variances up to 20² · 2² (|w| = 20, input std 2) and correlations from −1 to 1. */
    private static double[][] covariances() {
        return covariances(new double[] {1e-4, 0.09, 1, 4, 25, 400, 1600});
    }

    private static double[][] covariances(double[] scales) {
        double[] rhos = {-1, -0.999999, -0.9, -0.3, 0, 0.2, 0.7, 0.99, 0.9999999, 1};
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (double a : scales) {
            for (double b : scales) {
                for (double r : rhos) out.add(new double[] {a, b, r * Math.sqrt(a * b)});
            }
        }
        return out.toArray(new double[0][]);
    }

    @Test
    void erfMomentsMatchSaadSollaClosedFormsTo1e12() {
        // all nine moments: the quadrature (GaussianPairMoments.of) against the closed forms (pairMoments)
        java.util.Map<Double, double[]> squares = new java.util.HashMap<>();
        for (double[] k : covariances(new double[] {1e-4, 1, 25, 1600})) {       // erf costs 10× tanh
            double[] quadrature = GaussianPairMoments.of(Activation.ERF, k[0], k[1], k[2]);
            double[] closed = Activation.ERF.pairMoments(k[0], k[1], k[2]);
            // the scale of M_pq: √(E[g^(p)(a)²] E[g^(q)(b)²]) (Cauchy–Schwarz)
            double[] aa = squares.computeIfAbsent(k[0], x -> meanSquares(Activation.ERF, x));
            double[] bb = squares.computeIfAbsent(k[1], x -> meanSquares(Activation.ERF, x));
            for (int i = 0; i < GaussianPairMoments.COUNT; i++) {
                int[] pq = GaussianPairMoments.orders(i);
                double scale = Math.sqrt(aa[pq[0]] * bb[pq[1]]);
                assertEquals(closed[i], quadrature[i], 1e-12 * Math.max(scale, Math.abs(closed[i])),
                        "M" + pq[0] + pq[1] + " at A=" + k[0] + " B=" + k[1] + " C=" + k[2]);
            }
        }
    }

    /** E[g^(p)(a)²], p = 0..4, a ~ N(0, A): the trapezoid rule on [−10, 10] (spectrally accurate for a Gaussian). */
    private static double[] meanSquares(Activation g, double a) {
        double[] out = new double[5];
        double[] d = new double[5];
        int n = 20_000;
        double h = 20.0 / n;
        for (int i = 0; i <= n; i++) {
            double z = -10 + i * h;
            double w = h * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * (i == 0 || i == n ? 0.5 : 1);
            g.derivatives(Math.sqrt(a) * z, d);
            for (int p = 0; p < 5; p++) out[p] += w * d[p] * d[p];
        }
        return out;
    }

    @Test
    void erfClosedFormsAreTheDerivativesOfM00() {
        // Price: ∂M00/∂C = M11, ∂M00/∂A = ½ M20, ∂M11/∂C = M22, ∂M11/∂A = ½ M31, ∂M20/∂A = ½ M40 (central differences)
        double a = 0.7;
        double b = 2.3;
        double c = 0.4;
        double h = 1e-5;
        double[] m = Activation.ERF.pairMoments(a, b, c);
        double[] cp = Activation.ERF.pairMoments(a, b, c + h);
        double[] cm = Activation.ERF.pairMoments(a, b, c - h);
        double[] ap = Activation.ERF.pairMoments(a + h, b, c);
        double[] am = Activation.ERF.pairMoments(a - h, b, c);
        assertEquals(m[GaussianPairMoments.M11], (cp[GaussianPairMoments.M00] - cm[GaussianPairMoments.M00]) / (2 * h), 1e-9);
        assertEquals(m[GaussianPairMoments.M20], 2 * (ap[GaussianPairMoments.M00] - am[GaussianPairMoments.M00]) / (2 * h), 1e-9);
        assertEquals(m[GaussianPairMoments.M22], (cp[GaussianPairMoments.M11] - cm[GaussianPairMoments.M11]) / (2 * h), 1e-9);
        assertEquals(m[GaussianPairMoments.M31], 2 * (ap[GaussianPairMoments.M11] - am[GaussianPairMoments.M11]) / (2 * h), 1e-9);
        assertEquals(m[GaussianPairMoments.M40], 2 * (ap[GaussianPairMoments.M20] - am[GaussianPairMoments.M20]) / (2 * h), 1e-9);
    }

    @Test
    void tanhMomentsAgreeWithTheSwappedGridAndTheLine() {
        for (double[] k : covariances()) {
            double[] m = GaussianPairMoments.of(Activation.TANH, k[0], k[1], k[2]);
            String at = "A=" + k[0] + " B=" + k[1] + " C=" + k[2];
            // b's own grid: swap the variances by scaling (A, B, C) → the same pair read as (b, a)
            double[] swapped = GaussianPairMoments.of(Activation.TANH, k[1], k[0], k[2]);
            for (int i = 0; i < GaussianPairMoments.COUNT; i++) {
                int[] pq = GaussianPairMoments.orders(i);
                int j = GaussianPairMoments.index(pq[1], pq[0]);
                assertEquals(m[i], swapped[j], 1e-13 * scale(m), "swap " + i + " " + at);
            }
        }
    }

    private static double scale(double[] m) {
        double s = 0;
        for (double x : m) s = Math.max(s, Math.abs(x));
        return Math.max(s, 1);
    }

    @Test
    void tanhMomentsMatchMonteCarlo() {
        Random rng = new Random(11);
        double[][] cases = {{1, 0.5, 0.3}, {16, 2, -4}, {0.2, 3, 0.1}};
        int n = 500_000;
        double[] ga = new double[5];
        double[] gb = new double[5];
        for (double[] k : cases) {
            double sa = Math.sqrt(k[0]);
            double beta = k[2] / sa;
            double gamma = Math.sqrt(k[1] - beta * beta);
            double[] sum = new double[GaussianPairMoments.COUNT];
            double[] sq = new double[GaussianPairMoments.COUNT];
            for (int s = 0; s < n; s++) {
                double z1 = rng.nextGaussian();
                double z2 = rng.nextGaussian();
                Activation.TANH.derivatives(sa * z1, ga);
                Activation.TANH.derivatives(beta * z1 + gamma * z2, gb);
                for (int i = 0; i < GaussianPairMoments.COUNT; i++) {
                    int[] pq = GaussianPairMoments.orders(i);
                    double v = ga[pq[0]] * gb[pq[1]];
                    sum[i] += v;
                    sq[i] += v * v;
                }
            }
            double[] m = GaussianPairMoments.of(Activation.TANH, k[0], k[1], k[2]);
            for (int i = 0; i < GaussianPairMoments.COUNT; i++) {
                double mean = sum[i] / n;
                double se = Math.sqrt(Math.max(sq[i] / n - mean * mean, 0) / n);
                assertEquals(mean, m[i], 5 * se + 1e-12, "moment " + i + " at " + java.util.Arrays.toString(k));
            }
        }
    }
}
