package saddlesweep.flowfate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import saddlesweep.analysis.Spectrum;
import saddlesweep.model.Objective;
import saddlesweep.model.Vectors;

/**
 * An ill-conditioned minimum confirmed as isolated. A closure model whose terms are nearly collinear (a tanh unit of
 * small w next to a linear term, tanh(w x) ≈ w x − w³x³/3) has a minimum whose Jacobi-scaled Hessian D^−½HD^−½ has
 * its smallest eigenvalue μ between rounding level and eigen_rel_tol·μ_max. Such a minimum is accepted as isolated
 * when three things hold at the point p the minimiser returned:
 * <ol>
 *   <li>the Jacobi-scaled Hessian is positive definite beyond rounding ({@value #ROUNDING_REL_TOL} relative);</li>
 *   <li>p is the minimum to {@value #STEP_TOL} relative: the Newton step H⁻¹∇L is below STEP_TOL·(1 + |p_i|) in every
 *       parameter (a point drifting down a valley has a gradient along it that no small step removes);</li>
 *   <li>the curvature is real: along the soft direction u = D^−½z (z the scaled eigenvector of μ, uᵀHu = μ) the loss
 *       rises on both sides by at least (1 − {@value #PROFILE_TOL})·½μt² at the step t where ½μt² is {@value #RISE}·L(p),
 *       far above the rounding of L (nearly collinear terms often rise faster still, quartically: that only makes the
 *       minimum sharper).</li>
 * </ol>
 */
public final class SoftCurvature {

    /** Eigenvalues at rounding level: ~10^4 ulps of μ_max. */
    public static final double ROUNDING_REL_TOL = 1e-12;
    /** Largest relative Newton step at a confirmed minimum. */
    static final double STEP_TOL = 1e-6;
    /** Rise of L along the soft direction at which its profile is measured, relative to L. */
    static final double RISE = 1e-10;
    /** Largest relative shortfall of the measured rises below ½μt². */
    static final double PROFILE_TOL = 0.1;

    private SoftCurvature() {
    }

    /** Whether p, where objective has Hessian h, is an isolated minimum by the three checks above. */
    public static boolean confirmed(Objective objective, double[] p, DMatrixRMaj h) {
        Spectrum scaled = Spectrum.ofJacobiScaled(h);
        if (scaled == null || !scaled.positiveDefinite(ROUNDING_REL_TOL)) return false;
        int d = p.length;
        double[] g = new double[d];
        double value = objective.gradient(p, g);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(d);
        if (!solver.setA(h.copy())) return false;
        DMatrixRMaj step = new DMatrixRMaj(d, 1);
        solver.solve(DMatrixRMaj.wrap(d, 1, g.clone()), step);
        for (int i = 0; i < d; i++) if (!(Math.abs(step.get(i)) <= STEP_TOL * (1 + Math.abs(p[i])))) return false;
        double mu = scaled.min();
        double[] z = scaled.vector(0);
        double[] u = new double[d];
        for (int i = 0; i < d; i++) u[i] = z[i] / Math.sqrt(h.get(i, i));
        double rise = RISE * Math.max(value, Double.MIN_NORMAL);
        double t = Math.sqrt(2 * rise / mu);
        for (double sign : new double[] {1, -1}) {
            double measured = objective.value(Vectors.addScaled(p, sign * t, u)) - value;
            if (!(measured >= (1 - PROFILE_TOL) * rise)) return false;
        }
        return true;
    }
}
