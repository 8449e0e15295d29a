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
 * @param fnClustered   runs with a certified limit: these are clustered in function space
 * @param fnDistinct    number of distinct limit functions (population L² distance ≤ fn_cluster_tol, single linkage)
 * @param fnTopShare    share of fn_clustered runs in the largest cluster (null when none)
 * @param fnTopRuns     runs in the largest function-space cluster
 * @param fnTopLimitModel   forms of its representative limit (lowest L_N)
 * @param fnTopLimitParams  its parameters
 * @param fnTopLimitTrainLoss  L_N of that limit
 * @param fnTopLimitGenExcess  E of that limit
 * @param fnClusterTol  the function-space tolerance used
 */
public record AttractorRow(String sweep, int n, double sigma2, int hidden, long dataSeed,
                           String teacher, double[] teacherW, double[] teacherV, double inputStd, double eta,
                           double initScale, long runs,
                           long converged, int distinct, Double topShare, long topRuns, double[] topAttractor,
                           Double topTrainLoss, Double topGenExcess, Double optTrainLoss, double clusterTol,
                           long fnClustered, int fnDistinct, Double fnTopShare, long fnTopRuns, String fnTopLimitModel,
                           double[] fnTopLimitParams, Double fnTopLimitTrainLoss, Double fnTopLimitGenExcess,
                           double fnClusterTol)
        implements Serializable {
}
