package saddlesweep.committee;

/**
 * The activation g of a committee machine {@code f(x) = Σ_i v_i g(w_i · x)}, with its first four derivatives
 * (the population excess's Hessian needs E[g(a) g''''(b)], see {@link GaussianPairMoments}).
 */
public interface Activation {

    /** g(u). */
    double value(double u);

    /** Writes g(u), g'(u), g''(u), g'''(u), g''''(u) into {@code out[0..4]}. */
    void derivatives(double u, double[] out);

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
}
