package saddlesweep.analysis;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.ClosureLoss;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;

/**
 * The isolated minimum of L_N over a closure model next to a starting point: Levenberg-damped Newton
 * ({@link DampedNewton}), then a strict Newton polish if the gradient is not yet below {@value #LIMIT_GRAD_TOL}.
 * Isolated: the Hessian, Jacobi-scaled (closure parameters have disparate scales: a pair's c next to its w),
 * is positive definite beyond eigen_rel_tol.
 */
final class ClosureMinimiser {

    /** Gradient norm (in the model's own parameters) a limit must reach. */
    static final double LIMIT_GRAD_TOL = 1e-10;

    private final SquaredLoss loss;
    private final double eigenRelTol;

    ClosureMinimiser(SquaredLoss loss, double eigenRelTol) {
        this.loss = loss;
        this.eigenRelTol = eigenRelTol;
    }

    /** The isolated minimum of start's model next to start's parameters, or null. */
    ClosureNetwork minimise(ClosureNetwork start) {
        ClosureLoss cl = new ClosureLoss(start, loss);
        double[] p = new DampedNewton(cl, 300).minimise(start.params());
        if (!Vectors.allFinite(p)) return null;
        if (!(cl.gradientNorm(p) <= LIMIT_GRAD_TOL)) {
            NewtonPolish.Result r = new NewtonPolish(cl, eigenRelTol, 1e-3 * (1 + Vectors.norm(p)))
                    .polish(p, NewtonPolish.Mode.STRICT);
            if (!r.ok() || !(r.gradNorm() <= LIMIT_GRAD_TOL)) return null;
            p = r.theta();
        }
        DMatrixRMaj h = cl.hessian(p);
        if (!Spectrum.of(h).isolatedMinimum(h, eigenRelTol)) return null;
        return start.withParams(p);
    }
}
