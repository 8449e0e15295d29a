package saddlesweep.analysis;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.Objective;
import saddlesweep.model.Vectors;

/**
 * Damped Newton descent to a minimum: δ = −(∇²L)⁺ ∇L with a backtracking (Armijo) line search.
 * In {@link Mode#STRICT} mode every Hessian on the way must be positive definite, as it is or Jacobi-scaled
 * ({@link Spectrum#isolatedMinimum}: an isolated minimum);
 * in {@link Mode#DEGENERATE} mode the pseudo-inverse ignores eigen-directions within the zero tolerance
 * (a minimum on a critical manifold) but negative curvature still stops it. It never moves further than
 * {@code maxDistance} from the start: a jump that far means the start was not in the minimum's basin.
 */
public final class NewtonPolish {

    /** Which minima the polish may finish on. */
    public enum Mode { STRICT, DEGENERATE }

    /** The polished point, or why there is none. */
    public record Result(boolean ok, double[] theta, double value, double gradNorm, int iterations, String reason) {
    }

    private static final int MAX_ITER = 60;

    private final Objective objective;
    private final double eigenRelTol;
    private final double maxDistance;

    public NewtonPolish(Objective objective, double eigenRelTol, double maxDistance) {
        this.objective = objective;
        this.eigenRelTol = eigenRelTol;
        this.maxDistance = maxDistance;
    }

    public Result polish(double[] start, Mode mode) {
        return polish(start, mode, null);
    }

    /** {@link #polish(double[], Mode)} given the spectrum of ∇²L at the start (null: computed here). */
    public Result polish(double[] start, Mode mode, Spectrum atStart) {
        double[] theta = start.clone();
        double[] g = new double[theta.length];
        double value = objective.gradient(theta, g);
        double gnorm = Vectors.norm(g);
        for (int it = 0; it < MAX_ITER; it++) {
            DMatrixRMaj hess = it == 0 && atStart != null ? null : objective.hessian(theta);
            Spectrum sp = hess == null ? atStart : Spectrum.of(hess);
            if (sp.morseIndex(eigenRelTol) > 0) return fail(theta, value, gnorm, it, "negative curvature");
            if (mode == Mode.STRICT && !sp.positiveDefinite(eigenRelTol)
                    && !sp.isolatedMinimum(hess != null ? hess : objective.hessian(theta), eigenRelTol)) {
                return fail(theta, value, gnorm, it, "singular Hessian");
            }
            // strict: every eigenvalue is positive, so the full Newton step; degenerate: the zero modes left out
            double[] step = pseudoInverseStep(sp, g, mode == Mode.STRICT ? 0 : sp.threshold(eigenRelTol));
            double slope = Vectors.dot(g, step);
            if (slope >= 0 || Vectors.norm(step) <= 1e-16 * (1 + Vectors.norm(theta))) {
                return done(theta, value, gnorm, it);
            }
            // Armijo backtracking: L(θ + αδ) ≤ L(θ) + 1e-4 α ∇Lᵀδ; once L changes below its rounding
            // (a few ulps), a step that lowers ‖∇L‖ is accepted instead
            double alpha = 1;
            double[] trial = null;
            double tv = Double.NaN;
            double[] tg = new double[theta.length];
            for (int ls = 0; ls < 40; ls++, alpha *= 0.5) {
                trial = Vectors.addScaled(theta, alpha, step);
                tv = objective.gradient(trial, tg);
                boolean flat = tv <= value + 64 * Math.ulp(value);
                if (tv <= value + 1e-4 * alpha * slope || (flat && Vectors.norm(tg) < gnorm)) break;
                trial = null;
            }
            if (trial == null) return done(theta, value, gnorm, it);
            double previous = gnorm;
            theta = trial;
            value = tv;
            System.arraycopy(tg, 0, g, 0, g.length);
            gnorm = Vectors.norm(g);
            if (Vectors.distance(theta, start) > maxDistance) {
                return fail(theta, value, gnorm, it + 1, "left the basin (moved > " + maxDistance + ")");
            }
            if (gnorm == 0 || (gnorm >= previous && alpha < 1)) return done(theta, value, gnorm, it + 1);
        }
        return done(theta, value, gnorm, MAX_ITER);
    }

    private static Result done(double[] theta, double value, double gnorm, int it) {
        return new Result(true, theta, value, gnorm, it, "converged");
    }

    private static Result fail(double[] theta, double value, double gnorm, int it, String why) {
        return new Result(false, theta, value, gnorm, it, why);
    }

    /** δ = −Σ_{|λ_k| > t} (u_kᵀg / λ_k) u_k. */
    private static double[] pseudoInverseStep(Spectrum sp, double[] g, double t) {
        double[] lambda = sp.values();
        double[] step = new double[g.length];
        for (int k = 0; k < lambda.length; k++) {
            if (Math.abs(lambda[k]) <= t) continue;
            double[] u = sp.vector(k);
            double c = -Vectors.dot(u, g) / lambda[k];
            for (int i = 0; i < step.length; i++) step[i] += c * u[i];
        }
        return step;
    }
}
