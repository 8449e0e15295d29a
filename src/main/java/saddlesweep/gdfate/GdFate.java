package saddlesweep.gdfate;

/**
 * Where gradient descent at the run's own η ends (see {@link GdFateFinder}), beside the flow's fate.
 *
 * @param kind           flow, fixed_point, period_k, aperiodic, diverged or unresolved
 * @param cycle          the certified (or last candidate) cycle: a fixed point has period 1; null when none
 * @param meanTrainLoss  L_N averaged over the cycle's points (for {@code flow}: the flow limit's L_N)
 * @param meanGenExcess  E averaged over the cycle's points (for {@code flow}: the flow limit's E)
 * @param sharpness      η·λ_max(∇²L_N) at the cycle's mean (the edge of stability predicts 2 for a 2-cycle)
 * @param lyapunov       largest Lyapunov exponent per step, where it was measured (aperiodic); else NaN
 * @param step           GD-equivalent step at which the fate was decided; null for {@code flow}
 * @param certified      the fate was checked: a cycle to rounding, stable, approached by GD's own iterates
 * @param reason         why it is not certified (null when it is)
 * @param branch         the bifurcation diagram's ordinates: (θ − m)·u for the cycle's points, or for the last
 *                       {@value #BRANCH_SAMPLES} iterates of an aperiodic run, m their mean and u the top eigenvector of
 *                       ∇²L_N(m) (a fixed point: [0]; a 2-cycle: ±half its extent along u); null without either
 */
public record GdFate(GdFateKind kind, Cycle cycle, double meanTrainLoss, double meanGenExcess, double sharpness,
                     double lyapunov, Long step, boolean certified, String reason, double[] branch) {

    /** Iterates of an aperiodic run sampled for the bifurcation diagram. */
    public static final int BRANCH_SAMPLES = 64;

    public static GdFate unresolved(Long step, String reason) {
        return new GdFate(GdFateKind.UNRESOLVED, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, step, false, reason, null);
    }

    /** The {@code gd_fate} label: {@code period_k} for cycles. */
    public String label() {
        return kind.label(cycle == null ? 0 : cycle.period());
    }

    /** The cycle's period: 1 for a fixed point, k for a k-cycle, 0 without a cycle. */
    public int period() {
        return cycle == null ? 0 : cycle.period();
    }
}
