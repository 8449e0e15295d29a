package saddlesweep.train;

/** An autonomous ODE dy/dt = F(y) with its Jacobian, for {@link Rosenbrock23}. */
public interface VectorField {

    int dimension();

    /**
     * Writes F(y) into f and, when jac is not null, the Jacobian ∂F/∂y into jac (row-major, d×d).
     * Returns false when F(y) is not finite.
     */
    boolean evaluate(double[] y, double[] f, double[] jac);
}
