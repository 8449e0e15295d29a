package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.FiniteDifferences;
import saddlesweep.model.Objective;

/** An objective's gradient against finite differences of its value, its Hessian against those of its gradient. */
final class DerivativeChecks {

    private DerivativeChecks() {
    }

    static void assertDerivativesOfValue(Objective o, double[] theta, double gradTol, double hessTol) {
        double[] grad = new double[theta.length];
        o.gradient(theta, grad);
        double[] fd = FiniteDifferences.gradient(o::value, theta, 1e-3);
        for (int i = 0; i < grad.length; i++) assertEquals(fd[i], grad[i], gradTol, "∂/∂θ_" + i);
        double[][] jac = FiniteDifferences.jacobian(t -> {
            double[] g = new double[t.length];
            o.gradient(t, g);
            return g;
        }, theta, 1e-3);
        DMatrixRMaj hess = o.hessian(theta);
        for (int i = 0; i < grad.length; i++) {
            for (int j = 0; j < grad.length; j++) assertEquals(jac[i][j], hess.get(i, j), hessTol, "H " + i + "," + j);
        }
    }
}
