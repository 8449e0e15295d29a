package saddlesweep.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import saddlesweep.model.SquaredLoss;

/**
 * The gradient-descent map at a fixed learning rate, G(θ) = θ − η ∇L_N(θ), its iterates, and the Jacobian of
 * its k-fold composition along an orbit: D(G^k)(p_0) = DG(p_{k−1}) ··· DG(p_1) DG(p_0), DG(θ) = I − η ∇²L_N(θ)
 * (the monodromy matrix of the orbit when p_k = p_0). Evaluated with {@link SquaredLoss} (Math.tanh, accurate
 * to an ulp), so that orbits solved with it are exact to rounding whatever kernel ran the iterates.
 */
public final class GdMap {

    private final SquaredLoss loss;
    private final double eta;

    public GdMap(SquaredLoss loss, double eta) {
        this.loss = loss;
        this.eta = eta;
    }

    public double eta() {
        return eta;
    }

    public SquaredLoss loss() {
        return loss;
    }

    /** G(θ) = θ − η ∇L_N(θ). */
    public double[] apply(double[] theta) {
        double[] g = loss.gradient(theta);
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
