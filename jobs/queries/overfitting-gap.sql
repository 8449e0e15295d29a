-- The overfitting gap: E at the attractor minus the minimum of E along the run (what early stopping
-- would have saved), per (teacher, N, sigma2), with the step of that minimum.
SELECT teacher, n, sigma2,
       count(*)                                 AS runs,
       avg(gen_excess - min_gen_excess)         AS mean_gap,
       avg((gen_excess - min_gen_excess) / nullif(gen_excess, 0)) AS mean_relative_gap,
       percentile_approx(min_gen_step, 0.5)     AS median_early_stopping_step
FROM runs
WHERE status <> 'failed' AND sigma2 > 0
GROUP BY teacher, n, sigma2
ORDER BY teacher, sigma2, n;
