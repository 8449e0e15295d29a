package saddlesweep.gdfate;

/**
 * Where gradient descent at the run's own η ends (see {@link GdFateFinder}), beside the flow's fate.
 *
 * @param kind           flow, fixed_point, period_k, aperiodic, diverged or unresolved
 * @param cycle          the certified cycle (a fixed point has period 1); for aperiodic and unresolved runs the cycle
 *                       GD circles or approaches, if any; null when none
 * @param meanTrainLoss  L_N averaged over the cycle's points (for {@code flow}: the flow limit's L_N; aperiodic:
 *                       over {@value #BRANCH_SAMPLES} iterates)
 * @param meanGenExcess  E averaged likewise
 * @param sharpness      η·λ_max(∇²L_N) at the cycle's mean (the edge of stability predicts 2 for a 2-cycle)
 * @param lyapunov       largest Lyapunov exponent per step from the tangent map, where it was measured; else NaN
 * @param step           GD-equivalent step at which the fate was decided; null for {@code flow}
 * @param certified      the fate is a statement about plain GD's own iterates, with the evidence below
 * @param reason         why it is not certified (null when it is)
 * @param branch         the bifurcation diagram's ordinates: (θ − m)·u for the cycle's points, or for the last
 *                       {@value #BRANCH_SAMPLES} iterates of an aperiodic run, m their mean and u the top eigenvector of
 *                       ∇²L_N(m) (a fixed point: [0]; a 2-cycle: ±half its extent along u); null without either
 * @param evidence       what plain GD was seen to do, in one line (certified or not); null for {@code flow}
 * @param lyapunovError  the standard error of {@code lyapunov} over its windows; NaN where not measured
 * @param bursts         the bursts of GD's oscillation around {@code cycle}, where it burst; else null
 */
public record GdFate(GdFateKind kind, Cycle cycle, double meanTrainLoss, double meanGenExcess, double sharpness,
                     double lyapunov, Long step, boolean certified, String reason, double[] branch, String evidence,
                     double lyapunovError, BurstEnvelope bursts) {

    /** Iterates of an aperiodic run sampled for the bifurcation diagram. */
    public static final int BRANCH_SAMPLES = 64;

    public static GdFate unresolved(Long step, String reason) {
        return new GdFate(GdFateKind.UNRESOLVED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, step, false, reason,
                null, null, Double.NaN, null);
    }

    public static GdFate diverged(long step) {
        return new GdFate(GdFateKind.DIVERGED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, step, true, null, null,
                "GD's iterates became non-finite at step " + step, Double.NaN, null);
    }

    /** The {@code gd_fate} label: {@code period_k} for cycles. */
    public String label() {
        return kind.label(kind == GdFateKind.PERIODIC || kind == GdFateKind.FIXED_POINT ? period() : 0);
    }

    /** The cycle's period: 1 for a fixed point, k for a k-cycle, 0 without a cycle. */
    public int period() {
        return cycle == null ? 0 : cycle.period();
    }
}
