package saddlesweep.flowfate;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.analysis.DampedNewton;
import saddlesweep.analysis.NewtonPolish;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.ClosureLoss;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.Objective;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;

/**
 * The isolated minimum of L_N over a closure model next to a starting point: Levenberg-damped Newton
 * ({@link DampedNewton}), then a strict Newton polish if the gradient is not yet below {@value #LIMIT_GRAD_TOL}.
 * Isolated: the Hessian, Jacobi-scaled (closure parameters have disparate scales: a pair's c next to its w),
 * is positive definite beyond eigen_rel_tol.
 *
 * <p>When that finds nothing, the model may have nearly collinear terms (a tanh unit of small w next to a linear
 * term): the same again with {@value #ILL_CONDITIONED_ITERATIONS} iterations, the polish's zero tolerance at rounding
 * level and the minimum's isolation confirmed by
 * its soft curvature ({@link SoftCurvature}), from the start and then from the start with its linear coefficients
 * fitted ({@link ProjectedStart}).
 */
public final class ClosureMinimiser {

    /** Gradient norm (in the model's own parameters) a limit must reach. */
    static final double LIMIT_GRAD_TOL = 1e-10;
    /** Damped Newton iterations: the valley of nearly collinear terms is narrow and curved, and takes more. */
    static final int ITERATIONS = 300;
    static final int ILL_CONDITIONED_ITERATIONS = 3000;

    private final SquaredLoss loss;
    private final double eigenRelTol;

    ClosureMinimiser(SquaredLoss loss, double eigenRelTol) {
        this.loss = loss;
        this.eigenRelTol = eigenRelTol;
    }

    /** The isolated minimum of start's model next to start's parameters, or null. */
    ClosureNetwork minimise(ClosureNetwork start) {
        ClosureNetwork m = minimum(start, false);
        if (m == null) m = minimum(start, true);
        if (m == null) m = minimum(ProjectedStart.of(start, loss), true);
        return m;
    }

    private ClosureNetwork minimum(ClosureNetwork start, boolean illConditioned) {
        double[] p = isolatedMinimum(new ClosureLoss(start, loss), start.params(), illConditioned, eigenRelTol);
        return p == null ? null : start.withParams(p);
    }

    /**
     * The isolated minimum of any closure model's objective next to start (the two passes above: ordinary, or
     * ill-conditioned with the soft-curvature confirmation), or null.
     */
    public static double[] isolatedMinimum(Objective cl, double[] start, boolean illConditioned, double eigenRelTol) {
        double[] p = new DampedNewton(cl, illConditioned ? ILL_CONDITIONED_ITERATIONS : ITERATIONS).minimise(start);
        if (!Vectors.allFinite(p)) return null;
        double polishTol = illConditioned ? SoftCurvature.ROUNDING_REL_TOL : eigenRelTol;
        if (!(cl.gradientNorm(p) <= LIMIT_GRAD_TOL)) {
            NewtonPolish.Result r = new NewtonPolish(cl, polishTol, 1e-3 * (1 + Vectors.norm(p)))
                    .polish(p, NewtonPolish.Mode.STRICT);
            if (!r.ok() || !(r.gradNorm() <= LIMIT_GRAD_TOL)) return null;
            p = r.theta();
        }
        DMatrixRMaj h = cl.hessian(p);
        boolean isolated = Spectrum.of(h).isolatedMinimum(h, eigenRelTol) || (illConditioned && SoftCurvature.confirmed(cl, p, h));
        return isolated ? p : null;
    }
}
