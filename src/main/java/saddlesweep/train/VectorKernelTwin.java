package saddlesweep.train;

import saddlesweep.model.DataSet;

/**
 * The plain-Java twin of {@link VectorKernel}: the same arithmetic in the same order (padding to a multiple of 8,
 * partial sum n mod 8, {@link KernelTanh}, the same {@link TanhRefresh} schedule), hence the same bits, without the Vector API. It is the fallback when
 * the {@code jdk.incubator.vector} module is absent, so results do not depend on whether it is present.
 */
public final class VectorKernelTwin implements GradientKernel {

    private static final int WIDTH = 8;

    private final int n;
    private final int padded;
    private final double[] x;
    private final double[] y;
    private final double[] f;
    private final double[] rx;
    private final double[] laneL = new double[WIDTH];
    private final double[] laneV = new double[WIDTH];
    private final double[] laneW = new double[WIDTH];
    private final TanhRefresh refresh;
    private double[] t = new double[0];

    public VectorKernelTwin(DataSet data) {
        this(data, TanhRefresh.DEFAULT_EVERY);
    }

    /** @param refreshEvery K, as in {@link VectorKernel#VectorKernel(DataSet, int)} */
    public VectorKernelTwin(DataSet data, int refreshEvery) {
        this.n = data.size();
        this.padded = Math.max(WIDTH, (n + WIDTH - 1) / WIDTH * WIDTH);
        this.x = java.util.Arrays.copyOf(data.x(), padded);
        this.y = java.util.Arrays.copyOf(data.y(), padded);
        this.f = new double[padded];
        this.rx = new double[padded];
        this.refresh = new TanhRefresh(refreshEvery, data.x());
    }

    @Override
    public int samples() {
        return n;
    }

    /** The schedule of direct and updated tanh values (for tests and the bench). */
    TanhRefresh refresh() {
        return refresh;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] grad) {
        int h = theta.length / 2;
        if (t.length != h * padded) t = new double[h * padded];
        boolean all = refresh.start(h);
        for (int i = 0; i < h; i++) {                                  // pass 1
            double w2 = -2.0 * theta[i];
            double d = refresh.delta(i, theta[i], all);                // NaN: take tanh directly
            boolean direct = Double.isNaN(d);
            double v = theta[h + i];
            int base = i * padded;
            for (int k = 0; k < padded; k++) {
                double ti = direct ? KernelTanh.tanhOfMinus2z(x[k] * w2)    // t_i = tanh(w_i x), from x·(−2w_i)
                        : KernelTanh.addStep(t[base + k], x[k] * d);        // or from tanh((w_i − d) x)
                t[base + k] = ti;
                f[k] = i == 0 ? ti * v : Math.fma(ti, v, f[k]);         // f += v_i t_i
            }
        }
        java.util.Arrays.fill(laneL, 0.0);
        for (int k = 0; k < padded; k++) {                              // pass 2
            double r = f[k] - y[k];
            f[k] = r;
            rx[k] = r * x[k];                                           // ρ = r x
            laneL[k % WIDTH] = Math.fma(r, r, laneL[k % WIDTH]);        // r²
        }
        double inv = 1.0 / n;
        for (int i = 0; i < h; i++) {                                  // pass 3
            java.util.Arrays.fill(laneV, 0.0);
            java.util.Arrays.fill(laneW, 0.0);
            int base = i * padded;
            for (int k = 0; k < padded; k++) {
                double ti = t[base + k];
                laneV[k % WIDTH] = Math.fma(f[k], ti, laneV[k % WIDTH]);            // r t
                laneW[k % WIDTH] = Math.fma(rx[k], Math.fma(-ti, ti, 1.0), laneW[k % WIDTH]);   // ρ (1 − t²)
            }
            grad[h + i] = sumLanes(laneV) * inv;
            grad[i] = theta[h + i] * sumLanes(laneW) * inv;
        }
        return 0.5 * sumLanes(laneL) * inv;
    }

    private static double sumLanes(double[] lanes) {
        double s = lanes[0];
        for (int l = 1; l < WIDTH; l++) s += lanes[l];
        return s;
    }
}
