package saddlesweep.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A training set {@code (x_n, y_n)}, n = 1..N.
 */
public record DataSet(double[] x, double[] y) implements Serializable {

    public DataSet {
        if (x.length != y.length) throw new IllegalArgumentException("x and y lengths differ: " + x.length + " vs " + y.length);
        x = x.clone();
        y = y.clone();
    }

    public int size() {
        return x.length;
    }

    /**
     * Draws N points {@code x_n = s_x z_n}, {@code y_n = f*(x_n) + σ ζ_n} from one {@link NormalStream}
     * seeded by {@code dataSeed}: first z_1..z_N, then ζ_1..ζ_N. Data sets that differ only in σ² share
     * their inputs and their standardised noise (common random numbers).
     */
    public static DataSet generate(Teacher teacher, int n, double sigma2, double inputStd, long dataSeed) {
        NormalStream rng = new NormalStream(dataSeed, NormalStream.DATA);
        double[] x = new double[n];
        double[] y = new double[n];
        double sigma = Math.sqrt(sigma2);
        double[] th = teacher.theta();
        for (int i = 0; i < n; i++) x[i] = inputStd * rng.nextNormal();
        for (int i = 0; i < n; i++) y[i] = Mlp.eval(th, x[i]) + sigma * rng.nextNormal();
        return new DataSet(x, y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSet d && Arrays.equals(x, d.x) && Arrays.equals(y, d.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "DataSet(N=" + x.length + ")";
    }
}
