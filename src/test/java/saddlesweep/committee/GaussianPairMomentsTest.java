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
        double[] scales = {1e-4, 0.09, 1, 4, 25, 400, 1600};
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
        for (double[] k : covariances()) {
            double[] m = GaussianPairMoments.of(ErfActivation.ERF, k[0], k[1], k[2]);
            String at = "A=" + k[0] + " B=" + k[1] + " C=" + k[2];
            // the scale of M00: √(E[g(a)²] E[g(b)²]) (Cauchy–Schwarz)
            double scale = Math.sqrt(ErfActivation.m00(k[0], k[0], k[0]) * ErfActivation.m00(k[1], k[1], k[1]));
            double m00 = ErfActivation.m00(k[0], k[1], k[2]);
            assertEquals(m00, m[GaussianPairMoments.M00], 1e-12 * scale, "M00 " + at);
            double m11 = ErfActivation.m11(k[0], k[1], k[2]);
            assertEquals(m11, m[GaussianPairMoments.M11], 1e-12 * m11, "M11 " + at);
            double m20 = ErfActivation.m20(k[0], k[1], k[2]);
            assertEquals(m20, m[GaussianPairMoments.M20], 1e-12 * Math.max(Math.abs(m20), m11), "M20 " + at);
            double m02 = ErfActivation.m20(k[1], k[0], k[2]);
            assertEquals(m02, m[GaussianPairMoments.M02], 1e-12 * Math.max(Math.abs(m02), m11), "M02 " + at);
        }
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
