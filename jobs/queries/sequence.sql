-- The saddle-saddle-attractor sequence: per (teacher, sigma2, H), the share of runs with an origin plateau,
-- with a near-optimal point (the record of minimum E refined to a critical point), and what that point is
-- (saddle: Morse index >= 1; degenerate: a zero eigenvalue and no negative one; minimum), with the origin
-- plateau's measured escape against the linear law ln(c/eps)/ln(1 + eta |m|).
SELECT r.teacher, r.sigma2, r.hidden,
       count(*)                                                                  AS runs,
       round(avg(CASE WHEN o.task_id IS NOT NULL THEN 1.0 ELSE 0.0 END), 3)      AS share_origin_plateau,
       round(avg(o.step_exit / o.predicted_exit), 3)                             AS origin_exit_over_law,
       round(avg(CASE WHEN q.task_id IS NOT NULL THEN 1.0 ELSE 0.0 END), 3)      AS share_near_optimal,
       round(avg(CASE WHEN q.morse_index >= 1 THEN 1.0 WHEN q.task_id IS NOT NULL THEN 0.0 END), 3) AS near_optimal_saddle,
       round(avg(CASE WHEN q.morse_index = 0 AND q.null_dim > 0 THEN 1.0 WHEN q.task_id IS NOT NULL THEN 0.0 END), 3) AS near_optimal_degenerate,
       round(avg(CASE WHEN q.morse_index = 0 AND q.null_dim = 0 THEN 1.0 WHEN q.task_id IS NOT NULL THEN 0.0 END), 3) AS near_optimal_minimum
FROM runs r
LEFT JOIN (SELECT * FROM events WHERE kind = 'plateau' AND singularity = 'origin') o
       ON r.sweep = o.sweep AND r.task_id = o.task_id
LEFT JOIN (SELECT * FROM events WHERE kind = 'near_optimal' AND detector = 'min_gen_excess') q
       ON r.sweep = q.sweep AND r.task_id = q.task_id
WHERE r.status <> 'failed'
GROUP BY r.teacher, r.sigma2, r.hidden
ORDER BY r.teacher, r.hidden, r.sigma2;
