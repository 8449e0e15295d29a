package saddlesweep.train;

import saddlesweep.model.Mlp;
import saddlesweep.model.SquaredLoss;

/**
 * The flow that full-batch gradient descent with step η follows to second order, in GD-step units of
 * τ = η·steps: GD is the flow of the modified loss L + (η/4)‖∇L‖² up to O(η²) (backward error analysis), so
 * <pre>
 *   dθ/dτ = F(θ) = −(g + (η/2) H g),   J = ∂F/∂θ ≈ −(H + (η/2) H²)      (g = ∇L, H = ∇²L)
 * </pre>
 * The third-derivative term (η/2)∇³L[g] of J is dropped: it is O(η‖g‖), and the Jacobian only steers the
 * implicit solve. In a slow phase the correction is of relative size η·λ/2, λ the curvature along the motion.
 *
 * <p>H g is formed without H, in O(N·H): H g = Σ ω [(Jᵀg) J + r ∇²f g] with, per unit,
 * (∇²f g)_{w_i} = −2 v_i x² t s g_{w_i} + x s g_{v_i} and (∇²f g)_{v_i} = x s g_{w_i}
 * (t = tanh(w_i x), s = 1 − t²). When the Jacobian is asked for, g and H come from one pass
 * ({@link SquaredLoss#gradientAndHessian}) and H g = H·g; the Hessian is kept ({@link #lastHessian}).
 *
 * <p>The rounding estimate of an evaluation without the Jacobian is ε·Σ_k ω_k (|f_k| + |y_k| + |r_k|)·|∂f/∂θ_i|
 * (|f_k| summed over units): the rounding of the residuals r_k carried into g_i, a bound rather than a random-walk
 * estimate. The (η/2)H g part of F is smaller by η·λ and left out.
 */
public final class ModifiedGradientField extends GradientFlowField {

    private static final double EPS = Math.ulp(1.0);

    private final SquaredLoss loss;
    private final double[] x;
    private final double[] y;
    private final double[] weight;
    private final int h;
    private final double[] t;
    private final double[] r;

    public ModifiedGradientField(SquaredLoss loss, double eta, int dimension) {
        super(eta, dimension);
        this.loss = loss;
        this.x = loss.x();
        this.y = loss.y();
        this.weight = loss.weights();
        this.h = dimension / 2;
        this.t = new double[x.length * h];
        this.r = new double[x.length];
    }

    @Override
    public boolean evaluate(double[] theta, double[] f, double[] jac) {
        if (jac != null) return evaluateWithJacobian(theta, f, jac);
        Mlp.units(theta);
        java.util.Arrays.fill(g, 0.0);
        java.util.Arrays.fill(rounding, 0.0);
        // pass 1: t, r and g = Σ ω r J (and the rounding bound of g)
        for (int k = 0; k < x.length; k++) {
            double xk = x[k];
            double fk = 0;
            double fAbs = 0;
            for (int i = 0; i < h; i++) {
                double ti = Math.tanh(theta[i] * xk);
                t[k * h + i] = ti;
                fk += theta[h + i] * ti;
                fAbs += Math.abs(theta[h + i] * ti);
            }
            double rk = fk - y[k];
            r[k] = rk;
            double wr = weight[k] * rk;
            double wm = Math.abs(weight[k]) * (fAbs + Math.abs(y[k]) + Math.abs(rk));
            for (int i = 0; i < h; i++) {
                double ti = t[k * h + i];
                g[h + i] += wr * ti;
                g[i] += wr * theta[h + i] * xk * (1 - ti * ti);
                rounding[h + i] += wm * Math.abs(ti);
                rounding[i] += wm * Math.abs(theta[h + i] * xk * (1 - ti * ti));
            }
        }
        for (int i = 0; i < d; i++) rounding[i] *= EPS;
        // pass 2: H g
        double[] hg = new double[d];
        for (int k = 0; k < x.length; k++) {
            double xk = x[k];
            double jg = 0;
            for (int i = 0; i < h; i++) {
                double ti = t[k * h + i];
                double si = 1 - ti * ti;
                jg += theta[h + i] * xk * si * g[i] + ti * g[h + i];
            }
            double om = weight[k];
            double wr = om * r[k];
            for (int i = 0; i < h; i++) {
                double ti = t[k * h + i];
                double si = 1 - ti * ti;
                double xs = xk * si;
                hg[i] += om * jg * theta[h + i] * xs + wr * (-2 * theta[h + i] * xk * xk * ti * si * g[i] + xs * g[h + i]);
                hg[h + i] += om * jg * ti + wr * xs * g[i];
            }
        }
        for (int i = 0; i < d; i++) {
            f[i] = -(g[i] + 0.5 * eta * hg[i]);
            if (!Double.isFinite(f[i])) return false;
        }
        return true;
    }

    /** F and J = −(H + (η/2) H²) from one pass giving g and H. */
    private boolean evaluateWithJacobian(double[] theta, double[] f, double[] jac) {
        invalidateHessian();
        loss.gradientAndHessian(theta, g, hess);
        return fieldFromHessian(f, jac);
    }
}
