-- The theorem for small data variance (jobs/data-variance.yaml): as the inputs narrow (smaller input_std),
-- the share of data sets whose runs all end at one attractor, compared in function space.
-- Needs the attractors columns fn_clustered, fn_distinct, fn_top_share, fn_top_runs (function-space clustering,
-- which also counts limits at infinity and points of a critical manifold as one function).
SELECT sweep, teacher, hidden, n, sigma2, input_std,
       count(*)                                                       AS data_sets,
       round(avg(fn_clustered), 2)                                    AS mean_runs_clustered,
       round(avg(fn_distinct), 2)                                     AS mean_distinct_functions,
       round(avg(fn_top_share), 3)                                    AS mean_top_share,
       round(avg(CASE WHEN fn_distinct = 1 THEN 1.0 ELSE 0.0 END), 3) AS share_single_attractor
FROM attractors
WHERE fn_clustered > 0
GROUP BY sweep, teacher, hidden, n, sigma2, input_std
ORDER BY sweep, teacher, hidden, n, sigma2, input_std DESC;
