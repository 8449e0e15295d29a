package saddlesweep.model;

import org.ejml.data.DMatrixRMaj;

/**
 * A weighted squared loss of the network over fixed points,
 * {@code L(θ) = Σ_k ω_k · ½ (f(x_k; θ) − y_k)²}, with its analytic gradient and Hessian.
 *
 * <p>With ω_k = 1/N over the data it is the empirical loss L_N; with quadrature weights over the Gaussian
 * input and y_k = f*(x_k) it is the population excess E. Notation: t_ik = tanh(w_i x_k),
 * s_ik = 1 − t_ik² = sech²(w_i x_k), r_k = f(x_k; θ) − y_k.
 */
public final class SquaredLoss implements Objective {

    private final double[] x;
    private final double[] y;
    private final double[] weight;

    public SquaredLoss(double[] x, double[] y, double[] weight) {
        if (x.length != y.length || x.length != weight.length) {
            throw new IllegalArgumentException("x, y and weight lengths differ");
        }
        this.x = x;
        this.y = y;
        this.weight = weight;
    }

    /** The empirical loss L_N of a data set: ω_k = 1/N. */
    public static SquaredLoss empirical(DataSet data) {
        double[] w = new double[data.size()];
        java.util.Arrays.fill(w, 1.0 / data.size());
        return new SquaredLoss(data.x(), data.y(), w);
    }

    public int points() {
        return x.length;
    }

    /** The points x_k (shared, not copied: do not modify). */
    public double[] x() {
        return x;
    }

    /** The targets y_k (shared, not copied: do not modify). */
    public double[] y() {
        return y;
    }

    /** The weights ω_k (shared, not copied: do not modify). */
    public double[] weights() {
        return weight;
    }

    /** L(θ). */
    @Override
    public double value(double[] theta) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double r = Mlp.eval(theta, x[k]) - y[k];
            s += weight[k] * r * r;
        }
        return 0.5 * s;
    }

    /**
     * Writes ∇L(θ) into grad and returns L(θ).
     * ∂L/∂v_i = Σ ω r t_i,  ∂L/∂w_i = Σ ω r v_i x s_i.
     */
    @Override
    public double gradient(double[] theta, double[] grad) {
        int h = Mlp.units(theta);
        java.util.Arrays.fill(grad, 0.0);
        double[] t = new double[h];
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double xk = x[k];
            double f = 0;
            for (int i = 0; i < h; i++) {
                t[i] = Math.tanh(theta[i] * xk);
                f += theta[h + i] * t[i];
            }
            double r = f - y[k];
            double wr = weight[k] * r;
            s += wr * r;
            for (int i = 0; i < h; i++) {
                grad[h + i] += wr * t[i];
                grad[i] += wr * theta[h + i] * xk * (1 - t[i] * t[i]);
            }
        }
        return 0.5 * s;
    }

    /** ∇L(θ). */
    public double[] gradient(double[] theta) {
        double[] g = new double[theta.length];
        gradient(theta, g);
        return g;
    }

    /**
     * The Hessian ∇²L(θ) as a 2H×2H matrix (rows/columns in θ's order):
     * <pre>
     * ∂²L/∂v_i∂v_j = Σ ω t_i t_j
     * ∂²L/∂w_i∂v_j = Σ ω v_i x s_i t_j               + δ_ij Σ ω r x s_i
     * ∂²L/∂w_i∂w_j = Σ ω v_i x s_i · v_j x s_j       − δ_ij Σ ω r v_i x² 2 t_i s_i
     * </pre>
     * (the first terms are the Gauss–Newton part JᵀΩJ with J_k = ∂f(x_k)/∂θ; the δ terms are r·∂²f).
     */
    @Override
    public DMatrixRMaj hessian(double[] theta) {
        int d = theta.length;
        double[] hess = new double[d * d];
        gradientAndHessian(theta, new double[d], hess);
        return DMatrixRMaj.wrap(d, d, hess);
    }

    /**
     * The Hessian-vector product ∇²L(θ)·u into {@code out} (overwritten), in one pass over the points without forming
     * the Hessian: ∇²L u = Σ ω [J (J·u) + r (∂²f u)] with J = ∂f/∂θ and
     * <pre>
     * (∂²f u)_{w_i} = x s_i u_{v_i} − 2 v_i x² t_i s_i u_{w_i},   (∂²f u)_{v_i} = x s_i u_{w_i}.
     * </pre>
     */
    public void hessianVector(double[] theta, double[] u, double[] out) {
        hessianVector(theta, u, out, Math::tanh);
    }

    /**
     * {@link #hessianVector(double[], double[], double[])} with another tanh (e.g. the GD kernels' own, where the
     * product is taken 10^5 – 10^6 times along a trajectory).
     */
    public void hessianVector(double[] theta, double[] u, double[] out, java.util.function.DoubleUnaryOperator tanh) {
        int h = Mlp.units(theta);
        java.util.Arrays.fill(out, 0, 2 * h, 0.0);
        double[] t = new double[h];
        double[] sech2 = new double[h];
        for (int k = 0; k < x.length; k++) {
            double xk = x[k];
            double f = 0;
            double ju = 0;                                   // J·u
            for (int i = 0; i < h; i++) {
                double ti = tanh.applyAsDouble(theta[i] * xk);
                t[i] = ti;
                sech2[i] = 1 - ti * ti;
                f += theta[h + i] * ti;
                ju += theta[h + i] * xk * sech2[i] * u[i] + ti * u[h + i];
            }
            double om = weight[k];
            double wr = om * (f - y[k]);
            double wju = om * ju;
            for (int i = 0; i < h; i++) {
                double xs = xk * sech2[i];
                out[i] += wju * theta[h + i] * xs + wr * (xs * u[h + i] - 2 * theta[h + i] * xk * xk * t[i] * sech2[i] * u[i]);
                out[h + i] += wju * t[i] + wr * xs * u[i];
            }
        }
    }

    /**
     * L(θ), ∇L(θ) into grad and ∇²L(θ) into hess (row-major d×d, overwritten) in one pass over the points,
     * one tanh per unit and point: the same sums as {@link #gradient(double[], double[])} and
     * {@link #hessian(double[])}.
     */
    public double gradientAndHessian(double[] theta, double[] grad, double[] hess) {
        int h = Mlp.units(theta);
        int d = 2 * h;
        java.util.Arrays.fill(grad, 0.0);
        java.util.Arrays.fill(hess, 0, d * d, 0.0);
        double[] jac = new double[d];   // ∂f/∂θ at x_k
        double[] t = new double[h];
        double[] sech2 = new double[h];
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double xk = x[k];
            double f = 0;
            for (int i = 0; i < h; i++) {
                double ti = Math.tanh(theta[i] * xk);
                t[i] = ti;
                sech2[i] = 1 - ti * ti;
                f += theta[h + i] * ti;
                jac[i] = theta[h + i] * xk * sech2[i];   // ∂f/∂w_i = v_i x s_i
                jac[h + i] = ti;                         // ∂f/∂v_i = t_i
            }
            double om = weight[k];
            double r = f - y[k];
            double wr = om * r;
            s += wr * r;
            for (int a = 0; a < d; a++) {
                double ja = om * jac[a];
                grad[a] += wr * jac[a];
                int row = a * d;
                for (int b = a; b < d; b++) hess[row + b] += ja * jac[b];
            }
            for (int i = 0; i < h; i++) {
                hess[i * d + h + i] += wr * xk * sech2[i];                                  // r ∂²f/∂w_i∂v_i
                hess[i * d + i] -= wr * theta[h + i] * xk * xk * 2 * t[i] * sech2[i];       // r ∂²f/∂w_i²
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) hess[a * d + b] = hess[b * d + a];
        }
        return 0.5 * s;
    }
}
