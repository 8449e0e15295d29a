-- The plateau at the origin (jobs/plateau-law.yaml), measured on the trajectory table alone (runs on any results).
-- The escape step is where L_N first falls to half its value at step 0, interpolated in log L_N between the
-- two records around it. The linear escape law ln(c/eps)/ln(1 + eta |m|) says: for one data set, eta and
-- direction z of theta_0 = eps z (one init seed), escape = (ln c' + ln(1/eps)) / ln(1 + eta |m|), a straight
-- line in ln(1/eps) with slope s, whose growth rate |m| = (exp(1/s) - 1) / eta is a property of the data set
-- (m = mean(x y)) and must not depend on eta.
CREATE OR REPLACE TEMPORARY VIEW origin_escape AS
WITH steps AS (
  SELECT t.sweep, t.task_id, t.step, t.train_loss,
         first_value(t.train_loss) OVER w AS loss0,
         lag(t.step) OVER w               AS prev_step,
         lag(t.train_loss) OVER w         AS prev_loss
  FROM trajectory t
  WINDOW w AS (PARTITION BY t.sweep, t.task_id ORDER BY t.step)
), below AS (
  SELECT *, row_number() OVER (PARTITION BY sweep, task_id ORDER BY step) AS k
  FROM steps WHERE train_loss <= 0.5 * loss0 AND prev_step IS NOT NULL
)
SELECT sweep, task_id,
       prev_step + (step - prev_step) * ln(prev_loss / (0.5 * loss0)) / ln(prev_loss / train_loss) AS escape_step
FROM below WHERE k = 1;

-- 1. Per setting: the escape step (it grows by ln(10)/ln(1 + eta |m|) per decade of init_scale).
SELECT r.sweep, r.teacher, r.hidden, r.eta, r.init_scale,
       count(*)                         AS runs,
       round(avg(e.escape_step), 1)     AS mean_escape_step,
       round(min(e.escape_step), 1)     AS min_escape_step,
       round(max(e.escape_step), 1)     AS max_escape_step
FROM runs r JOIN origin_escape e ON r.sweep = e.sweep AND r.task_id = e.task_id
WHERE r.init_scale > 0
GROUP BY r.sweep, r.teacher, r.hidden, r.eta, r.init_scale
ORDER BY r.sweep, r.teacher, r.hidden, r.eta, r.init_scale DESC;

-- 2. Per data set: the growth rate |m| implied by each eta's lines (one line per init seed, averaged).
--    The law holds when |m| agrees across eta (spread ~ 1) and each line is straight (r2 ~ 1).
WITH fits AS (
  SELECT r.sweep, r.teacher, r.hidden, r.n, r.sigma2, r.input_std, r.data_seed, r.init_seed, r.eta,
         regr_slope(e.escape_step, ln(1 / r.init_scale)) AS slope,
         regr_r2(e.escape_step, ln(1 / r.init_scale))    AS r2
  FROM runs r JOIN origin_escape e ON r.sweep = e.sweep AND r.task_id = e.task_id
  WHERE r.init_scale > 0
  GROUP BY r.sweep, r.teacher, r.hidden, r.n, r.sigma2, r.input_std, r.data_seed, r.init_seed, r.eta
  HAVING count(*) >= 3
), rates AS (
  SELECT sweep, teacher, hidden, n, sigma2, input_std, data_seed, eta,
         avg((exp(1 / slope) - 1) / eta) AS growth_m,
         min(r2)                         AS min_r2
  FROM fits GROUP BY sweep, teacher, hidden, n, sigma2, input_std, data_seed, eta
)
SELECT sweep, teacher, hidden, n, sigma2, input_std, data_seed,
       count(*)                                AS etas,
       round(min(growth_m), 4)                 AS min_growth_m,
       round(max(growth_m), 4)                 AS max_growth_m,
       round(max(growth_m) / min(growth_m), 4) AS spread,
       round(min(min_r2), 6)                   AS min_r2
FROM rates
GROUP BY sweep, teacher, hidden, n, sigma2, input_std, data_seed
HAVING count(*) >= 2
ORDER BY sweep, teacher, hidden, n, sigma2, input_std, data_seed;
