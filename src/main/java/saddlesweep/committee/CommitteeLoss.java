package saddlesweep.committee;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.Objective;

/**
 * The empirical loss of a committee machine over its data, {@code L_N(θ) = (1/N) Σ_n ½ (f(x_n; θ) − y_n)²}, with
 * its analytic gradient and Hessian. Notation: a_in = w_i · x_n, t_in = g(a_in), s_in = g'(a_in) (1 − t_in² for
 * tanh), −g''(a_in) = p_in q_in ({@link Activation#lossTerms}), r_n = f − y. For tanh at d = 1 every sum is
 * {@link saddlesweep.model.SquaredLoss}'s in the same order, so the values are its bits.
 */
public final class CommitteeLoss implements Objective {

    private final CommitteeData data;
    private final Activation g;
    private final double weight;

    /** L_N of the tanh committee machine. */
    public CommitteeLoss(CommitteeData data) {
        this(data, Activation.TANH);
    }

    public CommitteeLoss(CommitteeData data, Activation g) {
        this.data = data;
        this.g = g;
        this.weight = 1.0 / data.size();
    }

    public CommitteeData data() {
        return data;
    }

    public Activation activation() {
        return g;
    }

    @Override
    public double value(double[] theta) {
        int d = data.dim();
        double s = 0;
        for (int n = 0; n < data.size(); n++) {
            double r = CommitteeNetwork.eval(theta, d, data.x(), n * d, g) - data.y()[n];
            s += weight * r * r;
        }
        return 0.5 * s;
    }

    /**
     * Writes ∇L_N(θ) into grad and returns L_N(θ): ∂L/∂v_i = Σ ω r t_i, ∂L/∂w_ik = Σ ω r v_i x_k s_i.
     */
    @Override
    public double gradient(double[] theta, double[] grad) {
        return gradientAndHessian(theta, grad, null);
    }

    /**
     * ∇²L_N(θ), rows and columns in θ's order:
     * <pre>
     * ∂²L/∂v_i∂v_j   = Σ ω t_i t_j
     * ∂²L/∂w_ik∂v_j  = Σ ω v_i x_k s_i t_j                      + δ_ij Σ ω r x_k s_i
     * ∂²L/∂w_ik∂w_jl = Σ ω v_i x_k s_i · v_j x_l s_j            − δ_ij Σ ω r v_i x_k x_l p_i q_i
     * </pre>
     * (the first terms JᵀΩJ, the δ terms r·∂²f).
     */
    @Override
    public DMatrixRMaj hessian(double[] theta) {
        int p = theta.length;
        double[] hess = new double[p * p];
        gradientAndHessian(theta, new double[p], hess);
        return DMatrixRMaj.wrap(p, p, hess);
    }

    /**
     * ∇²L_N(θ)·u into out (overwritten), in one pass without forming the Hessian: Σ ω [J (J·u) + r (∂²f u)] with
     * J = ∂f/∂θ and, writing c_i = x·u_{w_i},
     * <pre>
     * (∂²f u)_{w_ik} = x_k s_i u_{v_i} + v_i x_k g''_i c_i,   (∂²f u)_{v_i} = s_i c_i          (g'' = −p q).
     * </pre>
     */
    public void hessianVector(double[] theta, double[] u, double[] out) {
        int d = data.dim();
        int h = CommitteeNetwork.units(theta, d);
        int vOff = h * d;
        double[] xs = data.x();
        java.util.Arrays.fill(out, 0, theta.length, 0.0);
        double[] t = new double[h];
        double[] slope = new double[h];
        double[] curv = new double[h];   // g''
        double[] c = new double[h];
        double[] terms = new double[4];
        for (int n = 0; n < data.size(); n++) {
            int off = n * d;
            double f = 0;
            double ju = 0;                 // J·u
            for (int i = 0; i < h; i++) {
                g.lossTerms(CommitteeNetwork.preactivation(theta, i, d, xs, off), terms);
                t[i] = terms[0];
                slope[i] = terms[1];
                curv[i] = -terms[2] * terms[3];
                double ci = 0;
                for (int k = 0; k < d; k++) ci += xs[off + k] * u[i * d + k];
                c[i] = ci;
                f += theta[vOff + i] * t[i];
                ju += theta[vOff + i] * slope[i] * ci + t[i] * u[vOff + i];
            }
            double wr = weight * (f - data.y()[n]);
            double wju = weight * ju;
            for (int i = 0; i < h; i++) {
                double vi = theta[vOff + i];
                // per x_k: ω (J·u) v_i s_i + ω r (s_i u_{v_i} + v_i g''_i c_i)
                double perX = wju * vi * slope[i] + wr * (slope[i] * u[vOff + i] + vi * curv[i] * c[i]);
                for (int k = 0; k < d; k++) out[i * d + k] += perX * xs[off + k];
                out[vOff + i] += wju * t[i] + wr * slope[i] * c[i];
            }
        }
    }

    /** L_N, ∇L_N into grad and (unless hess is null) ∇²L_N into hess (row-major, overwritten), in one pass. */
    public double gradientAndHessian(double[] theta, double[] grad, double[] hess) {
        int d = data.dim();
        int h = CommitteeNetwork.units(theta, d);
        int p = theta.length;
        int vOff = h * d;
        double[] xs = data.x();
        java.util.Arrays.fill(grad, 0.0);
        if (hess != null) java.util.Arrays.fill(hess, 0, p * p, 0.0);
        double[] jac = new double[p];   // ∂f/∂θ at x_n
        double[] t = new double[h];
        double[] sech2 = new double[h];  // g'
        double[] curvP = new double[h];  // −g'' = curvP · curvQ
        double[] curvQ = new double[h];
        double[] terms = new double[4];
        double s = 0;
        for (int n = 0; n < data.size(); n++) {
            int off = n * d;
            double f = 0;
            for (int i = 0; i < h; i++) {
                g.lossTerms(CommitteeNetwork.preactivation(theta, i, d, xs, off), terms);
                double ti = terms[0];
                t[i] = ti;
                sech2[i] = terms[1];
                curvP[i] = terms[2];
                curvQ[i] = terms[3];
                f += theta[vOff + i] * ti;
                for (int k = 0; k < d; k++) jac[i * d + k] = theta[vOff + i] * xs[off + k] * sech2[i];   // v_i x_k s_i
                jac[vOff + i] = ti;                                                                        // t_i
            }
            double r = f - data.y()[n];
            double wr = weight * r;
            s += wr * r;
            if (hess == null) {
                for (int i = 0; i < h; i++) {
                    grad[vOff + i] += wr * t[i];
                    // ((ω r v_i) x_k) s_i: SquaredLoss.gradient's association
                    for (int k = 0; k < d; k++) grad[i * d + k] += wr * theta[vOff + i] * xs[off + k] * sech2[i];
                }
                continue;
            }
            for (int a = 0; a < p; a++) {
                double ja = weight * jac[a];
                grad[a] += wr * jac[a];
                int row = a * p;
                for (int b = a; b < p; b++) hess[row + b] += ja * jac[b];
            }
            for (int i = 0; i < h; i++) {
                for (int k = 0; k < d; k++) {
                    double xk = xs[off + k];
                    hess[(i * d + k) * p + vOff + i] += wr * xk * sech2[i];                          // r ∂²f/∂w_ik∂v_i
                    for (int l = k; l < d; l++) {                                                   // r ∂²f/∂w_ik∂w_il
                        hess[(i * d + k) * p + i * d + l] -= wr * theta[vOff + i] * xk * xs[off + l] * curvP[i] * curvQ[i];
                    }
                }
            }
        }
        if (hess != null) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) hess[a * p + b] = hess[b * p + a];
            }
        }
        return 0.5 * s;
    }

    /**
     * A bound on the rounding in each component of ∇L_N(θ), written into out:
     * ε·Σ_n ω (|f_n|₁ + |y_n| + |r_n|)·|∂f(x_n)/∂θ_i| (|f_n|₁ = Σ_i |v_i t_in|): the rounding of the residuals carried
     * into the gradient, as {@link saddlesweep.train.ModifiedGradientField#rounding} bounds it for a scalar input.
     */
    public void gradientRounding(double[] theta, double[] out) {
        int d = data.dim();
        int h = CommitteeNetwork.units(theta, d);
        int vOff = h * d;
        double[] xs = data.x();
        java.util.Arrays.fill(out, 0, theta.length, 0.0);
        double[] t = new double[h];
        double[] slope = new double[h];
        double[] terms = new double[4];
        for (int n = 0; n < data.size(); n++) {
            int off = n * d;
            double f = 0;
            double fAbs = 0;
            for (int i = 0; i < h; i++) {
                g.lossTerms(CommitteeNetwork.preactivation(theta, i, d, xs, off), terms);
                t[i] = terms[0];
                slope[i] = terms[1];
                f += theta[vOff + i] * t[i];
                fAbs += Math.abs(theta[vOff + i] * t[i]);
            }
            double r = f - data.y()[n];
            double wm = weight * (fAbs + Math.abs(data.y()[n]) + Math.abs(r));
            for (int i = 0; i < h; i++) {
                out[vOff + i] += wm * Math.abs(t[i]);
                double vs = Math.abs(theta[vOff + i] * slope[i]);
                for (int k = 0; k < d; k++) out[i * d + k] += wm * vs * Math.abs(xs[off + k]);
            }
        }
        for (int i = 0; i < theta.length; i++) out[i] *= Math.ulp(1.0);
    }
}
