package saddlesweep.train;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import saddlesweep.model.DataSet;

/**
 * L_N and ∇L_N for several runs of one data set (same x, y; each run its own θ and H) in one call: each run's
 * direct tanh values first (as the run's own {@link TanhRefresh} says), then per run one loop over the samples
 * that does all units at once — tanh by the addition formula, f, r = f − y, ρ = r x and the partial sums of r²,
 * r t_i and ρ (1 − t_i²); nothing of f, r or ρ goes to memory. (A sample-major order, runs inside the loop over
 * samples so that x and y are loaded once, measured no faster; neither is faster than {@link VectorKernel} on
 * JDK 17's C2, see docs/performance.md, so the sweep does not use this class; the bench times it.)
 *
 * <p><b>Same bits as {@link VectorKernel}</b>, run by run, whatever runs share a call: each run's operations
 * are those of the single-run kernel, lane by lane and in the same order (f = v_0 t_0, then fma in unit order;
 * sample n into partial sum n mod 8 in increasing n; the 8 partial sums added in lane order), and its tanh
 * schedule depends on its own sequence of θ only. The partial sums live in a small array per run, at offset
 * n mod 8, so the lane width (8, 4 or 2) changes nothing.
 *
 * <p>A run is a {@link Member}: its θ, its gradient, its loss, and its kernel state. Runs join and leave
 * between calls (a member is simply passed or not); a member must not be passed twice in one call.
 */
public final class BatchKernel {

    private static final VectorSpecies<Double> SPECIES = VectorKernel.SPECIES;
    private static final int LANES = SPECIES.length();
    private static final int WIDTH = VectorKernel.WIDTH;

    private final int n;
    private final int padded;
    private final double[] x;
    private final double[] y;
    private final double[] dataX;

    public BatchKernel(DataSet data) {
        this.n = data.size();
        this.padded = VectorKernel.padded(n);
        this.x = Arrays.copyOf(data.x(), padded);
        this.y = Arrays.copyOf(data.y(), padded);
        this.dataX = data.x();
    }

    /** Number of samples N. */
    public int samples() {
        return n;
    }

    /** A run's state with H units, taking every tanh directly at its first call (as a new VectorKernel). */
    public Member member(int hidden) {
        return new Member(hidden, padded, new TanhRefresh(TanhRefresh.DEFAULT_EVERY, dataX));
    }

    /** One run in a batch: θ (read), ∇L_N(θ) and L_N(θ) (written by each call), and its kernel state. */
    public static final class Member {
        final int h;
        final double[] theta;
        final double[] grad;
        double loss;
        final TanhRefresh refresh;
        final double[] t;        // t_i(n) = tanh(w_i x_n), unit-major
        final double[] acc;      // partial sums: S_L at 0, S_v,i at 8(1 + i), S_w,i at 8(1 + H + i)
        final double[] delta;    // this call: Δw_i for an update, NaN for a direct tanh

        private Member(int h, int padded, TanhRefresh refresh) {
            if (h < 1) throw new IllegalArgumentException("a run needs at least one unit, got " + h);
            this.h = h;
            this.theta = new double[2 * h];
            this.grad = new double[2 * h];
            this.refresh = refresh;
            this.t = new double[h * padded];
            this.acc = new double[(1 + 2 * h) * WIDTH];
            this.delta = new double[h];
        }

        /** θ = (w_1..w_H, v_1..v_H), to be set before each call (the array itself, not a copy). */
        public double[] theta() {
            return theta;
        }

        /** ∇L_N at the last call's θ (the array itself). */
        public double[] gradient() {
            return grad;
        }

        /** L_N at the last call's θ. */
        public double loss() {
            return loss;
        }
    }

    /** L_N and ∇L_N for members[0..count−1], each at its own θ. */
    public void lossAndGradient(Member[] members, int count) {
        for (int m = 0; m < count; m++) {
            Member r = members[m];
            boolean all = r.refresh.start(r.h);
            for (int i = 0; i < r.h; i++) {
                r.delta[i] = r.refresh.delta(i, r.theta[i], all);
                if (Double.isNaN(r.delta[i])) direct(r.t, i * padded, -2.0 * r.theta[i]);
            }
            Arrays.fill(r.acc, 0.0);
        }
        for (int m = 0; m < count; m++) pass(members[m]);
        double inv = 1.0 / n;
        for (int m = 0; m < count; m++) {
            Member r = members[m];
            int h = r.h;
            for (int i = 0; i < h; i++) {
                r.grad[h + i] = VectorKernel.sum(r.acc, WIDTH * (1 + i)) * inv;                      // S_v,i / N
                r.grad[i] = r.theta[h + i] * VectorKernel.sum(r.acc, WIDTH * (1 + h + i)) * inv;   // v_i S_w,i / N
            }
            r.loss = 0.5 * VectorKernel.sum(r.acc, 0) * inv;                                          // S_L / 2N
        }
    }

    /**
     * One run, one loop over the samples: at each vector of samples every unit's t_i (stored), then f, r, ρ and
     * the partial sums. No vector
     * crosses a method boundary that C2 may not inline across (a vector argument of a call not inlined is boxed),
     * and the direct tanh is not here (C2's node budget would leave the update or the tanh as a call).
     */
    private void pass(Member r) {
        int h = r.h;
        double[] th = r.theta;
        double[] t = r.t;
        double[] acc = r.acc;
        for (int k = 0; k < padded; k += LANES) {
            DoubleVector xk = DoubleVector.fromArray(SPECIES, x, k);
            for (int i = 0; i < h; i++) {                      // t_i updated by b = Δw_i x (direct ones are done)
                double d = r.delta[i];
                int at = i * padded + k;
                if (!Double.isNaN(d)) VectorTanh.addStep(DoubleVector.fromArray(SPECIES, t, at), xk.mul(d)).intoArray(t, at);
            }
            DoubleVector f = DoubleVector.fromArray(SPECIES, t, k).mul(th[h]);                       // f = v_0 t_0
            for (int i = 1; i < h; i++) {
                f = DoubleVector.fromArray(SPECIES, t, i * padded + k).fma(DoubleVector.broadcast(SPECIES, th[h + i]), f);
            }
            DoubleVector res = f.sub(DoubleVector.fromArray(SPECIES, y, k));                         // r = f − y
            DoubleVector rho = res.mul(xk);                                                           // ρ = r x
            int lane = k & (WIDTH - 1);
            res.fma(res, DoubleVector.fromArray(SPECIES, acc, lane)).intoArray(acc, lane);           // S_L += r²
            DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
            for (int i = 0; i < h; i++) {
                DoubleVector ti = DoubleVector.fromArray(SPECIES, t, i * padded + k);
                int v = WIDTH * (1 + i) + lane;
                int w = WIDTH * (1 + h + i) + lane;
                res.fma(ti, DoubleVector.fromArray(SPECIES, acc, v)).intoArray(acc, v);              // S_v,i += r t
                rho.fma(ti.neg().fma(ti, one), DoubleVector.fromArray(SPECIES, acc, w)).intoArray(acc, w); // ρ (1 − t²)
            }
        }
    }

    /** t_i at every sample taken directly, from {@code at}: tanh of z2 = x·(−2w_i) ({@link VectorTanh#tanhOfMinus2z}). */
    private void direct(double[] t, int at, double w2) {
        for (int k = 0; k < padded; k += LANES) {
            VectorTanh.tanhOfMinus2z(DoubleVector.fromArray(SPECIES, x, k).mul(w2)).intoArray(t, at + k);
        }
    }
}
