package saddlesweep.committee;

import java.io.Serializable;
import java.util.Arrays;

import saddlesweep.model.NormalStream;

/**
 * A training set {@code (x_n, y_n)}, n = 1..N, x_n ∈ R^d stored row by row ({@code x[n·d + k]}).
 */
public record CommitteeData(int dim, double[] x, double[] y) implements Serializable {

    public CommitteeData {
        if (dim < 1 || x.length != y.length * dim) {
            throw new IllegalArgumentException("x has " + x.length + " entries, not N·d = " + y.length + "·" + dim);
        }
        x = x.clone();
        y = y.clone();
    }

    public int size() {
        return y.length;
    }

    /**
     * Draws N points {@code x_n = s_x z_n}, z_n ~ N(0, I_d), {@code y_n = f*(x_n) + σ ζ_n} from one
     * {@link NormalStream} seeded by {@code dataSeed}: first z_1..z_N (each z_n's d entries in turn), then
     * ζ_1..ζ_N. At d = 1 this is {@link saddlesweep.model.DataSet#generate}'s data, bit for bit.
     *
     * @param teacher the teacher packed as θ* = (W* row by row, v*)
     */
    public static CommitteeData generate(double[] teacher, int dim, int n, double sigma2, double inputStd, long dataSeed) {
        return generate(teacher, dim, n, sigma2, inputStd, dataSeed, Activation.TANH);
    }

    /** {@link #generate(double[], int, int, double, double, long)} from a teacher with activation g. */
    public static CommitteeData generate(double[] teacher, int dim, int n, double sigma2, double inputStd, long dataSeed,
                                         Activation g) {
        CommitteeNetwork.units(teacher, dim);
        NormalStream rng = new NormalStream(dataSeed, NormalStream.DATA);
        double[] x = new double[n * dim];
        double[] y = new double[n];
        double sigma = Math.sqrt(sigma2);
        for (int i = 0; i < n * dim; i++) x[i] = inputStd * rng.nextNormal();
        for (int i = 0; i < n; i++) y[i] = CommitteeNetwork.eval(teacher, dim, x, i * dim, g) + sigma * rng.nextNormal();
        return new CommitteeData(dim, x, y);
    }

    /** m = (1/N) Σ_n y_n x_n ∈ R^d: at θ = 0 the only coupling of the Hessian (w_i with v_i, through g'(0) m). */
    public double[] meanYx() {
        double[] m = new double[dim];
        for (int n = 0; n < y.length; n++) {
            for (int k = 0; k < dim; k++) m[k] += y[n] * x[n * dim + k];
        }
        for (int k = 0; k < dim; k++) m[k] /= y.length;
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitteeData d && dim == d.dim && Arrays.equals(x, d.x) && Arrays.equals(y, d.y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dim + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "CommitteeData(d=" + dim + ", N=" + y.length + ")";
    }
}
