-- The plateau at the origin (jobs/plateau-law.yaml), measured on the trajectory table alone (runs on any results).
-- The escape step is the first recorded step where L_N has fallen to half its value at step 0. The linear escape
-- law ln(c/eps)/ln(1 + eta |m|) says: for one data set, eta and direction z of theta_0 = eps z (one init seed),
-- escape = (ln c' + ln(1/eps)) / ln(1 + eta |m|), a straight line in ln(1/eps) with slope s, whose growth rate
-- |m| = (exp(1/s) - 1) / eta is a property of the data set (m = mean(x y)) and must not depend on eta.

-- 1. Per setting: the mean escape step.
WITH start AS (
  SELECT sweep, task_id, train_loss AS loss0 FROM trajectory WHERE step = 0
), escape AS (
  SELECT t.sweep, t.task_id, min(t.step) AS escape_step
  FROM trajectory t JOIN start s ON t.sweep = s.sweep AND t.task_id = s.task_id
  WHERE t.train_loss <= 0.5 * s.loss0
  GROUP BY t.sweep, t.task_id
)
SELECT r.teacher, r.hidden, r.eta, r.init_scale,
       count(*)                                   AS runs,
       round(avg(e.escape_step), 1)               AS mean_escape_step,
       min(e.escape_step)                         AS min_escape_step,
       max(e.escape_step)                         AS max_escape_step
FROM runs r JOIN escape e ON r.sweep = e.sweep AND r.task_id = e.task_id
WHERE r.init_scale > 0
GROUP BY r.teacher, r.hidden, r.eta, r.init_scale
ORDER BY r.teacher, r.hidden, r.eta, r.init_scale DESC;

-- 2. Per data set: the growth rate |m| implied by each eta's line (one line per init seed, averaged).
--    The law holds when |m| agrees across eta (spread ~ 1) and each line is straight (r2 ~ 1).
WITH start AS (
  SELECT sweep, task_id, train_loss AS loss0 FROM trajectory WHERE step = 0
), escape AS (
  SELECT t.sweep, t.task_id, min(t.step) AS escape_step
  FROM trajectory t JOIN start s ON t.sweep = s.sweep AND t.task_id = s.task_id
  WHERE t.train_loss <= 0.5 * s.loss0
  GROUP BY t.sweep, t.task_id
), fits AS (
  SELECT r.sweep, r.teacher, r.hidden, r.n, r.sigma2, r.input_std, r.data_seed, r.init_seed, r.eta,
         regr_slope(e.escape_step, ln(1 / r.init_scale)) AS slope,
         regr_r2(e.escape_step, ln(1 / r.init_scale))    AS r2
  FROM runs r JOIN escape e ON r.sweep = e.sweep AND r.task_id = e.task_id
  WHERE r.init_scale > 0
  GROUP BY r.sweep, r.teacher, r.hidden, r.n, r.sigma2, r.input_std, r.data_seed, r.init_seed, r.eta
  HAVING count(*) >= 3
), rates AS (
  SELECT sweep, teacher, hidden, n, sigma2, input_std, data_seed, eta,
         avg((exp(1 / slope) - 1) / eta) AS growth_m,
         min(r2)                         AS min_r2
  FROM fits GROUP BY sweep, teacher, hidden, n, sigma2, input_std, data_seed, eta
)
SELECT teacher, hidden, n, sigma2, input_std, data_seed,
       count(*)                               AS etas,
       round(min(growth_m), 4)                AS min_growth_m,
       round(max(growth_m), 4)                AS max_growth_m,
       round(max(growth_m) / min(growth_m), 3) AS spread,
       round(min(min_r2), 4)                  AS min_r2
FROM rates
GROUP BY teacher, hidden, n, sigma2, input_std, data_seed
ORDER BY teacher, hidden, n, sigma2, input_std, data_seed;
