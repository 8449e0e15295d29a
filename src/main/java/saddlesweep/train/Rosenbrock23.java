package saddlesweep.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The L-stable, linearly implicit Rosenbrock method of Shampine &amp; Reichelt (MATLAB's ode23s) for a stiff
 * autonomous system y' = F(y) with exact Jacobian J, order 2 with an order-3 error estimate. One step of size h:
 * <pre>
 * W  = I − h d J,  d = 1/(2 + √2),  e32 = 6 + √2
 * k1 = W⁻¹ F(y)
 * k2 = W⁻¹ (F(y + h k1/2) − k1) + k1
 * y₊ = y + h k2
 * k3 = W⁻¹ (F(y₊) − e32 (k2 − F(y + h k1/2)) − 2 (k1 − F(y)))
 * err = h (k1 − 2 k2 + k3) / 6
 * </pre>
 * A step is accepted when max_i |err_i| / (atol + rtol·max(|y_i|, |y₊_i|)) ≤ 1; the next h is scaled by
 * 0.8·err^(−1/3), within [0.2, 5]. F(y₊) and J(y₊) are reused by the next step (one F and J evaluation per
 * stage after the first, two per step).
 */
public final class Rosenbrock23 {

    private static final double D = 1 / (2 + Math.sqrt(2));
    private static final double E32 = 6 + Math.sqrt(2);

    private final VectorField field;
    private final double rtol;
    private final double atol;
    private final int n;
    private final LinearSolverDense<DMatrixRMaj> solver;
    private final DMatrixRMaj w;

    private double t;
    private double[] y;
    private double[] f;
    private double[] jac;
    private double h;
    private long evaluations;
    private long jacobians;
    private long steps;
    private long rejected;

    /**
     * @param t0  initial time
     * @param y0  initial state
     * @param h0  first step size to try
     */
    public Rosenbrock23(VectorField field, double rtol, double atol, double t0, double[] y0, double h0) {
        this.field = field;
        this.rtol = rtol;
        this.atol = atol;
        this.n = field.dimension();
        this.solver = LinearSolverFactory_DDRM.lu(n);
        this.w = new DMatrixRMaj(n, n);
        this.t = t0;
        this.y = y0.clone();
        this.f = new double[n];
        this.jac = new double[n * n];
        if (!field.evaluate(y, f, jac)) throw new ArithmeticException("non-finite field at the start");
        evaluations++;
        jacobians++;
        this.h = h0;
    }

    public double time() {
        return t;
    }

    public double[] state() {
        return y.clone();
    }

    /** Number of F evaluations so far. */
    public long evaluations() {
        return evaluations;
    }

    /** Number of those evaluations that also gave the Jacobian (one per step attempt that got that far). */
    public long jacobians() {
        return jacobians;
    }

    /** The step size the next step will try. */
    public double stepSize() {
        return h;
    }

    public long steps() {
        return steps;
    }

    public long rejected() {
        return rejected;
    }

    /**
     * Takes one accepted step of size at most hMax. Returns false when the field became non-finite or
     * the step size underflowed (the state is then left at the last accepted point).
     */
    public boolean step(double hMax) {
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] mid = new double[n];
        double[] yNew = new double[n];
        double[] f1 = new double[n];
        double[] fNew = new double[n];
        double[] jNew = new double[n * n];
        for (int attempt = 0; attempt < 60; attempt++) {
            double hh = Math.min(h, hMax);
            if (!(hh > Math.ulp(t) * 16)) return false;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) w.unsafe_set(i, j, (i == j ? 1 : 0) - hh * D * jac[i * n + j]);
            }
            if (!solver.setA(w)) {
                h = hh * 0.25;
                rejected++;
                continue;
            }
            solve(f, k1);
            for (int i = 0; i < n; i++) mid[i] = y[i] + 0.5 * hh * k1[i];
            evaluations++;
            if (!field.evaluate(mid, f1, null)) {
                h = hh * 0.25;
                rejected++;
                continue;
            }
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) rhs[i] = f1[i] - k1[i];
            solve(rhs, k2);
            for (int i = 0; i < n; i++) {
                k2[i] += k1[i];
                yNew[i] = y[i] + hh * k2[i];
            }
            evaluations++;
            jacobians++;
            if (!field.evaluate(yNew, fNew, jNew)) {
                h = hh * 0.25;
                rejected++;
                continue;
            }
            for (int i = 0; i < n; i++) rhs[i] = fNew[i] - E32 * (k2[i] - f1[i]) - 2 * (k1[i] - f[i]);
            solve(rhs, k3);
            double err = 0;
            for (int i = 0; i < n; i++) {
                double e = hh / 6 * (k1[i] - 2 * k2[i] + k3[i]);
                double scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
                err = Math.max(err, Math.abs(e) / scale);
            }
            if (!Double.isFinite(err)) {
                h = hh * 0.25;
                rejected++;
                continue;
            }
            double factor = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.8 * Math.pow(err, -1.0 / 3)));
            if (err <= 1) {
                t += hh;
                y = yNew;
                f = fNew;
                jac = jNew;
                h = hh * factor;
                steps++;
                return true;
            }
            h = hh * factor;
            rejected++;
        }
        return false;
    }

    /**
     * Moves the current state to y (same time), re-evaluating F and J; the step size is kept. Returns false
     * when F(y) is not finite (the state is then unchanged).
     */
    public boolean reset(double[] newY) {
        double[] fNew = new double[n];
        double[] jNew = new double[n * n];
        evaluations++;
        jacobians++;
        if (!field.evaluate(newY, fNew, jNew)) return false;
        y = newY.clone();
        f = fNew;
        jac = jNew;
        return true;
    }

    private void solve(double[] rhs, double[] out) {
        DMatrixRMaj b = DMatrixRMaj.wrap(n, 1, rhs.clone());
        DMatrixRMaj x = DMatrixRMaj.wrap(n, 1, out);
        solver.solve(b, x);
    }
}
