package saddlesweep.gdfate;

import saddlesweep.model.Vectors;
import saddlesweep.train.GradientKernel;

/**
 * The largest Lyapunov exponent of the GD map along an orbit: λ_1 = lim (1/n) Σ_t ln ‖DG(θ_t) u_t‖ with
 * u_{t+1} = DG(θ_t) u_t / ‖DG(θ_t) u_t‖ (a tangent vector renormalised every step), DG = I − η∇²L_N. The
 * Hessian-vector product is a central difference of the kernel's gradient, ∇²L_N u ≈ (∇L_N(θ + εu) − ∇L_N(θ − εu))/2ε
 * with ε = {@value #REL_STEP}·(1 + ‖θ‖) (error O(ε²), far below what the exponent needs), so a step costs three
 * gradient passes instead of a Hessian. Positive: nearby orbits separate (chaos); negative: they converge (an
 * attracting cycle); zero: quasi-periodic motion.
 */
public final class Lyapunov {

    static final double REL_STEP = 1e-6;

    /** The exponent over each half of the steps, and the point reached. */
    public record Estimate(double firstHalf, double secondHalf, double[] end) {
        public double exponent() {
            return 0.5 * (firstHalf + secondHalf);
        }
    }

    private Lyapunov() {
    }

    /** Follows 2·half GD steps from θ on the kernel, measuring λ_1 over each half. */
    public static Estimate estimate(GradientKernel kernel, double eta, double[] theta, int half) {
        int d = theta.length;
        double[] u = new double[d];
        for (int a = 0; a < d; a++) u[a] = 1.0 / Math.sqrt(d);
        double[] t = theta.clone();
        double[] g = new double[d];
        double[] gp = new double[d];
        double[] gm = new double[d];
        double[] probe = new double[d];
        double[] sums = new double[2];
        for (int s = 0; s < 2 * half; s++) {
            double eps = REL_STEP * (1 + Vectors.norm(t));
            for (int a = 0; a < d; a++) probe[a] = t[a] + eps * u[a];
            kernel.lossAndGradient(probe, gp);
            for (int a = 0; a < d; a++) probe[a] = t[a] - eps * u[a];
            kernel.lossAndGradient(probe, gm);
            double n2 = 0;
            for (int a = 0; a < d; a++) {
                u[a] -= eta * (gp[a] - gm[a]) / (2 * eps);         // DG u = u − η H u
                n2 += u[a] * u[a];
            }
            double n = Math.sqrt(n2);
            sums[s < half ? 0 : 1] += Math.log(n);
            for (int a = 0; a < d; a++) u[a] /= n;
            double l = kernel.lossAndGradient(t, g);
            for (int a = 0; a < d; a++) t[a] -= eta * g[a];
            if (!Double.isFinite(l) || !Vectors.allFinite(t)) return new Estimate(Double.NaN, Double.NaN, t);
        }
        return new Estimate(sums[0] / half, sums[1] / half, t);
    }
}
