package saddlesweep.train;

/**
 * The field {@link FlowTail} integrates: the flow that GD at step η follows, dθ/dτ = −(g + (η/2) H g), with the
 * loss's Hessian H kept from the last evaluation that formed the Jacobian.
 */
public interface FlowField extends VectorField {

    /** Whether the last evaluation that asked for the Jacobian succeeded (so {@link #lastHessian} is there). */
    boolean hasHessian();

    /** ∇²L_N at the point of the last evaluation that asked for the Jacobian (row-major, a copy). */
    double[] lastHessian();
}
