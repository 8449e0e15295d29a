package saddlesweep.model;

/**
 * Gauss–Legendre nodes and weights on [−1, 1], by Newton's method on the Legendre polynomial
 * P_m (three-term recurrence) from Tricomi's initial guesses; exact for polynomials of degree ≤ 2m − 1.
 */
public final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    public GaussLegendre(int m) {
        if (m < 1) throw new IllegalArgumentException("need at least one node");
        nodes = new double[m];
        weights = new double[m];
        for (int i = 0; i < (m + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            for (int iter = 0; iter < 100; iter++) {
                double[] p = legendre(m, z);
                double dz = p[0] / p[1];
                z -= dz;
                if (Math.abs(dz) < 1e-16) break;
            }
            double dp = legendre(m, z)[1];
            double w = 2 / ((1 - z * z) * dp * dp);    // w_i = 2 / ((1 − z²) P_m'(z)²)
            nodes[i] = -z;
            nodes[m - 1 - i] = z;
            weights[i] = w;
            weights[m - 1 - i] = w;
        }
        if (m % 2 == 1) nodes[m / 2] = 0.0;
    }

    /** {P_m(z), P_m'(z)}: (j+1) P_{j+1} = (2j+1) z P_j − j P_{j−1}, and P_m' = m (z P_m − P_{m−1}) / (z² − 1). */
    private static double[] legendre(int m, double z) {
        double p0 = 1;
        double p1 = z;
        for (int j = 1; j < m; j++) {
            double p2 = ((2 * j + 1) * z * p1 - j * p0) / (j + 1);
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, m * (z * p1 - p0) / (z * z - 1)};
    }

    public int size() {
        return nodes.length;
    }

    public double node(int i) {
        return nodes[i];
    }

    public double weight(int i) {
        return weights[i];
    }

    /**
     * Panels [lo, hi] covering [0, length], graded towards 0: the first {@code first} wide, each next one twice as
     * wide up to {@code widest}; for integrands with a pole (or a kink's analogue) above 0 at a height about
     * twice {@code first}, every panel then lies inside a Bernstein ellipse that avoids it.
     */
    public static java.util.List<double[]> gradedPanels(double length, double first, double widest) {
        java.util.List<double[]> panels = new java.util.ArrayList<>();
        double a = 0;
        double width = first;
        while (a < length) {
            double b = Math.min(a + width, length);
            panels.add(new double[] {a, b});
            a = b;
            width = Math.min(2 * width, widest);
        }
        return panels;
    }
}
