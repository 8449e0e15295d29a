package saddlesweep.train;

/**
 * The hot loop of full-batch gradient descent: the empirical loss
 * {@code L_N(θ) = (1/2N) Σ_n (f(x_n; θ) − y_n)²} and its gradient, in one pass over the data.
 * Implementations are deterministic (the same sequence of calls gives the same bits out, on every thread and
 * machine) and not thread-safe (they own scratch space, and may keep the previous call's tanh values to
 * update them, see {@link TanhRefresh}).
 */
public interface GradientKernel {

    /**
     * Writes ∇L_N(θ) into {@code grad} (θ's layout: (w_1..w_H, v_1..v_H) for a scalar input, W row by row then v
     * for a committee machine) and returns L_N(θ). For a scalar input:
     * ∂L/∂v_i = (1/N) Σ_n r_n t_ni,  ∂L/∂w_i = (1/N) Σ_n r_n v_i x_n (1 − t_ni²),
     * with t_ni = tanh(w_i x_n) and r_n = f(x_n; θ) − y_n.
     */
    double lossAndGradient(double[] theta, double[] grad);

    /** Number of samples N. */
    int samples();
}
