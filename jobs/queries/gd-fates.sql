-- GD's own fate at its eta (runs.gd_fate) beside the flow's fate (runs.attractor_kind, the limit eta -> 0),
-- per (teacher, N, sigma2, H, eta): how many runs end where, how many of GD's fates are certified (a statement
-- about plain GD's own iterates; the rest are 'unresolved', never counted as a fate), from which start plain GD
-- was followed (theta0, record, handover, catapult), the share of runs whose GD fate differs from the flow's, and,
-- over GD's cycles, the sharpness eta * lambda_max at the orbit's mean (the edge of stability: 2), its largest
-- multiplier and the mean L_N on the orbit against the flow limit's. For unresolved runs: how many were seen
-- circling a cycle (bursts) when their budget ran out, and the settling times those bursts spanned.
SELECT teacher, n, sigma2, hidden, eta, attractor_kind AS flow_fate, gd_fate,
       count(*)                                                          AS runs,
       sum(CASE WHEN gd_certified THEN 1 ELSE 0 END)                     AS gd_certified,
       sum(CASE WHEN gd_certified THEN 0 ELSE 1 END)                     AS gd_not_certified,
       sum(CASE WHEN gd_start = 'theta0' THEN 1 ELSE 0 END)              AS from_theta0,
       round(avg(CASE WHEN gd_fate <> 'flow' THEN 1.0 ELSE 0.0 END), 3)  AS share_gd_differs,
       round(min(gd_sharpness), 6)                                       AS min_sharpness,
       round(max(gd_sharpness), 6)                                       AS max_sharpness,
       max(gd_multiplier)                                                AS max_multiplier,
       avg(CASE WHEN gd_certified THEN gd_train_loss END)                AS mean_gd_train_loss,
       avg(limit_train_loss)                                             AS mean_flow_limit_train_loss,
       sum(CASE WHEN gd_fate = 'unresolved' AND gd_bursts > 0 THEN 1 ELSE 0 END) AS unresolved_seen_circling,
       round(max(CASE WHEN gd_fate = 'unresolved' THEN gd_burst_span END), 2)     AS unresolved_max_burst_span
FROM runs
GROUP BY teacher, n, sigma2, hidden, eta, attractor_kind, gd_fate
ORDER BY teacher, hidden, sigma2, n, eta, flow_fate, gd_fate;
