package saddlesweep.committee;

import saddlesweep.run.GdSummary;

/**
 * What {@code train} reports of a committee-machine run (the names are the JSON's, in snake_case). θ-valued
 * fields hold W row by row, then v; points are canonical ({@link CommitteeSymmetry}).
 *
 * @param gdSteps           plain GD's steps (the flow tail, if any, started there)
 * @param status            {@code converged} (‖∇L_N‖ ≤ grad_tol), {@code budget} or {@code diverged}
 * @param attractorKind     {@code finite} (an isolated minimum, Newton-polished), {@code degenerate} (a minimum on a
 *                          critical manifold), {@code at_infinity} (a certified limit in the closure of the model,
 *                          {@link CommitteeLimits}; the end point is then the last record), or {@code unresolved}
 * @param optTrainLoss      L_N(θ*), with θ* the teacher's units and H − H* idle ones (NaN for H &lt; H*); likewise
 *                          optGradNorm = ‖∇L_N(θ*)‖ and optDistance, the canonical distance from the end point to θ*
 * @param symmetricPlateaus plateau visits at a saddle on the overlap set w_i = ±w_j (Saad and Solla's symmetric
 *                          plateau), and the steps they took: from the visit's first record to the exit its escape
 *                          law predicts ({@link CommitteePipeline#symmetricSteps})
 * @param infinityMechanism for at_infinity: {@code saturating}, {@code linear}, {@code derivative_pair} (comma-separated)
 * @param limitModel        for at_infinity: the limit's terms ({@link CommitteeClosure#label}); limitParams its
 *                          canonical parameters ({@link CommitteeClosure#canonicalParams}), limitTrainLoss and
 *                          limitGenExcess its L_N and E, approach and approachRate how L_N falls onto it
 * @param gd                GD's own fate at η, in the {@code runs} table's columns of the same names ({@code train
 *                          --json} lifts them into {@code run}: {@code run.gd_fate}, …)
 */
public record CommitteeRunSummary(int inputDim, String activation, int n, double sigma2, int hidden, long dataSeed, long initSeed,
                                  double eta, double initScale, long maxSteps, double inputStd, double[] teacher,
                                  String status, long steps, long gdSteps, long wallMs, double trainLoss, double genExcess,
                                  double gradNorm, String attractorKind, boolean certified, double[] attractor,
                                  double[] eigenvalues, int morseIndex, int nullDim, String singularity,
                                  double optTrainLoss, double optGradNorm, double optDistance,
                                  double minGenExcess, long minGenExcessStep, int plateaus, long plateauSteps,
                                  int symmetricPlateaus, long symmetricPlateauSteps, int nearOptimal,
                                  Long nearOptimalStep, String error, String infinityMechanism, String limitModel,
                                  double[] limitParams, double limitTrainLoss, double limitGenExcess, String approach,
                                  double approachRate, GdSummary gd) {
}
