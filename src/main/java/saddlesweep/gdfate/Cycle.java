package saddlesweep.gdfate;

import saddlesweep.model.Vectors;

/**
 * A cycle of the GD map: points p_0..p_{k−1} with G(p_j) = p_{j+1}, G(p_{k−1}) = p_0 (k = 1: a fixed point,
 * a critical point of L_N), its minimal period k, its multipliers, and the residual ‖G^k(p_0) − p_0‖.
 */
public record Cycle(double[][] points, Multipliers multipliers, double residual) {

    public int period() {
        return points.length;
    }

    /** The orbit's mean (1/k) Σ p_j: where GD's time average sits. */
    public double[] mean() {
        int d = points[0].length;
        double[] m = new double[d];
        for (double[] p : points) for (int a = 0; a < d; a++) m[a] += p[a] / points.length;
        return m;
    }

    /** The largest distance between two points of the orbit (‖p − q‖ for a 2-cycle; 0 for a fixed point). */
    public double amplitude() {
        double a = 0;
        for (int i = 0; i < points.length; i++) {
            for (int j = i + 1; j < points.length; j++) a = Math.max(a, Vectors.distance(points[i], points[j]));
        }
        return a;
    }

    /** The distance from θ to the nearest point of the orbit (as trained: no symmetry applied). */
    public double distanceTo(double[] theta) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] p : points) m = Math.min(m, Vectors.distance(p, theta));
        return m;
    }

    /** The largest distance between this orbit's points and another's, in the best phase (∞ if periods differ). */
    public double distanceTo(Cycle other) {
        int k = period();
        if (other.period() != k) return Double.POSITIVE_INFINITY;
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < k; s++) {
            double worst = 0;
            for (int j = 0; j < k; j++) worst = Math.max(worst, Vectors.distance(points[j], other.points[(j + s) % k]));
            best = Math.min(best, worst);
        }
        return best;
    }

    /**
     * GD steps per e-fold of the slowest attracting direction near the cycle, k / (1 − |μ|) with |μ| the largest
     * modulus of a multiplier that is not neutral (∞ when there is none below 1): how long plain GD takes to
     * settle by a factor e once inside the cycle's linear regime.
     */
    public double settlingSteps() {
        double[] m = multipliers.moduli();
        for (double mod : m) {
            if (Math.abs(mod - 1) > Multipliers.NEUTRAL_TOL) return mod < 1 ? period() / (1 - mod) : Double.POSITIVE_INFINITY;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The largest ‖p_j‖_∞ of the orbit: the scale of its rounding errors. */
    public double scale() {
        double m = 0;
        for (double[] p : points) for (double t : p) m = Math.max(m, Math.abs(t));
        return m;
    }
}
