-- Claim: for large N or small noise the overfitting region is a single attractor modulo symmetry.
-- Counted in function space: two runs share an attractor when their certified limit functions are within
-- fn_cluster_tol in population L2 distance (finite, degenerate and at-infinity limits alike).
SELECT teacher, n, sigma2, hidden,
       count(*)                                                         AS data_sets,
       sum(runs)                                                        AS runs,
       round(sum(fn_clustered) / sum(runs), 3)                          AS share_clustered,
       round(avg(fn_distinct), 2)                                       AS mean_distinct_functions,
       round(avg(fn_top_share), 3)                                      AS mean_top_share,
       round(avg(CASE WHEN fn_distinct = 1 THEN 1.0 ELSE 0.0 END), 3)   AS share_single_attractor
FROM attractors
WHERE fn_clustered > 0
GROUP BY teacher, n, sigma2, hidden
ORDER BY teacher, hidden, sigma2, n;
