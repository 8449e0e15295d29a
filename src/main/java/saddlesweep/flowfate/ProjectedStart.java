package saddlesweep.flowfate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.SquaredLoss;

/**
 * A closure network's start with its linear coefficients fitted (variable projection): every form is linear in all
 * its parameters but its w (TANH: v; DERIV: u, c; DERIV2: u, c, e; SIGN, LINEAR, CUBIC: their one parameter), so
 * with the w's held, the coefficients that minimise L are the weighted least-squares solution of y on the basis
 * columns ∂f/∂coefficient. A start read off a run far from its limit (large v of a unit still turning) has w's
 * closer to the limit's than its coefficients.
 */
final class ProjectedStart {

    private ProjectedStart() {
    }

    /** The start with its coefficients fitted to the points of loss, or the start itself if they are not determined. */
    static ClosureNetwork of(ClosureNetwork start, SquaredLoss loss) {
        double[] p = start.params();
        boolean[] linear = new boolean[p.length];
        int k = 0;
        for (ClosureForm f : start.forms()) {
            boolean hasW = f == ClosureForm.TANH || f == ClosureForm.DERIV || f == ClosureForm.DERIV2;
            for (int j = hasW ? 1 : 0; j < f.parameters(); j++) linear[k + j] = true;
            k += f.parameters();
        }
        int[] idx = java.util.stream.IntStream.range(0, p.length).filter(i -> linear[i]).toArray();
        int m = idx.length;
        double[] x = loss.x();
        double[] y = loss.y();
        double[] om = loss.weights();
        // normal equations Σ ω b bᵀ c = Σ ω b y, b the basis columns at x_k
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        double[] jac = new double[p.length];
        for (int n = 0; n < x.length; n++) {
            start.jacobian(p, x[n], jac);
            for (int i = 0; i < m; i++) {
                rhs.add(i, 0, om[n] * jac[idx[i]] * y[n]);
                for (int j = 0; j < m; j++) a.add(i, j, om[n] * jac[idx[i]] * jac[idx[j]]);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.qr(m, m);
        DMatrixRMaj c = new DMatrixRMaj(m, 1);
        if (!solver.setA(a)) return start;
        solver.solve(rhs, c);
        double[] q = p.clone();
        for (int i = 0; i < m; i++) q[idx[i]] = c.get(i);
        return saddlesweep.model.Vectors.allFinite(q) ? start.withParams(q) : start;
    }
}
