package saddlesweep.train;

import saddlesweep.model.DataSet;

/** Reference {@link GradientKernel}: a plain loop over samples with {@link Math#tanh}. */
public final class ScalarKernel implements GradientKernel {

    private final double[] x;
    private final double[] y;
    private double[] t = new double[0];

    public ScalarKernel(DataSet data) {
        this.x = data.x();
        this.y = data.y();
    }

    @Override
    public int samples() {
        return x.length;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] grad) {
        int h = theta.length / 2;
        if (t.length != h) t = new double[h];
        java.util.Arrays.fill(grad, 0.0);
        double loss = 0;
        for (int n = 0; n < x.length; n++) {
            double xn = x[n];
            double f = 0;
            for (int i = 0; i < h; i++) {
                t[i] = Math.tanh(theta[i] * xn);
                f += theta[h + i] * t[i];
            }
            double r = f - y[n];
            loss += r * r;
            for (int i = 0; i < h; i++) {
                grad[h + i] += r * t[i];                                // r t_i
                grad[i] += r * theta[h + i] * xn * (1 - t[i] * t[i]);   // r v_i x (1 − t_i²)
            }
        }
        double inv = 1.0 / x.length;
        for (int k = 0; k < grad.length; k++) grad[k] *= inv;
        return 0.5 * loss * inv;
    }
}
