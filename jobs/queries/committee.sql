-- The committee machine by input dimension d (= size(teacher_w) / size(teacher_v)), eta, H and sigma2: how many
-- runs pass the origin plateau and the symmetric plateau (a plateau at a saddle of the overlap set, index >= 1, its
-- dip before GD turns unstable: past the edge GD's oscillation keeps |grad L_N| up, which reads as a plateau) and
-- its mean length (to the exit its escape law predicts), how many end certified, how many overfit with noise (below
-- L_N(theta*) and above E(theta*) = 0), and GD's own fate: the flow's (GD stable all along), a cycle, or other.
SELECT CAST(size(r.teacher_w) / size(r.teacher_v) AS INT)                        AS input_dim,
       r.eta, r.hidden, r.sigma2,
       count(*)                                                                  AS runs,
       round(avg(CASE WHEN o.task_id IS NOT NULL THEN 1.0 ELSE 0.0 END), 3)      AS share_origin_plateau,
       round(avg(CASE WHEN s.task_id IS NOT NULL THEN 1.0 ELSE 0.0 END), 3)      AS share_symmetric_plateau,
       round(avg(s.steps), 1)                                                    AS mean_symmetric_steps,
       round(avg(CASE WHEN r.certified THEN 1.0 ELSE 0.0 END), 3)                AS share_certified,
       round(avg(CASE WHEN r.sigma2 > 0 AND r.train_loss < r.opt_train_loss AND r.gen_excess > r.opt_gen_excess
                      THEN 1.0 WHEN r.sigma2 > 0 THEN 0.0 END), 3)               AS share_overfit,
       sum(CASE WHEN r.gd_fate = 'flow' THEN 1 ELSE 0 END)                       AS gd_flow,
       sum(CASE WHEN r.gd_fate = 'fixed_point' OR r.gd_fate LIKE 'period_%' THEN 1 ELSE 0 END)  AS gd_cycle,
       sum(CASE WHEN r.gd_fate IN ('aperiodic', 'diverged', 'unresolved') THEN 1 ELSE 0 END)     AS gd_other
FROM runs r
LEFT JOIN (SELECT * FROM events WHERE kind = 'plateau' AND singularity = 'origin') o
       ON r.sweep = o.sweep AND r.task_id = o.task_id
LEFT JOIN (SELECT e.sweep, e.task_id,
                  min(coalesce(e.predicted_exit, e.step_exit) - e.step_enter) AS steps
           FROM events e JOIN runs u ON e.sweep = u.sweep AND e.task_id = u.task_id
           WHERE e.kind = 'plateau' AND e.singularity = 'overlap' AND e.morse_index >= 1
             AND (u.gd_unstable_step IS NULL OR e.step_dip < u.gd_unstable_step)   -- while GD follows the flow
           GROUP BY e.sweep, e.task_id) s
       ON r.sweep = s.sweep AND r.task_id = s.task_id
WHERE r.status <> 'failed' AND size(r.teacher_w) > size(r.teacher_v)
GROUP BY 1, r.eta, r.hidden, r.sigma2
ORDER BY 1, r.eta, r.hidden, r.sigma2;
