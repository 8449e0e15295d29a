package saddlesweep.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import saddlesweep.model.Objective;
import saddlesweep.model.Vectors;

/**
 * Global-ish minimisation from a start by Levenberg-damped Newton steps: (∇²L + μI) δ = −∇L, accepted when
 * L decreases (μ shrinks) and rejected otherwise (μ grows). Far from a minimum μ dominates and the step is
 * a short gradient step; near one μ → 0 and the step is Newton's. Used for the theoretical optimum (H < H*).
 */
public final class DampedNewton {

    private final Objective objective;
    private final int maxIter;

    public DampedNewton(Objective objective, int maxIter) {
        this.objective = objective;
        this.maxIter = maxIter;
    }

    /** A local minimiser reached from start. */
    public double[] minimise(double[] start) {
        int d = start.length;
        double[] theta = start.clone();
        double[] g = new double[d];
        double value = objective.gradient(theta, g);
        DMatrixRMaj hess = objective.hessian(theta);
        double mu = 1e-3 * Math.max(CommonOps_DDRM.elementMaxAbs(hess), 1e-12);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(d);
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        DMatrixRMaj delta = new DMatrixRMaj(d, 1);
        double[] tg = new double[d];
        int rejects = 0;
        for (int it = 0; it < maxIter && rejects < 50; it++) {
            a.setTo(hess);
            for (int i = 0; i < d; i++) a.add(i, i, mu);
            DMatrixRMaj b = DMatrixRMaj.wrap(d, 1, g.clone());
            CommonOps_DDRM.scale(-1, b);
            boolean ok = solver.setA(a);
            if (ok) solver.solve(b, delta);
            double[] trial = ok ? Vectors.addScaled(theta, 1.0, delta.data) : null;
            double tv = trial != null && Vectors.allFinite(trial) ? objective.gradient(trial, tg) : Double.NaN;
            if (tv < value || (tv == value && Vectors.norm(tg) < Vectors.norm(g))) {
                theta = trial;
                value = tv;
                System.arraycopy(tg, 0, g, 0, d);
                hess = objective.hessian(theta);
                mu /= 5;
                rejects = 0;
                if (Vectors.norm(g) == 0) break;
            } else {
                mu = Math.max(mu * 4, 1e-300);
                rejects++;
            }
        }
        return theta;
    }
}
