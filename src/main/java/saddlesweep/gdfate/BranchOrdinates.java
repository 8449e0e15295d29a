package saddlesweep.gdfate;

import saddlesweep.analysis.Spectrum;
import saddlesweep.model.Objective;
import saddlesweep.model.Vectors;

/**
 * The bifurcation diagram's ordinates of an attractor's points (a cycle's, or samples of an aperiodic orbit):
 * (p − m)·u for each point p, m their mean, u the top eigenvector of ∇²L_N(m) (its sign: largest component
 * positive). A fixed point gives [0], a 2-cycle ±half its extent along u.
 */
final class BranchOrdinates {

    private BranchOrdinates() {
    }

    static double[] of(Objective loss, double[][] points) {
        double[] m = mean(points);
        double[] u = Spectrum.of(loss.hessian(m)).vector(m.length - 1);
        int big = 0;
        for (int a = 1; a < u.length; a++) if (Math.abs(u[a]) > Math.abs(u[big])) big = a;
        double sign = u[big] < 0 ? -1 : 1;
        double[] b = new double[points.length];
        for (int j = 0; j < points.length; j++) b[j] = sign * Vectors.dot(Vectors.addScaled(points[j], -1, m), u);
        return b;
    }

    static double[] mean(double[][] points) {
        double[] m = new double[points[0].length];
        for (double[] p : points) for (int a = 0; a < m.length; a++) m[a] += p[a] / points.length;
        return m;
    }
}
