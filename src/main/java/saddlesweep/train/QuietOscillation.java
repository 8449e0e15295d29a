package saddlesweep.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;

/**
 * GD at the edge of stability while its oscillation is tiny: the flow GD follows ({@link ModifiedGradientField},
 * integrated by {@link Rosenbrock23} at the tail's tolerances) carries the mean motion, and the oscillation along
 * the top Hessian eigenvector u is a linear mode whose amplitude a changes by |1 − ηλ_max| per step while rounding
 * the update θ_i − ηg_i feeds it ν² = Σ_i u_i² ulp(θ_i)²/12 per step:
 * <pre>
 *   d(a²)/dn = 2ℓ a² + ν²,   ℓ = ln|1 − ηλ_max(θ(n))|,   n = τ/η GD steps
 *   a²(n + Δn) = a²(n) e^{2ℓΔn} + ν² (e^{2ℓΔn} − 1)/(2ℓ)        (ℓ the mean over an integrator step)
 * </pre>
 * Plain GD needs n ≈ √(2 ln(a/ν)/κ) steps (κ = dℓ/dn, the rate of progressive sharpening, ∝ 1/step) to grow its
 * oscillation from rounding to a visible size after each crossing of η·λ_max = 2, 10^5–10^7 steps for late
 * crossings, in which it only drifts along the flow; this follows them in a few hundred integrator steps and
 * hands back to GD once a reaches {@code emerge}, at θ + a·u. Integrator steps are capped so that a² changes by
 * at most e^{{@value #MAX_GROWTH}} per step. Stops early when η·λ_max leaves [2 − {@value #BAND}, 2 + {@value #BAND}]
 * (the run is no longer at the edge: GD's own iterates are needed).
 */
public final class QuietOscillation {

    /** Half-width of the band of η·λ_max around 2 in which the oscillation is followed as a linear mode. */
    public static final double BAND = 0.05;
    /** Largest change of ln a² over one integrator step. */
    static final double MAX_GROWTH = 0.5;

    /** Where the quiet phase ended: the point, its GD-equivalent length, the amplitude, and whether it emerged. */
    public record Result(double[] theta, long steps, double amplitude, boolean emerged, long evaluations) {
    }

    private QuietOscillation() {
    }

    /**
     * @param theta     GD's iterate (its oscillation of amplitude a0 is far below {@code emerge})
     * @param a0        the oscillation's amplitude there
     * @param emerge    the amplitude at which GD takes over again
     * @param maxSteps  GD-equivalent steps to follow at most
     */
    public static Result follow(SquaredLoss loss, double eta, double[] theta, double a0, double emerge, long maxSteps) {
        int d = theta.length;
        ModifiedGradientField field = new ModifiedGradientField(loss, eta, d);
        Rosenbrock23 ode;
        try {
            ode = new Rosenbrock23(field, FlowTail.RTOL, FlowTail.ATOL, 0.0, theta, 64 * eta);
        } catch (ArithmeticException e) {
            return new Result(theta, 0, a0, false, 0);
        }
        double[] state = theta;
        double[] mode0 = mode(loss, eta, state);
        double a2 = Math.max(a0 * a0, mode0[1]);
        double l0 = mode0[0];
        double end = eta * maxSteps;
        while (ode.time() < end) {
            double cap = MAX_GROWTH * eta / (2 * Math.max(Math.abs(l0), 1e-300));
            double hMax = Math.min(Math.min(Math.max(FlowTail.MAX_STEP_FRACTION * ode.time(), 64 * eta), cap), end - ode.time());
            double before = ode.time();
            if (!ode.step(hMax)) break;
            state = ode.state();
            double[] mode1 = mode(loss, eta, state);
            double l1 = mode1[0];
            double l = 0.5 * (l0 + l1);
            double dn = (ode.time() - before) / eta;
            // the amplitude grows or decays by e^{ℓ} per step, and never falls below one rounding of the update
            a2 = Math.max(a2 * Math.exp(2 * l * dn), mode1[1]);
            l0 = l1;
            long steps = Math.round(ode.time() / eta);
            double sharp = mode1[2];
            if (Math.abs(sharp - 2) > BAND) return new Result(state, steps, Math.sqrt(a2), false, ode.evaluations());
            if (a2 >= emerge * emerge) {
                double[] u = topEigenvector(loss, state);
                return new Result(Vectors.addScaled(state, Math.sqrt(a2), u), steps, Math.sqrt(a2), true, ode.evaluations());
            }
        }
        return new Result(state, Math.round(ode.time() / eta), Math.sqrt(a2), false, ode.evaluations());
    }

    /**
     * The top mode at θ: {ℓ, ν², η·λ_max} with ℓ = ln|1 − η·λ_max| the oscillation's growth rate per step and
     * ν² = Σ_i u_i² ulp(θ_i)²/12 the variance that rounding the update θ_i − ηg_i adds along u per step.
     */
    static double[] mode(SquaredLoss loss, double eta, double[] theta) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(theta.length, true, true);
        if (!eig.decompose(loss.hessian(theta))) return new double[] {Double.NaN, 0, Double.NaN};
        int best = 0;
        for (int i = 1; i < theta.length; i++) if (eig.getEigenvalue(i).real > eig.getEigenvalue(best).real) best = i;
        double sharp = eta * eig.getEigenvalue(best).real;
        double[] u = eig.getEigenVector(best).data;
        double nu2 = 0;
        for (int i = 0; i < theta.length; i++) nu2 += u[i] * u[i] * Math.ulp(theta[i]) * Math.ulp(theta[i]) / 12;
        return new double[] {Math.log(Math.abs(1 - sharp)), nu2, sharp};
    }

    /** The unit eigenvector of ∇²L_N(θ)'s largest eigenvalue. */
    static double[] topEigenvector(SquaredLoss loss, double[] theta) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(theta.length, true, true);
        if (!eig.decompose(loss.hessian(theta))) return new double[theta.length];
        int best = 0;
        for (int i = 1; i < theta.length; i++) if (eig.getEigenvalue(i).real > eig.getEigenvalue(best).real) best = i;
        return eig.getEigenVector(best).data.clone();
    }

}
