package saddlesweep.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The variable-order numerical differentiation formulas of Shampine &amp; Reichelt (MATLAB's ode15s, scipy's
 * {@code BDF}), orders 1 to 5, for a stiff autonomous system y' = F(y) with its Jacobian J: quasi-constant step
 * size in the backward-difference form (D[j] = ∇^j y_n on a grid of spacing h), a simplified Newton iteration
 * with the LU of I − c·J (c = h/α_k), J reused across steps while Newton converges and re-evaluated (at the
 * predictor) when it does not; where even that fails, full Newton with J at every iterate,
 * before the step is halved. One step of order k:
 * <pre>
 * y⁽⁰⁾ = Σ_{j≤k} D[j],  ψ = Σ_{1≤j≤k} γ_j D[j] / α_k,  solve  (y − y⁽⁰⁾) + ψ = c·F(y)
 * err = (κ_k γ_k + 1/(k+1)) · (y − y⁽⁰⁾),   γ_k = Σ_{j≤k} 1/j,  α_k = (1 − κ_k) γ_k
 * </pre>
 * with κ = (−0.1850, −1/9, −0.0823, −0.0415, 0). A step is accepted when
 * max_i |err_i| / (atol + rtol·|y_i| + c·ρ_i) ≤ 1, with ρ_i the field's own estimate of the rounding in F_i
 * ({@link VectorField#rounding}, noise factor 1): the error control does not chase rounding once the motion per
 * step is at its level. After k + 1 steps of one size the order moves by at most one to the order that allows
 * the largest next step. Between the last two steps the solution is the interpolating polynomial of D
 * ({@link #interpolate}).
 */
public final class Ndf {

    static final int MAX_ORDER = 5;
    private static final int NEWTON_MAXITER = 4;
    private static final int FULL_NEWTON_MAXITER = 8;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 10;
    /** Newton failures (each halving h) within one step after which {@link #step} gives up. */
    private static final int MAX_NEWTON_FAILURES = 10;
    private static final double[] KAPPA = {0, -0.1850, -1.0 / 9, -0.0823, -0.0415, 0};
    private static final double[] GAMMA = new double[MAX_ORDER + 1];
    private static final double[] ALPHA = new double[MAX_ORDER + 1];
    private static final double[] ERROR_CONST = new double[MAX_ORDER + 2];

    static {
        for (int k = 1; k <= MAX_ORDER; k++) GAMMA[k] = GAMMA[k - 1] + 1.0 / k;
        for (int k = 0; k <= MAX_ORDER; k++) {
            ALPHA[k] = (1 - KAPPA[k]) * GAMMA[k];
            ERROR_CONST[k] = KAPPA[k] * GAMMA[k] + 1.0 / (k + 1);
        }
        ERROR_CONST[MAX_ORDER + 1] = 1.0 / (MAX_ORDER + 2);
    }

    private final VectorField field;
    private final double rtol;
    private final double atol;
    private final int n;
    private final double newtonTol;
    private final LinearSolverDense<DMatrixRMaj> solver;
    private final DMatrixRMaj w;
    private final double[][] diff;
    private final double[] jac;
    private final double[] fPredict;

    private double t;
    private double hAbs;
    private int order = 1;
    private int equalSteps;
    private boolean luValid;
    private double luC;
    private boolean jacCurrent;
    private long evaluations;
    private long jacobians;
    private long steps;
    private long rejected;

    /**
     * @param t0 initial time
     * @param y0 initial state
     * @param h0 first step size to try
     */
    public Ndf(VectorField field, double rtol, double atol, double t0, double[] y0, double h0) {
        this.field = field;
        this.rtol = rtol;
        this.atol = atol;
        this.n = field.dimension();
        this.newtonTol = Math.max(10 * Math.ulp(1.0) / rtol, Math.min(0.03, Math.sqrt(rtol)));
        this.solver = LinearSolverFactory_DDRM.lu(n);
        this.w = new DMatrixRMaj(n, n);
        this.diff = new double[MAX_ORDER + 3][n];
        this.jac = new double[n * n];
        this.fPredict = new double[n];
        this.t = t0;
        this.hAbs = h0;
        double[] f = new double[n];
        evaluations++;
        jacobians++;
        if (!field.evaluate(y0, f, jac)) throw new ArithmeticException("non-finite field at the start");
        jacCurrent = true;
        for (int i = 0; i < n; i++) {
            diff[0][i] = y0[i];
            diff[1][i] = f[i] * h0;
        }
    }

    public double time() {
        return t;
    }

    public double[] state() {
        return diff[0].clone();
    }

    /** The step size the next step will try. */
    public double stepSize() {
        return hAbs;
    }

    public int order() {
        return order;
    }

    public long evaluations() {
        return evaluations;
    }

    /** Evaluations that also gave the Jacobian, included in {@link #evaluations}. */
    public long jacobians() {
        return jacobians;
    }

    public long steps() {
        return steps;
    }

    public long rejected() {
        return rejected;
    }

    /**
     * The solution at time tq within the last step (the interpolating polynomial of the differences, of the
     * current order, through the last k + 1 grid points).
     */
    public double[] interpolate(double tq) {
        double[] y = diff[0].clone();
        double p = 1;
        for (int j = 0; j < order; j++) {
            p *= (tq - (t - hAbs * j)) / (hAbs * (j + 1));
            double[] dj = diff[j + 1];
            for (int i = 0; i < n; i++) y[i] += dj[i] * p;
        }
        return y;
    }

    /**
     * Takes one accepted step of size at most hMax. Returns false when the field became non-finite where a
     * smaller step did not help, when Newton failed {@value #MAX_NEWTON_FAILURES} times, or when the step size
     * underflowed; the state is then left at the last accepted point.
     */
    public boolean step(double hMax) {
        double minStep = 10 * Math.ulp(t);
        if (hAbs > hMax) {
            changeDifferences(hMax / hAbs);
            hAbs = hMax;
        }
        double[] yPredict = new double[n];
        double[] scale = new double[n];
        double[] psi = new double[n];
        double[] y = new double[n];
        double[] d = new double[n];
        int newtonFailures = 0;
        while (true) {
            if (hAbs < minStep) return false;
            double h = hAbs;
            double tNew = t + h;
            java.util.Arrays.fill(yPredict, 0.0);
            java.util.Arrays.fill(psi, 0.0);
            for (int j = 0; j <= order; j++) {
                double[] dj = diff[j];
                for (int i = 0; i < n; i++) yPredict[i] += dj[i];
            }
            for (int j = 1; j <= order; j++) {
                double[] dj = diff[j];
                for (int i = 0; i < n; i++) psi[i] += dj[i] * GAMMA[j];
            }
            double c = h / ALPHA[order];
            for (int i = 0; i < n; i++) psi[i] /= ALPHA[order];
            boolean predictedF = false;
            int iterations;
            while (true) {
                if (!luValid || luC != c) factor(c);
                iterations = luValid ? newton(yPredict, c, psi, scale, y, d, predictedF, false) : -1;
                if (iterations > 0) break;
                if (jacCurrent) {
                    // the simplified iteration fails even with a Jacobian at the predictor: full Newton, J at every iterate
                    iterations = newton(yPredict, c, psi, scale, y, d, predictedF, true);
                    break;
                }
                // Newton did not converge with an old Jacobian: a new one at the predictor (F there comes with it)
                evaluations++;
                jacobians++;
                if (!field.evaluate(yPredict, fPredict, jac)) {
                    iterations = -1;
                    break;
                }
                predictedF = true;
                jacCurrent = true;
                luValid = false;
            }
            if (iterations <= 0) {
                if (++newtonFailures > MAX_NEWTON_FAILURES) return false;
                rejected++;
                changeDifferences(0.5);
                hAbs *= 0.5;
                continue;
            }
            double safety = 0.9 * (2 * NEWTON_MAXITER + 1) / (2 * NEWTON_MAXITER + iterations);
            double errorNorm = 0;
            for (int i = 0; i < n; i++) {
                double sc = atol + rtol * Math.abs(y[i]) + c * field.rounding(i);
                errorNorm = Math.max(errorNorm, Math.abs(ERROR_CONST[order] * d[i]) / sc);
                scale[i] = sc;
            }
            if (!(errorNorm <= 1)) {
                rejected++;
                double factor = Double.isFinite(errorNorm)
                        ? Math.max(MIN_FACTOR, safety * Math.pow(errorNorm, -1.0 / (order + 1))) : MIN_FACTOR;
                changeDifferences(factor);
                hAbs *= factor;
                continue;
            }
            steps++;
            equalSteps++;
            t = tNew;
            jacCurrent = false;
            // D[k+1] held the previous polynomial's difference; d = ∇^{k+1} y_n of the new one
            for (int i = 0; i < n; i++) {
                diff[order + 2][i] = d[i] - diff[order + 1][i];
                diff[order + 1][i] = d[i];
            }
            for (int j = order; j >= 0; j--) {
                for (int i = 0; i < n; i++) diff[j][i] += diff[j + 1][i];
            }
            if (equalSteps < order + 1) return true;
            double errM = Double.POSITIVE_INFINITY;
            double errP = Double.POSITIVE_INFINITY;
            if (order > 1) errM = weightedMax(diff[order], ERROR_CONST[order - 1], scale);
            if (order < MAX_ORDER) errP = weightedMax(diff[order + 2], ERROR_CONST[order + 1], scale);
            double fM = Math.pow(errM, -1.0 / order);
            double f0 = Math.pow(errorNorm, -1.0 / (order + 1));
            double fP = Math.pow(errP, -1.0 / (order + 2));
            double best = f0;
            int delta = 0;
            if (fM > best) {
                best = fM;
                delta = -1;
            }
            if (fP > best) {
                best = fP;
                delta = 1;
            }
            order += delta;
            double factor = Math.min(MAX_FACTOR, safety * best);
            changeDifferences(factor);
            hAbs *= factor;
            return true;
        }
    }

    /**
     * Newton's iteration of one step from the predictor: y and d = y − y⁽⁰⁾ written, the scale of the tolerance
     * filled. Simplified ({@code full} false): the LU at hand, at most {@value #NEWTON_MAXITER} iterations, given
     * up when the rate of convergence predicts no convergence in them. Full: J (and its LU) re-evaluated at every
     * iterate (at most {@value #FULL_NEWTON_MAXITER}), for steps where the simplified iteration fails even with a
     * Jacobian at the predictor (the curvature changes too fast along the correction), leaving J at the last
     * iterate. {@code predictedF}: F at the predictor is in {@link #fPredict} (with J there). Returns the number of
     * iterations when it converged ({@value #NEWTON_MAXITER} for full Newton: the step-size safety of a slow
     * convergence), 0 when not (or F was not finite).
     */
    private int newton(double[] yPredict, double c, double[] psi, double[] scale, double[] y, double[] d,
                       boolean predictedF, boolean full) {
        System.arraycopy(yPredict, 0, y, 0, n);
        java.util.Arrays.fill(d, 0.0);
        double[] f = new double[n];
        double[] rhs = new double[n];
        double[] dy = new double[n];
        double dyNormOld = -1;
        for (int k = 0; k < (full ? FULL_NEWTON_MAXITER : NEWTON_MAXITER); k++) {
            if (k == 0 && predictedF) {
                System.arraycopy(fPredict, 0, f, 0, n);
            } else {
                evaluations++;
                if (full) jacobians++;
                if (!field.evaluate(y, f, full ? jac : null)) return 0;
                if (full) factor(c);
            }
            if (!luValid) return 0;
            if (k == 0) {
                for (int i = 0; i < n; i++) scale[i] = atol + rtol * Math.abs(yPredict[i]) + c * field.rounding(i);
            }
            for (int i = 0; i < n; i++) rhs[i] = c * f[i] - psi[i] - d[i];
            solver.solve(DMatrixRMaj.wrap(n, 1, rhs), DMatrixRMaj.wrap(n, 1, dy));
            double dyNorm = 0;
            for (int i = 0; i < n; i++) dyNorm = Math.max(dyNorm, Math.abs(dy[i]) / scale[i]);
            if (!Double.isFinite(dyNorm)) return 0;
            double rate = dyNormOld < 0 ? Double.NaN : dyNorm / dyNormOld;
            if (!full && dyNormOld >= 0 && (rate >= 1
                    || Math.pow(rate, NEWTON_MAXITER - k) / (1 - rate) * dyNorm > newtonTol)) return 0;
            for (int i = 0; i < n; i++) {
                y[i] += dy[i];
                d[i] += dy[i];
            }
            if (full) {
                if (dyNorm <= newtonTol) return NEWTON_MAXITER;
                if (k >= 2 && dyNorm >= dyNormOld) return 0;
            } else if (dyNorm == 0 || (dyNormOld >= 0 && rate / (1 - rate) * dyNorm < newtonTol)) {
                return k + 1;
            }
            dyNormOld = dyNorm;
        }
        return 0;
    }

    /** The LU of I − c·J into the solver. */
    private void factor(double c) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) w.unsafe_set(i, j, (i == j ? 1 : 0) - c * jac[i * n + j]);
        }
        luValid = solver.setA(w);
        luC = c;
    }

    private double weightedMax(double[] v, double constant, double[] scale) {
        double m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(constant * v[i]) / scale[i]);
        return m;
    }

    /**
     * Re-expresses D (order k) on a grid of spacing factor·h: D ← (R·U)ᵀ D with R = R(k, factor), U = R(k, 1),
     * R_ij = Π_{l=1..i} (l − 1 − factor·j)/l. Changing h invalidates the LU and restarts the count of equal steps.
     */
    private void changeDifferences(double factor) {
        int k = order;
        double[][] r = matrixR(k, factor);
        double[][] u = matrixR(k, 1);
        double[][] ru = new double[k + 1][k + 1];
        for (int i = 0; i <= k; i++) {
            for (int j = 0; j <= k; j++) {
                double s = 0;
                for (int l = 0; l <= k; l++) s += r[i][l] * u[l][j];
                ru[i][j] = s;
            }
        }
        double[][] out = new double[k + 1][n];
        for (int j = 0; j <= k; j++) {
            for (int i = 0; i <= k; i++) {
                double c = ru[i][j];
                if (c == 0) continue;
                double[] di = diff[i];
                for (int m = 0; m < n; m++) out[j][m] += c * di[m];
            }
        }
        for (int j = 0; j <= k; j++) diff[j] = out[j];
        equalSteps = 0;
        luValid = false;
    }

    private static double[][] matrixR(int k, double factor) {
        double[][] r = new double[k + 1][k + 1];
        for (int j = 0; j <= k; j++) r[0][j] = 1;
        for (int i = 1; i <= k; i++) {
            for (int j = 0; j <= k; j++) r[i][j] = j == 0 ? 0 : r[i - 1][j] * (i - 1 - factor * j) / i;
        }
        return r;
    }
}
