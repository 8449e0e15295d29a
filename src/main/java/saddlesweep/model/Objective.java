package saddlesweep.model;

import org.ejml.data.DMatrixRMaj;

/** A twice-differentiable function of θ: L_N or E. */
public interface Objective {

    double value(double[] theta);

    /** Writes the gradient into grad and returns the value. */
    double gradient(double[] theta, double[] grad);

    DMatrixRMaj hessian(double[] theta);

    /** Euclidean norm of the gradient at θ. */
    default double gradientNorm(double[] theta) {
        double[] g = new double[theta.length];
        gradient(theta, g);
        return Vectors.norm(g);
    }
}
