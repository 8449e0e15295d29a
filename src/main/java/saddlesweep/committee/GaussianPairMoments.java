package saddlesweep.committee;

import saddlesweep.model.GaussLegendre;

/**
 * The moments {@code M_pq = E[g^(p)(a) g^(q)(b)]} of a centred Gaussian pair (a, b) with covariance
 * [[A, C], [C, B]], for the (p, q) that the population excess and its first two derivatives need (all with p + q
 * even). By Price's theorem they are also the derivatives of M_00 in the covariance: ∂M_00/∂C = M_11,
 * ∂M_00/∂A = ½ M_20.
 *
 * <p>Quadrature: with A ≥ B (else the roles swap), a = √A ξ₁ and b = β ξ₁ + γ ξ₂, β = C/√A, γ = √(B − β²),
 * ξ₁, ξ₂ independent standard normals. The integrand is even under (ξ₁, ξ₂) → −(ξ₁, ξ₂) (g odd, p + q even), so
 * ξ₁ runs over [0, Z] with weight 2φ, ξ₂ over [−Z, Z], Z = 9 (the neglected mass is below 1e-18). As in
 * {@link saddlesweep.model.PopulationExcess}, composite 16-point Gauss–Legendre on panels graded towards the
 * real projection of the nearest pole of tanh: ξ₁ = 0 at height π/(2√A), and ξ₂ = −βξ₁/γ at height π/(2γ);
 * the first panel is half that height wide, each next one doubles up to 2. When γ = 0 (b a multiple of a)
 * the inner integral is the integrand at ξ₂'s only point.
 */
public final class GaussianPairMoments {

    /** Indices into the array that {@link #of} returns: M_pq at index MPQ. */
    public static final int M00 = 0, M11 = 1, M20 = 2, M02 = 3, M22 = 4, M31 = 5, M13 = 6, M40 = 7, M04 = 8;
    /** The number of moments. */
    public static final int COUNT = 9;
    /** (p, q) of each index. */
    private static final int[][] ORDERS = {{0, 0}, {1, 1}, {2, 0}, {0, 2}, {2, 2}, {3, 1}, {1, 3}, {4, 0}, {0, 4}};
    /** The index of (q, p) for the index of (p, q). */
    private static final int[] SWAPPED = {M00, M11, M02, M20, M22, M13, M31, M04, M40};

    static final double Z_MAX = 9.0;
    /**
     * The widest panel: 2. A panel at distance δ ≥ its width w from a pole's projection lies in a Bernstein ellipse
     * of parameter ρ ≥ 2δ/w + √((2δ/w)² − 1) ≥ 3.7, so 16 nodes leave ρ^−32 ≤ 1e-18; e^{−ξ²/2} on a panel of width 2
     * is integrated to rounding.
     */
    static final double WIDEST = 2.0;
    private static final GaussLegendre RULE = new GaussLegendre(16);
    private static final double TWO_PHI0 = 2.0 / Math.sqrt(2 * Math.PI);   // 2φ(ξ) = TWO_PHI0 · e^{−ξ²/2}

    private GaussianPairMoments() {
    }

    /** (p, q) of moment index m. */
    public static int[] orders(int m) {
        return ORDERS[m].clone();
    }

    /** The index of M_pq. */
    public static int index(int p, int q) {
        for (int i = 0; i < COUNT; i++) {
            if (ORDERS[i][0] == p && ORDERS[i][1] == q) return i;
        }
        throw new IllegalArgumentException("no moment M_" + p + q);
    }

    /** The moments of (b, a) from those of (a, b). */
    public static double[] swapped(double[] mab) {
        double[] out = new double[COUNT];
        for (int i = 0; i < COUNT; i++) out[SWAPPED[i]] = mab[i];
        return out;
    }

    /** M_pq of (a, b) ~ N(0, [[A, C], [C, B]]), indexed by {@link #M00} … {@link #M04}. */
    public static double[] of(Activation g, double a, double b, double c) {
        if (!(a >= 0 && b >= 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("not a covariance: A = " + a + ", B = " + b + ", C = " + c);
        }
        if (a < b) {
            return swapped(of(g, b, a, c));
        }
        double[] ga = new double[5];
        double[] gb = new double[5];
        double[] out = new double[COUNT];
        if (a == 0) {                                          // a = b = 0 almost surely
            g.derivatives(0, ga);
            accumulate(out, 1.0, ga, ga);
            return out;
        }
        double sa = Math.sqrt(a);
        double beta = c / sa;
        double gamma2 = b - beta * beta;
        double gamma = gamma2 > 0 ? Math.sqrt(gamma2) : 0.0;   // |C| ≤ √(AB) up to rounding
        double[] inner = new double[5];
        double[] outer = nodes(Z_MAX, Math.PI / (2 * sa));
        double[] innerOffsets = gamma == 0 ? null : nodes(2 * Z_MAX, Math.PI / (2 * gamma));
        for (int i = 0; i < outer.length; i += 2) {
            double xi1 = outer[i];
            double w1 = outer[i + 1] * TWO_PHI0 * Math.exp(-0.5 * xi1 * xi1);
            g.derivatives(sa * xi1, ga);
            if (gamma == 0) {
                g.derivatives(beta * xi1, inner);
            } else {
                innerExpectations(g, beta * xi1, gamma, innerOffsets, gb, inner);
            }
            accumulate(out, w1, ga, inner);
        }
        return out;
    }

    /**
     * inner[q] = E_ξ[g^(q)(m + γξ)], ξ ~ N(0, 1), by the graded rule {@code offsets} laid out on both sides of
     * ξ = −m/γ (clamped to [−Z, Z]) out to |ξ| = Z + 1.
     */
    private static void innerExpectations(Activation g, double m, double gamma, double[] offsets, double[] scratch,
                                          double[] inner) {
        java.util.Arrays.fill(inner, 0.0);
        double centre = Math.max(-Z_MAX, Math.min(Z_MAX, -m / gamma));
        double phi0 = TWO_PHI0 / 2;
        for (int side = -1; side <= 1; side += 2) {
            for (int i = 0; i < offsets.length; i += 2) {
                double xi = centre + side * offsets[i];
                if (Math.abs(xi) > Z_MAX + 1) break;
                double w = offsets[i + 1] * phi0 * Math.exp(-0.5 * xi * xi);
                g.derivatives(m + gamma * xi, scratch);
                for (int q = 0; q < 5; q++) inner[q] += w * scratch[q];
            }
        }
    }

    /** out[pq] += w · ga[p] · gb[q] for every moment. */
    private static void accumulate(double[] out, double w, double[] ga, double[] gb) {
        for (int i = 0; i < COUNT; i++) out[i] += w * ga[ORDERS[i][0]] * gb[ORDERS[i][1]];
    }

    /**
     * Nodes and weights (interleaved, nodes increasing) of the composite rule on [0, length] graded towards 0: the
     * first panel min(height/2, {@value #WIDEST}) wide, each next one twice as wide up to {@value #WIDEST}.
     */
    static double[] nodes(double length, double height) {
        int m = RULE.size();
        java.util.List<double[]> panels = GaussLegendre.gradedPanels(length, Math.min(0.5 * height, WIDEST), WIDEST);
        double[] out = new double[2 * m * panels.size()];
        int k = 0;
        for (double[] p : panels) {
            double mid = 0.5 * (p[0] + p[1]);
            double half = 0.5 * (p[1] - p[0]);
            for (int i = 0; i < m; i++) {
                out[k++] = mid + half * RULE.node(i);
                out[k++] = half * RULE.weight(i);
            }
        }
        return out;
    }
}
