package saddlesweep.flowfate;

import saddlesweep.model.ClosureNetwork;

/**
 * Where a run goes, as certified (or not) by {@link FateFinder}.
 *
 * @param kind              finite, degenerate, at_infinity, saddle or unresolved
 * @param mechanisms        for at_infinity: {@code saturating}, {@code linear}, {@code derivative_pair}
 *                          (comma-separated, as many as the limit has); else null
 * @param certified         the limit was computed and checked: a critical point of L_N over its model, with
 *                          L_N(limit) ≤ L_N(θ_t) at every record, which the run approaches
 * @param theta             the point reported as the attractor: the minimum (finite), its embedding in the
 *                          full network (degenerate), the saddle (saddle), or the last iterate
 * @param limit             the limit function in the closure of the model (null when none was found)
 * @param limitTrainLoss    L_N of the limit function
 * @param limitGenExcess    E of the limit function
 * @param approach          {@code geometric} or {@code algebraic} (how L_N(θ_t) − L_N(limit) falls), or null
 * @param approachRate      geometric: −d ln(gap)/d step; algebraic: α of gap ∝ step^−α
 * @param escapeEigenvalue  saddle: its most negative Hessian eigenvalue; else NaN
 * @param reason            why the fate is not certified (null when it is)
 */
public record Fate(AttractorKind kind, String mechanisms, boolean certified, double[] theta, ClosureNetwork limit,
                   double limitTrainLoss, double limitGenExcess, String approach, double approachRate,
                   double escapeEigenvalue, String reason) {

    public static Fate unresolved(double[] theta, String reason) {
        return new Fate(AttractorKind.UNRESOLVED, null, false, theta, null, Double.NaN, Double.NaN, null,
                Double.NaN, Double.NaN, reason);
    }
}
