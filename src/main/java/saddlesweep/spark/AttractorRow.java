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
 * @param gdClustered   runs whose GD fate at their η is certified on an attractor (fixed point, cycle, or the flow's
 *                      limit when GD shares the flow's fate): these are clustered in function space (a committee
 *                      machine's, d &gt; 1: in parameters, canonical end points or orbits within cluster_tol; its
 *                      gd_top_orbit for a flow fate is the flow's end point)
 * @param gdDistinct    number of distinct GD attractors (two orbits are one when their points' functions match
 *                      within fn_cluster_tol in some phase)
 * @param gdTopShare    share of gd_clustered runs in the largest cluster (null when none)
 * @param gdTopRuns     runs in it
 * @param gdTopFate     its GD fate (flow, fixed_point, period_k)
 * @param gdTopOrbit    its representative's canonical orbit (runs.gd_orbit; null for flow)
 * @param gdTopTrainLoss  mean L_N on that orbit
 * @param gdTopGenExcess  mean E on that orbit
 * @param gdAperiodic   runs whose GD fate is certified aperiodic (chaos or a relaxation oscillation: no orbit to cluster)
 * @param gdUncertified runs whose GD fate is not certified (unresolved, or the flow's fate uncertified): counted
 *                      apart, never in a cluster; runs = gd_clustered + gd_aperiodic + gd_uncertified + diverged
 */
public record AttractorRow(String sweep, int n, double sigma2, int hidden, long dataSeed,
                           String teacher, double[] teacherW, double[] teacherV, double inputStd, double eta,
                           double initScale, long runs,
                           long converged, int distinct, Double topShare, long topRuns, double[] topAttractor,
                           Double topTrainLoss, Double topGenExcess, Double optTrainLoss, double clusterTol,
                           long fnClustered, int fnDistinct, Double fnTopShare, long fnTopRuns, String fnTopLimitModel,
                           double[] fnTopLimitParams, Double fnTopLimitTrainLoss, Double fnTopLimitGenExcess,
                           double fnClusterTol, long gdClustered, int gdDistinct, Double gdTopShare, long gdTopRuns,
                           String gdTopFate, double[] gdTopOrbit, Double gdTopTrainLoss, Double gdTopGenExcess,
                           long gdAperiodic, long gdUncertified)
        implements Serializable {
}
