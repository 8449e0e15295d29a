package saddlesweep.committee;

import saddlesweep.train.GradientFlowField;

/**
 * The flow GD follows on a committee machine's L_N, dθ/dτ = F(θ) = −(g + (η/2) H g), J ≈ −(H + (η/2) H²)
 * (as {@link saddlesweep.train.ModifiedGradientField} for a scalar input), from one pass giving g and H
 * ({@link CommitteeLoss#gradientAndHessian}): with H·(d + 1) parameters of a few units, forming H costs little
 * more than H g. The rounding estimate is {@link CommitteeLoss#gradientRounding}'s bound.
 */
public final class CommitteeFlowField extends GradientFlowField {

    private final CommitteeLoss loss;

    public CommitteeFlowField(CommitteeLoss loss, double eta, int dimension) {
        super(eta, dimension);
        this.loss = loss;
    }

    @Override
    public boolean evaluate(double[] theta, double[] f, double[] jac) {
        if (jac != null) invalidateHessian();
        loss.gradientAndHessian(theta, g, hess);
        if (jac == null) loss.gradientRounding(theta, rounding);
        return fieldFromHessian(f, jac);
    }
}
