package saddlesweep.model;

import java.util.function.ToDoubleFunction;

/**
 * Finite-difference derivatives for the tests, computed only from function values (or, for the Hessian by
 * columns, from a gradient), never from the code under test's own derivative formulas.
 * All use the fourth-order central stencil (−F(x+2h) + 8F(x+h) − 8F(x−h) + F(x−2h)) / 12h.
 */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** Step for coordinate i: h·max(1, |θ_i|). */
    private static double step(double h, double xi) {
        return h * Math.max(1.0, Math.abs(xi));
    }

    /** Gradient of f by the five-point central stencil, per coordinate. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] theta, double h) {
        int d = theta.length;
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            double hi = step(h, theta[i]);
            g[i] = (-f.applyAsDouble(shift(theta, i, 2 * hi)) + 8 * f.applyAsDouble(shift(theta, i, hi))
                    - 8 * f.applyAsDouble(shift(theta, i, -hi)) + f.applyAsDouble(shift(theta, i, -2 * hi))) / (12 * hi);
        }
        return g;
    }

    /** Jacobian of a vector function (column j = derivative along θ_j), five-point stencil; for Hessians from gradients. */
    public static double[][] jacobian(java.util.function.Function<double[], double[]> f, double[] theta, double h) {
        int d = theta.length;
        double[][] jac = new double[d][d];
        for (int j = 0; j < d; j++) {
            double hj = step(h, theta[j]);
            double[] p2 = f.apply(shift(theta, j, 2 * hj));
            double[] p1 = f.apply(shift(theta, j, hj));
            double[] m1 = f.apply(shift(theta, j, -hj));
            double[] m2 = f.apply(shift(theta, j, -2 * hj));
            for (int i = 0; i < d; i++) jac[i][j] = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * hj);
        }
        return jac;
    }

    /**
     * Hessian of f from values only: diagonal by the fourth-order stencil
     * (−F(+2h) + 16F(+h) − 30F(0) + 16F(−h) − F(−2h)) / 12h², off-diagonal by the four-point cross difference
     * (F(+h,+k) − F(+h,−k) − F(−h,+k) + F(−h,−k)) / 4hk.
     */
    public static double[][] hessianFromValues(ToDoubleFunction<double[]> f, double[] theta, double h) {
        int d = theta.length;
        double[][] hess = new double[d][d];
        double f0 = f.applyAsDouble(theta);
        for (int i = 0; i < d; i++) {
            double hi = step(h, theta[i]);
            hess[i][i] = (-f.applyAsDouble(shift(theta, i, 2 * hi)) + 16 * f.applyAsDouble(shift(theta, i, hi)) - 30 * f0
                    + 16 * f.applyAsDouble(shift(theta, i, -hi)) - f.applyAsDouble(shift(theta, i, -2 * hi))) / (12 * hi * hi);
            for (int j = 0; j < i; j++) {
                double hj = step(h, theta[j]);
                double pp = f.applyAsDouble(shift(shift(theta, i, hi), j, hj));
                double pm = f.applyAsDouble(shift(shift(theta, i, hi), j, -hj));
                double mp = f.applyAsDouble(shift(shift(theta, i, -hi), j, hj));
                double mm = f.applyAsDouble(shift(shift(theta, i, -hi), j, -hj));
                hess[i][j] = hess[j][i] = (pp - pm - mp + mm) / (4 * hi * hj);
            }
        }
        return hess;
    }

    private static double[] shift(double[] theta, int i, double by) {
        double[] t = theta.clone();
        t[i] += by;
        return t;
    }
}
