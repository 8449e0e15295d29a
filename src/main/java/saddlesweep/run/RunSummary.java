package saddlesweep.run;

import java.io.Serializable;

/**
 * One row of the {@code runs} table: a run's parameters, how it ended, its attractor, the theory checks
 * and the counts of slow passages. Component names become the snake_case column names of DESIGN §2
 * (for example {@code genExcess} is {@code gen_excess}); {@code sweep} is filled by the sweep layer.
 *
 * @param teacher           the teacher's name (the job's {@code teachers[].name}, or {@code teacher} for a job with one)
 * @param status            a {@link saddlesweep.train.RunStatus} label: {@code converged}, {@code horizon}, {@code budget},
 *                          {@code diverged} or {@code failed}
 * @param trainLoss         L_N at the attractor (polished point) or the last point
 * @param genExcess         E at the attractor or the last point
 * @param attractorKind     {@code finite}, {@code degenerate}, {@code at_infinity}, or {@code unresolved}
 *                          (the run stopped away from any limit: on a plateau, or diverged)
 * @param attractor         canonical θ of the attractor (for {@code at_infinity}: the last iterate)
 * @param attractorDrift    d‖θ‖/d log10(step) over the last recorded decade (≈ 0 for finite limits)
 * @param optTrainLoss      L_N(θ*)
 * @param optGradNorm       ‖∇L_N(θ*)‖
 * @param optGenExcess      E(θ*) = E_opt
 * @param minGenExcess      minimum of E along the recorded trajectory (early-stopping point)
 * @param plateauSteps      total steps spent in plateau passages (exit − enter)
 * @param nearOptimalStep   dip step of the first near-optimal passage, null if none
 * @param tail              {@code gd} or {@code flow} (training.tail)
 * @param gdSteps           real GD steps taken (the flow tail, if any, started there)
 * @param horizonSteps      how far the run could be followed: training.horizon_steps with the flow tail, else max_steps
 * @param certified         whether the fate (attractor_kind) was certified, see {@code FateFinder}
 * @param infinityMechanism for at_infinity: saturating, linear, derivative_pair, derivative_triple (comma-separated); else null
 * @param limitModel        forms of the limit function in the closure of the model, e.g. {@code tanh,sign}
 * @param limitParams       its canonical parameters, term after term (tanh: w, v; sign: v; linear: c; deriv: w, u, c; cubic: d; deriv2: w, u, c, e)
 * @param limitTrainLoss    L_N of the limit function
 * @param limitGenExcess    E of the limit function
 * @param approach          {@code geometric} or {@code algebraic}: how L_N(θ_t) falls to L_N(limit)
 * @param approachRate      geometric: −d ln(gap)/d step; algebraic: α of gap ∝ step^−α
 * @param escapeEigenvalue  for a saddle at the horizon: its most negative Hessian eigenvalue
 * @param flowEvaluations   vector-field evaluations of the flow tail
 * @param gdUnstableStep    first record of the flow tail where η·λ_max(∇²L_N) ≥ 2: GD at this η would leave the
 *                          flow's path from there; null if never (also a record of plain GD itself)
 * @param gdFate            GD's own fate at its η ({@link saddlesweep.gdfate.GdFateKind}): flow, fixed_point,
 *                          period_k, aperiodic, diverged or unresolved; attractor_kind is the flow's fate (η → 0)
 * @param gdPeriod          1 for a fixed point, k for a k-cycle, 0 otherwise
 * @param gdOrbit           the cycle's points, canonical (one symmetry for all, phase lexicographically first),
 *                          point after point: gd_period × 2H values
 * @param gdTrainLoss       L_N averaged over the cycle (flow: the flow limit's L_N; aperiodic: at the last iterate)
 * @param gdGenExcess       E averaged over the cycle (flow: the flow limit's E)
 * @param gdAmplitude       the largest distance between two points of the cycle (‖p − q‖ for a 2-cycle)
 * @param gdMultiplier      the largest modulus of the cycle's multipliers (eigenvalues of D(G^k))
 * @param gdMultipliers     every multiplier's modulus, descending
 * @param gdNeutral         number of neutral multipliers (|μ| = 1 within 1e-9: directions along a manifold of cycles)
 * @param gdNeutralDirections their unit eigenvectors (real ones), in the canonical frame, one after another
 * @param gdSharpness       η·λ_max(∇²L_N) at the cycle's mean (the edge of stability: 2)
 * @param gdLyapunov        largest Lyapunov exponent per step (aperiodic); else NaN
 * @param gdStep            GD-equivalent step at which GD's fate was decided; null for flow
 * @param gdCertified       whether GD's fate was certified (flow: whether the flow's fate was)
 * @param gdHandoverStep    the step from which plain GD was followed for its fate (just before the edge); null for flow
 * @param gdMaxAbsV         the largest |v_i| over the cycle's points (grows as η^(−1/2) where the flow's v grow)
 * @param gdBranch          the bifurcation diagram's ordinates (θ − m)·u of the cycle's points or of 64 aperiodic
 *                          iterates, m their mean, u the top Hessian eigenvector at m; [0] for a fixed point
 * @param gdFateSteps       real GD steps taken to find GD's fate (its cost; from θ_0 they include the steps up to the edge)
 * @param gdFateEvaluations flow evaluations taken to find GD's fate (the hand-over's bisection, flows after catapults)
 * @param gdModeledSteps    retired: 0 (GD-equivalent steps once modeled instead of run; every step is GD's own now)
 * @param gdStart           where the plain GD that GD's fate is about started: {@code theta0}, {@code record} (the
 *                          trajectory record before gd_unstable_step), {@code handover} (the flow's state just before
 *                          the edge), {@code catapult} (the flow GD follows after being thrown
 *                          to flatter ground, to its certified minimum); null for flow
 * @param gdEvidence        what plain GD was seen to do, in one line: the certificate's evidence, or why there is none
 * @param gdLyapunovError   the standard error of gd_lyapunov over its windows
 * @param gdSettlingSteps   k/(1 − |μ|) of the cycle in gd_orbit: GD steps per e-fold of its slowest attracting mode
 * @param gdBursts          bursts of GD's oscillation around that cycle in the last window of settling times
 * @param gdBurstSpan       the settling times those bursts span
 * @param gdBurstSlope      the slope of ln(burst peak) per settling time (a transient that settles: −1 or steeper)
 * @param gdBurstSlopeError its standard error
 * @param gdTangentSteps    steps of the tangent map taken for gd_lyapunov
 */
public record RunSummary(String sweep, String taskId, int n, double sigma2, int hidden, long dataSeed,
                         long initSeed, double eta, double initScale, long maxSteps, double inputStd,
                         String teacher, double[] teacherW, double[] teacherV,
                         String status, String error, long steps, long wallMs,
                         double trainLoss, double genExcess, double gradNorm,
                         String attractorKind, double[] attractor, double[] attractorEigenvalues,
                         int attractorIndex, int attractorNullDim, String attractorSingularity,
                         double attractorDrift, boolean polished,
                         double optTrainLoss, double optGradNorm, double optGenExcess, double optDistance,
                         double minGenExcess, long minGenStep,
                         int plateaus, long plateauSteps, int nearOptimal, Long nearOptimalStep,
                         String tail, long gdSteps, long horizonSteps, boolean certified, String infinityMechanism,
                         String limitModel, double[] limitParams, double limitTrainLoss, double limitGenExcess,
                         String approach, double approachRate, double escapeEigenvalue, long flowEvaluations,
                         Long gdUnstableStep, String gdFate, int gdPeriod, double[] gdOrbit, double gdTrainLoss,
                         double gdGenExcess, double gdAmplitude, double gdMultiplier, double[] gdMultipliers,
                         int gdNeutral, double[] gdNeutralDirections, double gdSharpness, double gdLyapunov,
                         Long gdStep, boolean gdCertified, Long gdHandoverStep, double gdMaxAbsV, double[] gdBranch,
                         long gdFateSteps, long gdFateEvaluations, long gdModeledSteps, String gdStart,
                         String gdEvidence, double gdLyapunovError, double gdSettlingSteps, int gdBursts,
                         double gdBurstSpan, double gdBurstSlope, double gdBurstSlopeError, long gdTangentSteps)
        implements Serializable, GdFateView {

    public RunSummary withSweep(String name) {
        return new RunSummary(name, taskId, n, sigma2, hidden, dataSeed, initSeed, eta, initScale, maxSteps,
                inputStd, teacher, teacherW, teacherV, status, error, steps, wallMs, trainLoss, genExcess, gradNorm,
                attractorKind, attractor, attractorEigenvalues, attractorIndex, attractorNullDim,
                attractorSingularity, attractorDrift, polished, optTrainLoss, optGradNorm, optGenExcess,
                optDistance, minGenExcess, minGenStep, plateaus, plateauSteps, nearOptimal, nearOptimalStep,
                tail, gdSteps, horizonSteps, certified, infinityMechanism, limitModel, limitParams, limitTrainLoss,
                limitGenExcess, approach, approachRate, escapeEigenvalue, flowEvaluations, gdUnstableStep, gdFate,
                gdPeriod, gdOrbit, gdTrainLoss, gdGenExcess, gdAmplitude, gdMultiplier, gdMultipliers, gdNeutral,
                gdNeutralDirections, gdSharpness, gdLyapunov, gdStep, gdCertified, gdHandoverStep, gdMaxAbsV,
                gdBranch, gdFateSteps, gdFateEvaluations, gdModeledSteps, gdStart, gdEvidence, gdLyapunovError,
                gdSettlingSteps, gdBursts, gdBurstSpan, gdBurstSlope, gdBurstSlopeError, gdTangentSteps);
    }
}
