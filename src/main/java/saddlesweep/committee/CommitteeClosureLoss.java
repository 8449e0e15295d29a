package saddlesweep.committee;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.Objective;

/**
 * L_N over the parameters of a closure function, {@code L_N(p) = (1/N) Σ_n ½ (f(x_n; p) − y_n)²}, with its gradient
 * Σ ω r J and Hessian Σ ω (J Jᵀ + r ∂²f) ({@link CommitteeClosure#evaluate}), ω = 1/N.
 */
public final class CommitteeClosureLoss implements Objective {

    private final CommitteeClosure shape;
    private final CommitteeData data;
    private final Activation g;

    public CommitteeClosureLoss(CommitteeClosure shape, CommitteeData data, Activation g) {
        if (shape.dim() != data.dim()) throw new IllegalArgumentException("closure in d = " + shape.dim() + ", data in d = " + data.dim());
        this.shape = shape;
        this.data = data;
        this.g = g;
    }

    @Override
    public double value(double[] p) {
        return gradientAndHessian(p, null, null);
    }

    @Override
    public double gradient(double[] p, double[] grad) {
        return gradientAndHessian(p, grad, null);
    }

    @Override
    public DMatrixRMaj hessian(double[] p) {
        int m = p.length;
        double[] h = new double[m * m];
        gradientAndHessian(p, new double[m], h);
        return DMatrixRMaj.wrap(m, m, h);
    }

    private double gradientAndHessian(double[] p, double[] grad, double[] hess) {
        int d = data.dim();
        int m = p.length;
        double w = 1.0 / data.size();
        double[] jac = grad == null ? null : new double[m];
        if (grad != null) java.util.Arrays.fill(grad, 0.0);
        double s = 0;
        for (int n = 0; n < data.size(); n++) {
            double r = shape.evaluate(p, data.x(), n * d, n, g, jac, null, 0) - data.y()[n];
            s += w * r * r;
            if (grad != null) for (int i = 0; i < m; i++) grad[i] += w * r * jac[i];
            if (hess != null) {
                shape.evaluate(p, data.x(), n * d, n, g, null, hess, w * r);           // ω r ∂²f
                for (int i = 0; i < m; i++) {
                    double wj = w * jac[i];
                    for (int j = 0; j < m; j++) hess[i * m + j] += wj * jac[j];     // ω J Jᵀ
                }
            }
        }
        return 0.5 * s;
    }
}
