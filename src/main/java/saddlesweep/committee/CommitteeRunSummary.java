package saddlesweep.committee;

import saddlesweep.run.GdSummary;

/**
 * What {@code train} reports of a committee-machine run (the names are the JSON's, in snake_case). θ-valued
 * fields hold W row by row, then v; points are canonical ({@link CommitteeSymmetry}).
 *
 * @param gdSteps           plain GD's steps (the flow tail, if any, started there)
 * @param status            {@code converged} (‖∇L_N‖ ≤ grad_tol), {@code budget} or {@code diverged}
 * @param attractorKind     {@code finite} (an isolated minimum, Newton-polished), {@code degenerate} (a minimum on a
 *                          critical manifold), or {@code unresolved} (the flow had not settled at a minimum;
 *                          limits at infinity are not yet analysed for d &gt; 1)
 * @param optTrainLoss      L_N(θ*), with θ* the teacher's units and H − H* idle ones (NaN for H &lt; H*); likewise
 *                          optGradNorm = ‖∇L_N(θ*)‖ and optDistance, the canonical distance from the end point to θ*
 * @param symmetricPlateaus plateau visits at a saddle on the overlap set w_i = ±w_j (Saad and Solla's symmetric
 *                          plateau), and the steps they took: from the visit's first record to the exit its escape
 *                          law predicts ({@link CommitteePipeline#symmetricSteps})
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
                                  Long nearOptimalStep, String error, GdSummary gd) {
}
