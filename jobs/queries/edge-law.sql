-- The edge of stability's law: where the flow's output weights grow without bound (flow fate at_infinity), GD
-- at eta stops on a cycle at eta * lambda_max = 2, and its output weights grow as eta^(-1/2) (for a unit turning
-- linear, lambda_max ~ v^2 mean(x^2)). Per data set (teacher, N, sigma2, H, data_seed), over its runs that end
-- on a certified 2-cycle: the fitted exponent of the largest |v_i| against eta (least squares in logs; -0.5
-- predicted), over all of them and over their first decade of eta (min_eta to 10 min_eta: v largest, the law
-- asymptotic), the range of eta, and the sharpness at the orbit's mean. A 2-cycle born at the flip of a finite
-- minimum (flow fate finite or degenerate) has no such law and is left out.
WITH cycles AS (
    SELECT teacher, n, sigma2, hidden, data_seed, eta, gd_max_abs_v, gd_sharpness,
           min(eta) OVER (PARTITION BY teacher, n, sigma2, hidden, data_seed) AS first_eta
    FROM runs
    WHERE gd_fate = 'period_2' AND gd_certified AND gd_max_abs_v > 0 AND attractor_kind = 'at_infinity'
)
SELECT teacher, n, sigma2, hidden, data_seed,
       count(*)                                                                      AS cycles,
       count(DISTINCT eta)                                                           AS etas,
       min(eta)                                                                      AS min_eta,
       max(eta)                                                                      AS max_eta,
       round(regr_slope(ln(gd_max_abs_v), ln(eta)), 3)                               AS exponent,
       round(regr_slope(ln(gd_max_abs_v), ln(eta)) FILTER (WHERE eta <= 10 * first_eta), 3)
                                                                                     AS exponent_first_decade,
       round(avg(gd_sharpness), 6)                                                   AS mean_sharpness
FROM cycles
GROUP BY teacher, n, sigma2, hidden, data_seed
HAVING count(DISTINCT eta) >= 2
ORDER BY teacher, hidden, sigma2, n, data_seed;
