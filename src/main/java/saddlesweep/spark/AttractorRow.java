package saddlesweep.spark;

import java.io.Serializable;

/**
 * One row of the {@code attractors} table: for one data set (N, σ², H, data_seed, teacher, input_std) and
 * training setting (eta, init_scale) of a sweep, how its runs (its init seeds) ended modulo symmetry.
 *
 * @param teacher       the teacher's name ({@code teacher_w}, {@code teacher_v}: its weights)
 * @param runs          runs of the data set (all init seeds)
 * @param converged     runs with status {@code converged}; these are clustered
 * @param distinct      number of clusters of their canonical attractors (distance ≤ cluster_tol, single linkage)
 * @param topShare      share of the converged runs in the largest cluster (null when none converged)
 * @param topRuns       runs in the largest cluster
 * @param topAttractor  canonical θ representing the largest cluster (its member of lowest train loss)
 * @param topTrainLoss  L_N at that attractor
 * @param topGenExcess  E at that attractor
 * @param optTrainLoss  L_N(θ*) on this data set
 * @param clusterTol    the clustering tolerance used
 */
public record AttractorRow(String sweep, int n, double sigma2, int hidden, long dataSeed,
                           String teacher, double[] teacherW, double[] teacherV, double inputStd, double eta,
                           double initScale, long runs,
                           long converged, int distinct, Double topShare, long topRuns, double[] topAttractor,
                           Double topTrainLoss, Double topGenExcess, Double optTrainLoss, double clusterTol)
        implements Serializable {
}
