package saddlesweep.train;

/** An autonomous ODE dy/dt = F(y) with its Jacobian, for {@link Rosenbrock23} and {@link Ndf}. */
public interface VectorField {

    int dimension();

    /**
     * Writes F(y) into f and, when jac is not null, the Jacobian ∂F/∂y into jac (row-major, d×d).
     * Returns false when F(y) is not finite.
     */
    boolean evaluate(double[] y, double[] f, double[] jac);

    /**
     * An estimate of the absolute rounding error in component i of the last F evaluated (0 when unknown): a
     * step whose motion is at this level is noise, which {@link Ndf}'s error control does not chase.
     */
    default double rounding(int i) {
        return 0;
    }
}
