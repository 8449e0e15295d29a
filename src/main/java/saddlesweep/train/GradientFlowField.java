package saddlesweep.train;

/**
 * The state shared by the fields of the flow GD follows, dθ/dτ = F = −(g + (η/2) H g), J ≈ −(H + (η/2) H²): the
 * gradient g, the Hessian H of the last evaluation that formed it, the rounding estimate, and F and J from g and H.
 */
public abstract class GradientFlowField implements FlowField {

    protected final double eta;
    protected final int d;
    /** ∇L of the last evaluation. */
    protected final double[] g;
    /** ∇²L (row-major) of the last evaluation that formed it. */
    protected final double[] hess;
    /** The rounding estimate of each component of F (see {@link VectorField#rounding}). */
    protected final double[] rounding;
    private boolean hessianValid;

    protected GradientFlowField(double eta, int dimension) {
        this.eta = eta;
        this.d = dimension;
        this.g = new double[d];
        this.hess = new double[d * d];
        this.rounding = new double[d];
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double rounding(int i) {
        return rounding[i];
    }

    @Override
    public boolean hasHessian() {
        return hessianValid;
    }

    @Override
    public double[] lastHessian() {
        if (!hessianValid) throw new IllegalStateException("no Jacobian evaluated yet");
        return hess.clone();
    }

    /** Marks {@link #hess} stale: to be called before it is overwritten by an evaluation that may fail. */
    protected final void invalidateHessian() {
        hessianValid = false;
    }

    /**
     * F = −(g + (η/2) H g) into f from {@link #g} and {@link #hess}, and, when jac is not null, J = −(H + (η/2) H²)
     * (the Hessian is then the last one). Returns false when F is not finite.
     */
    protected final boolean fieldFromHessian(double[] f, double[] jac) {
        for (int i = 0; i < d; i++) {
            double hg = 0;
            for (int k = 0; k < d; k++) hg += hess[i * d + k] * g[k];
            f[i] = -(g[i] + 0.5 * eta * hg);
            if (!Double.isFinite(f[i])) return false;
        }
        if (jac == null) return true;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double hh = 0;
                for (int k = 0; k < d; k++) hh += hess[i * d + k] * hess[k * d + j];
                jac[i * d + j] = -(hess[i * d + j] + 0.5 * eta * hh);
            }
        }
        hessianValid = true;
        return true;
    }
}
