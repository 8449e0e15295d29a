package saddlesweep.model;

/**
 * Independent reference computations for the tests: the network written out again (not {@link Mlp}), an
 * adaptive Gauss–Kronrod (G7/K15, QUADPACK's qk15 constants) integrator, and the population excess by
 * that integrator over the real line split at 0.
 */
public final class Reference {

    private Reference() {
    }

    /** f(x; θ) = Σ v_i tanh(w_i x), written out again for the tests. */
    public static double net(double[] w, double[] v, double x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) s += v[i] * Math.tanh(w[i] * x);
        return s;
    }

    // Kronrod 15-point abscissae (positive half, last is 0) and weights; Gauss 7-point weights on xgk[1,3,5,7]
    private static final double[] XGK = {
            0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
            0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
            0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
            0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WGK = {
            0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
            0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
            0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
            0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
            0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
            0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /** K15 estimate and |K15 − G7| on [a, b]. */
    static double[] kronrod(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double k = WGK[7] * fc;
        double g = WG[3] * fc;
        for (int j = 0; j < 7; j++) {
            double f1 = f.applyAsDouble(c - h * XGK[j]);
            double f2 = f.applyAsDouble(c + h * XGK[j]);
            k += WGK[j] * (f1 + f2);
            if (j % 2 == 1) g += WG[j / 2] * (f1 + f2);
        }
        return new double[] {k * h, Math.abs((k - g) * h), resAbs(f, c, h)};
    }

    /** K15 estimate of ∫|f| on the panel (the rounding scale of the sums). */
    private static double resAbs(java.util.function.DoubleUnaryOperator f, double c, double h) {
        double s = WGK[7] * Math.abs(f.applyAsDouble(c));
        for (int j = 0; j < 7; j++) {
            s += WGK[j] * (Math.abs(f.applyAsDouble(c - h * XGK[j])) + Math.abs(f.applyAsDouble(c + h * XGK[j])));
        }
        return s * h;
    }

    /**
     * ∫_a^b f by recursive bisection until each panel's |K15 − G7| ≤ tol·(panel width)/(b − a), or is at
     * rounding level (1e-14 of ∫|f| on the panel). |K15 − G7| bounds the G7 error; the K15 value kept
     * (degree 23 against 13) is far more accurate than that bound.
     */
    public static double adaptive(java.util.function.DoubleUnaryOperator f, double a, double b, double tol) {
        return adaptive(f, a, b, tol / (b - a), 0);
    }

    private static double adaptive(java.util.function.DoubleUnaryOperator f, double a, double b, double tolPerWidth, int depth) {
        double[] ke = kronrod(f, a, b);
        // stop when within tolerance, or when |K15 − G7| is rounding noise (both rules have converged
        // to the last bits of the panel's sum), or at depth 40
        if (ke[1] <= tolPerWidth * (b - a) || ke[1] <= 1e-14 * ke[2] || depth >= 40) return ke[0];
        double m = 0.5 * (a + b);
        return adaptive(f, a, m, tolPerWidth, depth + 1) + adaptive(f, m, b, tolPerWidth, depth + 1);
    }

    /**
     * E(θ) = ½ E_x[(f(x; θ) − f*(x))²], x ~ N(0, s²), as 2·∫_0^{40 s} φ_s(x) ½ r(x)² dx (r² is even; the
     * Gaussian beyond 40 s is below e^{−800}), adaptive G7K15 to 1e-15 of a first coarse estimate.
     */
    public static double excess(double[] tw, double[] tv, double[] w, double[] v, double s) {
        java.util.function.DoubleUnaryOperator integrand = x -> {
            double r = net(w, v, x) - net(tw, tv, x);
            double z = x / s;
            return Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI)) * r * r;   // 2 φ_s(x) · ½ r²
        };
        double coarse = 0;
        for (int p = 0; p < 400; p++) coarse += kronrod(integrand, p * 0.1 * s, (p + 1) * 0.1 * s)[0];
        // start from 40 panels of width s so that no Gaussian bulk can hide between the first nodes
        double tolPerWidth = 1e-15 * Math.abs(coarse) / (40 * s);
        double sum = 0;
        for (int p = 0; p < 40; p++) sum += adaptive(integrand, p * s, (p + 1) * s, tolPerWidth, 0);
        return sum;
    }
}
