-- Claim: for large N or small noise the overfitting region is a single attractor modulo symmetry.
-- Distinct attractors per data set and the share of runs in the largest cluster, per (teacher, N, sigma2, H).
SELECT teacher, n, sigma2, hidden,
       count(*)                    AS data_sets,
       round(avg(distinct), 2)     AS mean_distinct_attractors,
       round(avg(top_share), 3)    AS mean_top_share,
       round(avg(CASE WHEN distinct = 1 THEN 1.0 ELSE 0.0 END), 3) AS share_single_attractor
FROM attractors
WHERE converged > 0
GROUP BY teacher, n, sigma2, hidden
ORDER BY teacher, hidden, sigma2, n;
