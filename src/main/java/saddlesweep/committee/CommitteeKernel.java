package saddlesweep.committee;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import saddlesweep.train.GradientKernel;
import saddlesweep.train.VectorTanh;

/**
 * The gradient of a tanh committee machine's L_N for plain GD, on the Vector API: lanes over samples, inputs
 * stored by dimension (x_k[n], padded with zero samples, which contribute r = 0). Per unit, a = Σ_k w_ik x_k by
 * fused multiply-adds, t = tanh(a) directly ({@link VectorTanh}: the bits of {@link saddlesweep.train.KernelTanh},
 * within an ulp or two of Math.tanh), f = Σ_i v_i t_i; then per unit ∂L/∂v_i = (1/N) Σ r t_i and
 * ∂L/∂w_ik = (v_i/N) Σ r (1 − t_i²) x_k. The same sums as {@link CommitteeLoss#gradient} in another order and
 * with another tanh: its iterates agree with CommitteeLoss's to rounding, not bit for bit.
 */
public final class CommitteeKernel implements GradientKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final int dim;
    private final int n;
    private final int padded;
    /** x by dimension: xs[k·padded + n]. */
    private final double[] xs;
    private final double[] y;
    private double[] t = new double[0];
    private final double[] f;
    private final double[] r;

    public CommitteeKernel(CommitteeData data) {
        this.dim = data.dim();
        this.n = data.size();
        this.padded = (n + LANES - 1) / LANES * LANES;
        this.xs = new double[dim * padded];
        this.y = new double[padded];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < dim; k++) xs[k * padded + s] = data.x()[s * dim + k];
            y[s] = data.y()[s];
        }
        this.f = new double[padded];
        this.r = new double[padded];
    }

    /**
     * GD's gradient for a committee machine's L_N: this kernel for tanh, {@link CommitteeLoss#gradient} for another
     * activation.
     */
    public static GradientKernel forLoss(CommitteeLoss loss) {
        if (loss.activation() == Activation.TANH) return new CommitteeKernel(loss.data());
        return new GradientKernel() {
            @Override
            public double lossAndGradient(double[] theta, double[] grad) {
                return loss.gradient(theta, grad);
            }

            @Override
            public int samples() {
                return loss.data().size();
            }
        };
    }

    @Override
    public int samples() {
        return n;
    }

    /** Writes ∇L_N(θ) into grad (θ's layout: W row by row, then v) and returns L_N(θ). */
    @Override
    public double lossAndGradient(double[] theta, double[] grad) {
        int h = CommitteeNetwork.units(theta, dim);
        if (t.length != h * padded) t = new double[h * padded];
        int vOff = h * dim;
        java.util.Arrays.fill(f, 0.0);
        for (int i = 0; i < h; i++) forward(theta, i, theta[vOff + i]);
        DoubleVector sq = DoubleVector.zero(SPECIES);
        for (int s = 0; s < padded; s += LANES) {
            DoubleVector rs = DoubleVector.fromArray(SPECIES, f, s).sub(DoubleVector.fromArray(SPECIES, y, s));
            rs.intoArray(r, s);
            sq = rs.fma(rs, sq);
        }
        double inv = 1.0 / n;
        for (int i = 0; i < h; i++) backward(theta[vOff + i], i, grad, vOff, inv);
        return 0.5 * sq.reduceLanes(VectorOperators.ADD) * inv;
    }

    /** t_i = tanh(w_i · x) for every sample, and f += v_i t_i. */
    private void forward(double[] theta, int i, double v) {
        int base = i * padded;
        DoubleVector vv = DoubleVector.broadcast(SPECIES, v);
        for (int s = 0; s < padded; s += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, xs, s).mul(theta[i * dim]);
            for (int k = 1; k < dim; k++) {
                a = DoubleVector.fromArray(SPECIES, xs, k * padded + s).fma(DoubleVector.broadcast(SPECIES, theta[i * dim + k]), a);
            }
            DoubleVector ti = VectorTanh.tanh(a);
            ti.intoArray(t, base + s);
            ti.fma(vv, DoubleVector.fromArray(SPECIES, f, s)).intoArray(f, s);
        }
    }

    /** ∂L/∂v_i = (1/N) Σ r t_i, ∂L/∂w_ik = (v_i/N) Σ r (1 − t_i²) x_k. */
    private void backward(double v, int i, double[] grad, int vOff, double inv) {
        int base = i * padded;
        DoubleVector gv = DoubleVector.zero(SPECIES);
        for (int s = 0; s < padded; s += LANES) {
            gv = DoubleVector.fromArray(SPECIES, r, s).fma(DoubleVector.fromArray(SPECIES, t, base + s), gv);
        }
        grad[vOff + i] = gv.reduceLanes(VectorOperators.ADD) * inv;
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int k = 0; k < dim; k++) {
            DoubleVector gw = DoubleVector.zero(SPECIES);
            for (int s = 0; s < padded; s += LANES) {
                DoubleVector ti = DoubleVector.fromArray(SPECIES, t, base + s);
                DoubleVector u = DoubleVector.fromArray(SPECIES, r, s).mul(ti.neg().fma(ti, one));   // r (1 − t²)
                gw = u.fma(DoubleVector.fromArray(SPECIES, xs, k * padded + s), gw);
            }
            grad[i * dim + k] = v * gw.reduceLanes(VectorOperators.ADD) * inv;
        }
    }
}
