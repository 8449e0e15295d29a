package saddlesweep.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import saddlesweep.model.Objective;
import saddlesweep.model.SquaredLoss;

/**
 * The gradient-descent map at a fixed learning rate, G(θ) = θ − η ∇L_N(θ), its iterates, and the Jacobian of
 * its k-fold composition along an orbit: D(G^k)(p_0) = DG(p_{k−1}) ··· DG(p_1) DG(p_0), DG(θ) = I − η ∇²L_N(θ)
 * (the monodromy matrix of the orbit when p_k = p_0). Evaluated with the analytic loss ({@link SquaredLoss}, or a
 * committee machine's: Math.tanh, accurate to an ulp), so that orbits solved with it are exact to rounding whatever
 * kernel ran the iterates. The map is dimension-free: any L_N with a gradient, a Hessian and a Hessian-vector product.
 */
public final class GdMap {

    /** ∇²L_N(θ)·u into out (overwritten), without forming the Hessian: the tangent map's product along GD's iterates. */
    @FunctionalInterface
    public interface HessianVector {
        void apply(double[] theta, double[] u, double[] out);
    }

    private final Objective loss;
    private final HessianVector product;
    private final double eta;

    /** The map of a scalar-input network; the tangent map's product on the kernels' tanh ({@link KernelTanh}). */
    public GdMap(SquaredLoss loss, double eta) {
        this(loss, (theta, u, out) -> loss.hessianVector(theta, u, out, KernelTanh::tanh), eta);
    }

    public GdMap(Objective loss, HessianVector product, double eta) {
        this.loss = loss;
        this.product = product;
        this.eta = eta;
    }

    public double eta() {
        return eta;
    }

    public Objective loss() {
        return loss;
    }

    /** ∇²L_N(θ)·u into out. */
    public void hessianVector(double[] theta, double[] u, double[] out) {
        product.apply(theta, u, out);
    }

    /** G(θ) = θ − η ∇L_N(θ). */
    public double[] apply(double[] theta) {
        double[] g = new double[theta.length];
        loss.gradient(theta, g);
        double[] out = new double[theta.length];
        for (int i = 0; i < out.length; i++) out[i] = theta[i] - eta * g[i];
        return out;
    }

    /** p_0 = θ, p_1 = G(θ), …, p_k = G^k(θ): k + 1 points. */
    public double[][] iterates(double[] theta, int k) {
        double[][] p = new double[k + 1][];
        p[0] = theta.clone();
        for (int j = 1; j <= k; j++) p[j] = apply(p[j - 1]);
        return p;
    }

    /** DG(θ) = I − η ∇²L_N(θ). */
    public DMatrixRMaj jacobian(double[] theta) {
        DMatrixRMaj h = loss.hessian(theta);
        int d = theta.length;
        DMatrixRMaj j = new DMatrixRMaj(d, d);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) j.set(a, b, (a == b ? 1.0 : 0.0) - eta * h.get(a, b));
        }
        return j;
    }

    /** D(G^k)(p_0) = DG(p_{k−1}) ··· DG(p_0) for the first k points of an orbit. */
    public DMatrixRMaj jacobianOfPower(double[][] points, int k) {
        int d = points[0].length;
        DMatrixRMaj m = CommonOps_DDRM.identity(d);
        DMatrixRMaj tmp = new DMatrixRMaj(d, d);
        for (int j = 0; j < k; j++) {
            CommonOps_DDRM.mult(jacobian(points[j]), m, tmp);
            m.setTo(tmp);
        }
        return m;
    }
}
