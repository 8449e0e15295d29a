-- Claim: learning passes through plateaus and near-optimal saddles.
-- Share of runs with at least one plateau / near-optimal slow passage, per teacher and student width H,
-- and the mean Morse index of the saddles met there (>= 1: they are saddles, not minima).
SELECT r.teacher, r.hidden,
       count(*)                                                  AS runs,
       round(avg(CASE WHEN r.plateaus > 0 THEN 1.0 ELSE 0.0 END), 3)     AS share_with_plateau,
       round(avg(CASE WHEN r.near_optimal > 0 THEN 1.0 ELSE 0.0 END), 3) AS share_with_near_optimal,
       round(avg(e.plateau_index), 2)                            AS mean_plateau_index,
       round(avg(e.near_optimal_index), 2)                       AS mean_near_optimal_index
FROM runs r
LEFT JOIN (
  SELECT sweep, task_id,
         avg(CASE WHEN kind = 'plateau' THEN morse_index END)      AS plateau_index,
         avg(CASE WHEN kind = 'near_optimal' THEN morse_index END) AS near_optimal_index
  FROM events WHERE refined GROUP BY sweep, task_id
) e ON r.sweep = e.sweep AND r.task_id = e.task_id
WHERE r.status <> 'failed'
GROUP BY r.teacher, r.hidden
ORDER BY r.teacher, r.hidden;
