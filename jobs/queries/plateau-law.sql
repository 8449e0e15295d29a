-- The plateau at the origin theta = 0 (jobs/plateau-law.yaml): its measured escape against the linear escape law.
-- Near theta = 0 the Hessian of L_N has, per unit, the eigenvalue -|m| (m = mean(x y)), so from theta_0 = eps z
-- the run leaves after predicted_exit = ln(c/eps)/ln(1 + eta |m|) steps; step_exit is where it really leaves.
-- Needs the events columns predicted_exit and escape_eigenvalue (kind = 'plateau', singularity = 'origin').

-- 1. Measured against predicted, per setting (ratio ~ 1), and the share of runs with an origin plateau.
SELECT r.sweep, r.teacher, r.hidden, r.eta, r.init_scale,
       count(*)                                               AS runs,
       count(e.task_id)                                       AS with_origin_plateau,
       round(avg(e.step_exit), 1)                             AS mean_step_exit,
       round(avg(e.predicted_exit), 1)                        AS mean_predicted_exit,
       round(avg(e.step_exit / e.predicted_exit), 3)          AS mean_ratio,
       round(stddev(e.step_exit / e.predicted_exit), 3)       AS sd_ratio,
       avg(e.escape_eigenvalue)                               AS mean_escape_eigenvalue
FROM runs r
LEFT JOIN (SELECT * FROM events WHERE kind = 'plateau' AND singularity = 'origin') e
       ON r.sweep = e.sweep AND r.task_id = e.task_id
WHERE r.status <> 'failed'
GROUP BY r.sweep, r.teacher, r.hidden, r.eta, r.init_scale
ORDER BY r.sweep, r.teacher, r.hidden, r.eta, r.init_scale DESC;

-- 2. The law's shape: for one run's data, eta and direction z, step_exit is linear in ln(1/init_scale) with slope
--    1/ln(1 + eta |lambda|): slope * ln(1 + eta |escape_eigenvalue|) ~ 1, whatever eta.
SELECT sweep, teacher, hidden, eta,
       count(*)                                                AS lines,
       round(avg(slope * ln(1 + eta * abs(lambda))), 3)        AS mean_slope_times_rate,
       round(min(slope * ln(1 + eta * abs(lambda))), 3)        AS min_slope_times_rate,
       round(max(slope * ln(1 + eta * abs(lambda))), 3)        AS max_slope_times_rate,
       round(min(r2), 4)                                       AS min_r2
FROM (
  SELECT r.sweep, r.teacher, r.hidden, r.n, r.sigma2, r.data_seed, r.init_seed, r.eta,
         regr_slope(e.step_exit, ln(1 / r.init_scale)) AS slope,
         regr_r2(e.step_exit, ln(1 / r.init_scale))    AS r2,
         avg(e.escape_eigenvalue)                      AS lambda
  FROM runs r
  JOIN events e ON r.sweep = e.sweep AND r.task_id = e.task_id
  WHERE e.kind = 'plateau' AND e.singularity = 'origin' AND r.init_scale > 0
  GROUP BY r.sweep, r.teacher, r.hidden, r.n, r.sigma2, r.data_seed, r.init_seed, r.eta
  HAVING count(*) >= 3
) fits
GROUP BY sweep, teacher, hidden, eta
ORDER BY sweep, teacher, hidden, eta;
