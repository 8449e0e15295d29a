package saddlesweep.committee;

/**
 * The activation g of a committee machine {@code f(x) = Σ_i v_i g(w_i · x)}, with its first four derivatives
 * (the population excess's Hessian needs E[g(a) g''''(b)], see {@link GaussianPairMoments}): {@link #TANH}, the
 * model's own, or Saad and Solla's {@link #ERF}.
 */
public interface Activation {

    /** g(u). */
    double value(double u);

    /** Writes g(u), g'(u), g''(u), g'''(u), g''''(u) into {@code out[0..4]}. */
    void derivatives(double u, double[] out);

    /**
     * g(u), g'(u) and a factoring of the curvature −g''(u) = out[2]·out[3], into out[0..3], as {@link CommitteeLoss}
     * uses them (tanh: t, 1 − t², 2t, 1 − t², which keeps the scalar loss's order of products).
     */
    default void lossTerms(double u, double[] out) {
        double[] d = new double[5];
        derivatives(u, d);
        out[0] = d[0];
        out[1] = d[1];
        out[2] = -d[2];
        out[3] = 1;
    }

    /**
     * The moments M_pq = E[g^(p)(a) g^(q)(b)] of (a, b) ~ N(0, [[A, C], [C, B]]), indexed as
     * {@link GaussianPairMoments}: by its quadrature unless the activation has closed forms.
     */
    default double[] pairMoments(double a, double b, double c) {
        return GaussianPairMoments.of(this, a, b, c);
    }

    /** The activation {@code --activation} names: {@code tanh} or {@code erf}. */
    static Activation named(String name) {
        return switch (name) {
            case "tanh" -> TANH;
            case "erf" -> ERF;
            default -> throw new IllegalArgumentException("activation must be tanh or erf, got '" + name + "'");
        };
    }

    /**
     * tanh, its derivatives as polynomials in t = tanh u (s = 1 − t²):
     * g' = s, g'' = −2ts, g''' = −2s(1 − 3t²), g'''' = 8ts(2 − 3t²).
     * Its poles at u = iπ(k + ½) set the quadrature's panel grading.
     */
    Activation TANH = new Activation() {
        @Override
        public double value(double u) {
            return Math.tanh(u);
        }

        @Override
        public void lossTerms(double u, double[] out) {
            double t = Math.tanh(u);
            double s = 1 - t * t;
            out[0] = t;
            out[1] = s;
            out[2] = 2 * t;
            out[3] = s;
        }

        @Override
        public void derivatives(double u, double[] out) {
            double t = Math.tanh(u);
            double s = 1 - t * t;
            double t2 = t * t;
            out[0] = t;
            out[1] = s;
            out[2] = -2 * t * s;
            out[3] = -2 * s * (1 - 3 * t2);
            out[4] = 8 * t * s * (2 - 3 * t2);
        }

        @Override
        public String toString() {
            return "tanh";
        }
    };

    /** Saad and Solla's g(u) = erf(u/√2), whose pair moments have closed forms ({@link ErfActivation}). */
    Activation ERF = ErfActivation.ERF;
}
