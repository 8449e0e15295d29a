-- The theorem for small data variance (jobs/data-variance.yaml), on the attractors of converged runs only
-- (runs on any results; data-variance.sql compares all runs in function space once that table has the fn_ columns).

-- 1. Per input_std: the share of data sets whose converged runs all reached one attractor (modulo symmetry).
SELECT sweep, teacher, hidden, n, sigma2, input_std,
       count(*)                                                          AS data_sets,
       sum(CASE WHEN converged > 0 THEN 1 ELSE 0 END)                    AS with_converged_runs,
       round(avg(converged / runs), 3)                                   AS share_runs_converged,
       round(avg(CASE WHEN converged > 0 THEN `distinct` END), 2)        AS mean_distinct,
       round(avg(top_share), 3)                                          AS mean_top_share,
       round(avg(CASE WHEN converged > 0 THEN (CASE WHEN `distinct` = 1 THEN 1.0 ELSE 0.0 END) END), 3)
                                                                         AS share_single_attractor
FROM attractors
GROUP BY sweep, teacher, hidden, n, sigma2, input_std
ORDER BY sweep, teacher, hidden, n, sigma2, input_std DESC;

-- 2. How the runs ended, per input_std: narrow inputs make tanh nearly linear, and the spare unit's fate changes.
SELECT sweep, teacher, hidden, input_std, attractor_kind, count(*) AS runs
FROM runs
GROUP BY sweep, teacher, hidden, input_std, attractor_kind
ORDER BY sweep, teacher, hidden, input_std DESC, attractor_kind;
