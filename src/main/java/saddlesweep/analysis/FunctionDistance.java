package saddlesweep.analysis;

import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;

/**
 * The population L² distance between two network functions, d(f_a, f_b) = √(E_x[(f_a(x) − f_b(x))²]),
 * x ~ N(0, s_x²), by the quadrature of E ({@link PopulationExcess#ruleFor}, graded for the larger |w| of the
 * two). Every closure form is odd, so the integrand is even and the rule integrates over x ≥ 0, where the
 * sign term is smooth. Invariant under the symmetries, and equal for all points of a critical manifold.
 */
public final class FunctionDistance {

    private FunctionDistance() {
    }

    public static double between(PopulationExcess pop, ClosureNetwork a, ClosureNetwork b) {
        SquaredLoss rule = pop.ruleFor(Math.max(a.maxAbsW(), b.maxAbsW()));
        double[] x = rule.x();
        double[] om = rule.weights();
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double r = a.eval(x[k]) - b.eval(x[k]);
            s += om[k] * r * r;
        }
        return Math.sqrt(s);
    }
}
