package saddlesweep.model;

/**
 * The Fukumizu–Amari network {@code f(x; θ) = Σ_{i=1..H} v_i · tanh(w_i · x)}, scalar input, no biases.
 * Parameters are packed as {@code θ = (w_1..w_H, v_1..v_H)}, always in this order.
 */
public final class Mlp {

    private Mlp() {
    }

    /** Number of hidden units H of a packed θ of length 2H. */
    public static int units(double[] theta) {
        if (theta.length % 2 != 0) {
            throw new IllegalArgumentException("θ must have even length 2H, got " + theta.length);
        }
        return theta.length / 2;
    }

    /** f(x; θ) = Σ_i v_i tanh(w_i x). */
    public static double eval(double[] theta, double x) {
        int h = units(theta);
        double f = 0;
        for (int i = 0; i < h; i++) {
            f += theta[h + i] * Math.tanh(theta[i] * x);
        }
        return f;
    }

    /** Packs separate w and v arrays into θ. */
    public static double[] pack(double[] w, double[] v) {
        if (w.length != v.length) {
            throw new IllegalArgumentException("w and v lengths differ: " + w.length + " vs " + v.length);
        }
        double[] t = new double[2 * w.length];
        System.arraycopy(w, 0, t, 0, w.length);
        System.arraycopy(v, 0, t, w.length, v.length);
        return t;
    }

    /** Largest |w_i| of θ. */
    public static double maxAbsW(double[] theta) {
        int h = units(theta);
        double m = 0;
        for (int i = 0; i < h; i++) {
            m = Math.max(m, Math.abs(theta[i]));
        }
        return m;
    }
}
