package saddlesweep.train;

/**
 * When the kernels take t_i(n) = tanh(w_i x_n) directly and when they update it from the previous call by the
 * addition formula (see {@link KernelTanh#addStep}). A unit is updated when the kernel saw it at the previous
 * call with the same H and |Δw_i|·max_n |x_n| ≤ {@link #STEP_BOUND}; it is taken directly on the first call, on
 * every K-th call (so rounding errors of the updates never pile up over more than K − 1 steps), when H
 * changes, and when its step is too large (or not finite). The decision depends only on the sequence of θ the
 * kernel is called with, so the same run gives the same bits on every thread and machine, and
 * {@link VectorKernel} and {@link VectorKernelTwin} take the same decisions.
 */
final class TanhRefresh {

    /** K: every K-th call takes every unit directly. */
    static final int DEFAULT_EVERY = 32;
    /** Largest |b| = |Δw_i x_n| the odd polynomial of {@link KernelTanh#addStep} is accurate for. */
    static final double STEP_BOUND = 1.0 / 32;

    private final int every;
    private final double xMax;
    private double[] w = new double[0];
    private int untilAll;
    private long updates;
    private long directs;

    /** @param every K ≥ 1 (1: every call takes every unit directly, the plain direct kernel) */
    TanhRefresh(int every, double[] x) {
        if (every < 1) throw new IllegalArgumentException("refresh period must be >= 1, got " + every);
        this.every = every;
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        this.xMax = m;
    }

    /** Starts a call with H units: true when every unit must be taken directly at this call. */
    boolean start(int h) {
        boolean all = w.length != h || untilAll == 0;
        if (w.length != h) w = new double[h];
        untilAll = all ? every - 1 : untilAll - 1;             // calls left before the next all-direct one
        return all;
    }

    /**
     * The step Δw_i = w − w_prev of unit i to update t_i by, or NaN when t_i must be taken directly at this call;
     * w becomes the unit's weight for the next call. (Δw_i is exact when w and w_prev are within a factor 2.)
     */
    double delta(int i, double wi, boolean all) {
        double d = wi - w[i];
        w[i] = wi;
        if (all || !(Math.abs(d) * xMax <= STEP_BOUND)) {
            directs++;
            return Double.NaN;
        }
        updates++;
        return d;
    }

    /** Units updated by the addition formula so far (summed over calls). */
    long updates() {
        return updates;
    }

    /** Units taken directly so far (summed over calls). */
    long directs() {
        return directs;
    }
}
