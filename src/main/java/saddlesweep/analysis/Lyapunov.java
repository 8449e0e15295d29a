package saddlesweep.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;

/**
 * The largest Lyapunov exponent of the GD map along an orbit: λ_1 = lim (1/n) Σ_t ln ‖DG(θ_t) u_t‖ with
 * u_{t+1} = DG(θ_t) u_t / ‖DG(θ_t) u_t‖ (a tangent vector renormalised every step). Positive: nearby orbits
 * separate (chaos); negative: they converge (an attracting cycle); zero: quasi-periodic motion.
 */
public final class Lyapunov {

    /** The exponent over each half of the steps, and the point reached. */
    public record Estimate(double firstHalf, double secondHalf, double[] end) {
        public double exponent() {
            return 0.5 * (firstHalf + secondHalf);
        }
    }

    private Lyapunov() {
    }

    /** Follows 2·half GD steps from θ (with the accurate map), measuring λ_1 over each half. */
    public static Estimate estimate(GdMap map, double[] theta, int half) {
        int d = theta.length;
        double[] u = new double[d];
        for (int a = 0; a < d; a++) u[a] = 1.0 / Math.sqrt(d);
        DMatrixRMaj next = new DMatrixRMaj(d, 1);
        double[] t = theta.clone();
        double[] sums = new double[2];
        for (int s = 0; s < 2 * half; s++) {
            CommonOps_DDRM.mult(map.jacobian(t), DMatrixRMaj.wrap(d, 1, u), next);
            double n = Vectors.norm(next.data);
            sums[s < half ? 0 : 1] += Math.log(n);
            for (int a = 0; a < d; a++) u[a] = next.data[a] / n;
            t = map.apply(t);
            if (!Vectors.allFinite(t)) return new Estimate(Double.NaN, Double.NaN, t);
        }
        return new Estimate(sums[0] / half, sums[1] / half, t);
    }
}
