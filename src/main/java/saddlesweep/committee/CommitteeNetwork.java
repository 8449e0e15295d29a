package saddlesweep.committee;

/**
 * The soft committee machine {@code f(x; θ) = Σ_{i=1..H} v_i · g(w_i · x)}, x ∈ R^d, no biases, g = tanh (or erf,
 * {@link Activation}). Parameters are
 * packed as {@code θ = (w_1, …, w_H, v_1, …, v_H)}, each row w_i of d entries: w_ik = θ[i·d + k], v_i = θ[H·d + i].
 * At d = 1 this is {@link saddlesweep.model.Mlp}'s packing, and every sum here is that class's, bit for bit.
 */
public final class CommitteeNetwork {

    private CommitteeNetwork() {
    }

    /** Number of hidden units H of a packed θ of H (d + 1) entries. */
    public static int units(double[] theta, int dim) {
        if (dim < 1 || theta.length % (dim + 1) != 0) {
            throw new IllegalArgumentException("θ must have H·(d + 1) entries with d = " + dim + ", got " + theta.length);
        }
        return theta.length / (dim + 1);
    }

    /** w_i · x for the point x = xs[offset .. offset + d); the first product starts the sum (no 0 + ·). */
    public static double preactivation(double[] theta, int i, int dim, double[] xs, int offset) {
        double a = theta[i * dim] * xs[offset];
        for (int k = 1; k < dim; k++) a += theta[i * dim + k] * xs[offset + k];
        return a;
    }

    /** f(x; θ) = Σ_i v_i g(w_i · x) at x = xs[offset .. offset + d). */
    public static double eval(double[] theta, int dim, double[] xs, int offset, Activation g) {
        int h = units(theta, dim);
        double f = 0;
        for (int i = 0; i < h; i++) {
            f += theta[h * dim + i] * g.value(preactivation(theta, i, dim, xs, offset));
        }
        return f;
    }

    /** Packs the rows W (row by row, H·d entries) and v into θ. */
    public static double[] pack(double[] rows, double[] v, int dim) {
        if (rows.length != v.length * dim) {
            throw new IllegalArgumentException("W has " + rows.length + " entries, not H·d = " + v.length * dim);
        }
        double[] t = new double[rows.length + v.length];
        System.arraycopy(rows, 0, t, 0, rows.length);
        System.arraycopy(v, 0, t, rows.length, v.length);
        return t;
    }
}
