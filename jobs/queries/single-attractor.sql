-- Claim: for large N or small noise the overfitting region is a single attractor modulo symmetry.
-- Counted in function space, for the flow (eta -> 0) and for GD at the run's own eta side by side: two runs share
-- a flow attractor when their certified limit functions are within fn_cluster_tol in population L2 distance
-- (finite, degenerate and at-infinity limits alike), and a GD attractor when their certified GD orbits have as
-- many points and, in some phase, every point's function is within fn_cluster_tol (a fixed point, a cycle, or
-- the flow's limit where GD never leaves the flow's path). Only certified GD fates are clustered: the share of runs
-- whose GD fate is certified aperiodic and the share not certified (unresolved) are counted apart.
SELECT teacher, n, sigma2, hidden, eta,
       count(*)                                                          AS data_sets,
       sum(runs)                                                         AS runs,
       round(sum(fn_clustered) / sum(runs), 3)                           AS flow_share_clustered,
       round(avg(CASE WHEN fn_clustered > 0 THEN fn_distinct END), 2)    AS flow_mean_distinct,
       round(avg(CASE WHEN fn_clustered > 0 THEN CASE WHEN fn_distinct = 1 THEN 1.0 ELSE 0.0 END END), 3) AS flow_share_single,
       round(sum(gd_clustered) / sum(runs), 3)                           AS gd_share_clustered,
       round(avg(CASE WHEN gd_clustered > 0 THEN gd_distinct END), 2)    AS gd_mean_distinct,
       round(avg(CASE WHEN gd_clustered > 0 THEN CASE WHEN gd_distinct = 1 THEN 1.0 ELSE 0.0 END END), 3) AS gd_share_single,
       round(sum(gd_aperiodic) / sum(runs), 3)                           AS gd_share_aperiodic,
       round(sum(gd_uncertified) / sum(runs), 3)                         AS gd_share_uncertified
FROM attractors
GROUP BY teacher, n, sigma2, hidden, eta
ORDER BY teacher, hidden, sigma2, n, eta;
