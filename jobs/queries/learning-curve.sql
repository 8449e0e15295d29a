-- Classical learning-curve theory for the regular realizable case (H = H*, distinct teacher units):
-- E(attractor) ~ (sigma2/2)(2H)/N on average, so N * gen_excess / sigma2 ~ H and the ratio below ~ 1.
SELECT teacher, n, sigma2, hidden,
       count(*)                                        AS runs,
       avg(n * gen_excess / sigma2)                    AS n_gen_excess_over_sigma2,
       round(avg(n * gen_excess / sigma2) / hidden, 3) AS ratio_to_theory,
       round(stddev(n * gen_excess / sigma2) / sqrt(count(*)) / hidden, 3) AS ratio_std_error
FROM runs
WHERE sigma2 > 0 AND hidden = size(teacher_w) AND attractor_kind IN ('finite', 'degenerate')
GROUP BY teacher, n, sigma2, hidden
ORDER BY teacher, hidden, sigma2, n;
