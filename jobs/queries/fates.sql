-- Where every run really goes (DESIGN "Fates"): per (teacher, N, sigma2, H), runs by attractor kind and
-- mechanism, the certified share, and the share of runs whose flow tail passed where GD at this eta turns
-- unstable (gd_unstable_step not null: eta * lambda_max >= 2, as units whose output weights grow make the
-- curvature grow as v^2; from there the fate is the flow's, not GD's at this eta).
SELECT teacher, n, sigma2, hidden, attractor_kind, coalesce(infinity_mechanism, '') AS mechanism,
       count(*)                                                   AS runs,
       round(avg(CASE WHEN certified THEN 1.0 ELSE 0.0 END), 3)   AS certified_share,
       round(avg(CASE WHEN gd_unstable_step IS NOT NULL THEN 1.0 ELSE 0.0 END), 3) AS unstable_share,
       round(avg(log10(steps)), 1)                                AS mean_log10_steps,
       max(approach)                                              AS approach
FROM runs
GROUP BY teacher, n, sigma2, hidden, attractor_kind, coalesce(infinity_mechanism, '')
ORDER BY teacher, hidden, sigma2, n, attractor_kind, mechanism;
