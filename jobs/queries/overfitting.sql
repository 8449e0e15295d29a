-- Claim: trained on finite noisy data, an MLP cannot converge to the theoretical optimum theta*;
-- it converges to an overfitting solution with a lower training loss than theta* (expected share: 1).
-- theta* is not even a fixed point: |grad L_N(theta*)| > 0 for sigma2 > 0.
SELECT teacher, n, sigma2, hidden,
       count(*)                                                            AS runs,
       round(avg(CASE WHEN train_loss < opt_train_loss THEN 1.0 ELSE 0.0 END), 3) AS share_below_opt_train_loss,
       round(avg(CASE WHEN gen_excess > opt_gen_excess THEN 1.0 ELSE 0.0 END), 3) AS share_above_opt_gen_excess,
       round(avg(CASE WHEN limit_train_loss < opt_train_loss THEN 1.0 WHEN certified THEN 0.0 END), 3) AS share_limit_below_opt_train_loss,
       avg(opt_grad_norm)                                                  AS mean_opt_grad_norm
FROM runs
WHERE sigma2 > 0 AND attractor_kind IN ('finite', 'degenerate', 'at_infinity')
GROUP BY teacher, n, sigma2, hidden
ORDER BY teacher, hidden, sigma2, n;
