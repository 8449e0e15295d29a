package saddlesweep.model;

import org.ejml.data.DMatrixRMaj;

/**
 * The weighted squared loss {@code L(p) = Σ_k ω_k · ½ (g(x_k; p) − y_k)²} of a {@link ClosureNetwork}
 * shape g over fixed points (the data: L_N; quadrature nodes against f*: E), with analytic gradient
 * ∇L = Σ ω r J and Hessian ∇²L = Σ ω J Jᵀ + Σ ω r ∇²g (J = ∂g/∂p, r = g − y).
 */
public final class ClosureLoss implements Objective {

    private final ClosureNetwork shape;
    private final double[] x;
    private final double[] y;
    private final double[] weight;

    /** The loss of networks of the given shape over the points of {@code points}. */
    public ClosureLoss(ClosureNetwork shape, SquaredLoss points) {
        this.shape = shape;
        this.x = points.x();
        this.y = points.y();
        this.weight = points.weights();
    }

    public ClosureNetwork shape() {
        return shape;
    }

    @Override
    public double value(double[] p) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double r = shape.eval(p, x[k]) - y[k];
            s += weight[k] * r * r;
        }
        return 0.5 * s;
    }

    @Override
    public double gradient(double[] p, double[] grad) {
        java.util.Arrays.fill(grad, 0.0);
        double[] jac = new double[p.length];
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double r = shape.jacobian(p, x[k], jac) - y[k];
            double wr = weight[k] * r;
            s += wr * r;
            for (int a = 0; a < p.length; a++) grad[a] += wr * jac[a];
        }
        return 0.5 * s;
    }

    @Override
    public DMatrixRMaj hessian(double[] p) {
        int d = p.length;
        double[] hess = new double[d * d];
        double[] jac = new double[d];
        for (int k = 0; k < x.length; k++) {
            double r = shape.jacobian(p, x[k], jac) - y[k];
            double om = weight[k];
            for (int a = 0; a < d; a++) {
                double ja = om * jac[a];
                for (int b = 0; b < d; b++) hess[a * d + b] += ja * jac[b];
            }
            shape.addCurvature(p, x[k], om * r, hess);
        }
        return DMatrixRMaj.wrap(d, d, hess);
    }
}
