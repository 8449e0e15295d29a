package saddlesweep.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import saddlesweep.model.Objective;
import saddlesweep.model.Vectors;

/**
 * Finds a critical point ∇L(θ) = 0 near a start, saddles included: Levenberg–Marquardt on ½‖∇L(θ)‖²,
 * whose Jacobian is the Hessian H. Step: (H² + μI) δ = −H ∇L; μ shrinks after a step that lowers ‖∇L‖
 * and grows after one that does not.
 */
public final class CriticalPointSolver {

    /** The point found, its gradient norm, and whether it reached the tolerance. */
    public record Result(double[] theta, double gradNorm, boolean converged, int iterations) {
    }

    private final Objective objective;
    private final double gradTol;
    private final int maxIter;

    public CriticalPointSolver(Objective objective, double gradTol, int maxIter) {
        this.objective = objective;
        this.gradTol = gradTol;
        this.maxIter = maxIter;
    }

    public Result solve(double[] start) {
        int d = start.length;
        double[] theta = start.clone();
        double[] g = new double[d];
        objective.gradient(theta, g);
        double gnorm = Vectors.norm(g);
        DMatrixRMaj hess = objective.hessian(theta);
        double mu = 1e-6 * Math.max(CommonOps_DDRM.elementMaxAbs(hess), 1e-300);
        mu = mu * mu;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(d);
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        DMatrixRMaj delta = new DMatrixRMaj(d, 1);
        double[] tg = new double[d];
        int it = 0;
        int rejects = 0;
        while (it < maxIter && gnorm > gradTol && rejects < 60) {
            it++;
            CommonOps_DDRM.multTransA(hess, hess, a);                  // H² (H symmetric)
            for (int i = 0; i < d; i++) a.add(i, i, mu);
            CommonOps_DDRM.mult(hess, DMatrixRMaj.wrap(d, 1, g), b);    // H g
            CommonOps_DDRM.scale(-1, b);
            if (!solver.setA(a)) {
                mu *= 10;
                rejects++;
                continue;
            }
            solver.solve(b, delta);
            double[] trial = Vectors.addScaled(theta, 1.0, delta.data);
            objective.gradient(trial, tg);
            double tnorm = Vectors.norm(tg);
            if (Vectors.allFinite(trial) && tnorm < gnorm) {
                theta = trial;
                System.arraycopy(tg, 0, g, 0, d);
                gnorm = tnorm;
                hess = objective.hessian(theta);
                mu = Math.max(mu / 9, 1e-300);
                rejects = 0;
            } else {
                mu = mu == 0 ? 1e-300 : mu * 4;
                rejects++;
            }
        }
        return new Result(theta, gnorm, gnorm <= gradTol, it);
    }
}
