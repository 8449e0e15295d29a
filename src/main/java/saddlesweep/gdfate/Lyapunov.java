package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.model.SquaredLoss;
import saddlesweep.train.GdMap;
import saddlesweep.train.KernelTanh;

/**
 * The largest Lyapunov exponent of the GD map along GD's own iterates, from its tangent map:
 * λ_1 = lim (1/n) Σ_t ln ‖DG(θ_t) u_t‖ with u_{t+1} = DG(θ_t) u_t / ‖DG(θ_t) u_t‖, DG = I − η∇²L_N. The
 * Hessian-vector product is analytic ({@link GdMap#hessianVector}; for a scalar input {@link SquaredLoss#hessianVector}
 * on the kernels' tanh, {@link KernelTanh}: within 2.5 ulp of the exact one, the same bits on every machine, a
 * quarter of {@code Math.tanh}'s cost),
 * so the estimate never leaves the linear
 * regime (a two-point estimate does, in the bursts of an intermittent orbit, and then overstates the exponent).
 *
 * <p>The sum is cut into windows of {@value #WINDOW} steps; the estimate is the mean over windows with its
 * standard error, taken as the largest over blockings of 1, 2 and 4 consecutive windows (with at least 4 blocks):
 * windows that are correlated (a slow motion spans several) spread more when blocked, and the error says so.
 * Growth is intermittent in GD's chaos (one 100-step stretch may grow a tangent vector by e^29 and later ones
 * shrink it), so a short estimate can be several times off: the estimate is <b>converged</b> with at least
 * {@value #MIN_WINDOWS} windows and a standard error at most
 * {@value #CONVERGED_REL} of the mean, and it says <b>chaos</b> when converged, above {@value #CHAOS_MIN} per step
 * and at least {@value #Z} standard errors above it, with GD's motion bounded over the windows: the geometric mean
 * of GD's step η‖∇L_N‖ over the last quarter of the windows within a factor {@value #BOUNDED_FACTOR} of the first
 * quarter's. (A linear instability — GD's oscillation growing from rounding after it crossed the edge, for 10^5 –
 * 10^7 steps at late crossings — has a steady positive exponent too, 3e-4 … 9e-4 per step measured, but its step
 * grows by e^(exponent·steps).) It says <b>no chaos</b> when the mean is {@value #Z} standard
 * errors below {@value #CHAOS_MIN} (a cycle: ln|μ|/k &lt; 0; quasi-periodic motion: 0).
 */
public final class Lyapunov {

    /** GD steps per window. */
    public static final int WINDOW = 10_000;
    /** Windows before the estimate can be converged. */
    public static final int MIN_WINDOWS = 16;
    /** Largest standard error, relative to the mean, of a converged estimate. */
    static final double CONVERGED_REL = 0.1;
    /** The smallest exponent per step called chaos. */
    public static final double CHAOS_MIN = 1e-4;
    /** Standard errors between the estimate and CHAOS_MIN for a decision. */
    static final double Z = 3;
    /** Largest ratio of GD's typical step between the last and the first quarter of the windows, in chaos. */
    static final double BOUNDED_FACTOR = 10;

    private final GdMap map;
    private final double eta;
    private final double[] u;
    private final double[] hu;
    private final List<Double> windows = new ArrayList<>();
    private final List<Double> logSteps = new ArrayList<>();
    private double sum;
    private double logStep;
    private int inWindow;

    /**
     * The estimate: mean per step over whole windows, its standard error, the windows it took, and the growth
     * ln(GD's step) from the first quarter of the windows to the last (mean of ln η‖∇L_N‖ per window).
     */
    public record Estimate(double exponent, double error, int windows, double stepGrowth) {

        public boolean converged() {
            return windows >= MIN_WINDOWS && error <= CONVERGED_REL * Math.abs(exponent);
        }

        /** A converged exponent above CHAOS_MIN by Z standard errors: nearby orbits separate. */
        public boolean chaotic() {
            return converged() && exponent > CHAOS_MIN && exponent - Z * error > CHAOS_MIN && bounded();
        }

        /** GD's step over the last quarter of the windows within BOUNDED_FACTOR of the first quarter's. */
        public boolean bounded() {
            return Math.abs(stepGrowth) <= Math.log(BOUNDED_FACTOR);
        }

        /** An exponent Z standard errors below CHAOS_MIN, after MIN_WINDOWS windows: not chaos. */
        public boolean notChaotic() {
            return windows >= MIN_WINDOWS && exponent + Z * error < CHAOS_MIN;
        }

        /** "0.00658 ± 0.00012 per step over 16 windows of 10000 steps, GD's step ×1.3 from the first quarter to the last". */
        public String describe() {
            return String.format("%.3g ± %.2g per step over %d windows of %d steps, GD's step ×%.3g from their first quarter"
                    + " to their last", exponent, error, windows, WINDOW, Math.exp(stepGrowth));
        }
    }

    /** Starts the tangent map of a scalar-input network's GD in the direction (1, …, 1)/√d. */
    public Lyapunov(SquaredLoss loss, double eta, int d) {
        this(new GdMap(loss, eta), d);
    }

    /** Starts the tangent map of the GD map in the direction (1, …, 1)/√d. */
    public Lyapunov(GdMap map, int d) {
        this.map = map;
        this.eta = map.eta();
        this.u = new double[d];
        this.hu = new double[d];
        for (int a = 0; a < d; a++) u[a] = 1.0 / Math.sqrt(d);
    }

    /**
     * One step of the tangent map at GD's iterate θ_t (taken before GD steps from it): u ← DG(θ_t) u / ‖·‖; with GD's
     * step η‖∇L_N(θ_t)‖ there.
     */
    public void step(double[] theta, double gdStep) {
        map.hessianVector(theta, u, hu);
        double n2 = 0;
        for (int a = 0; a < u.length; a++) {
            u[a] -= eta * hu[a];                 // DG u = u − η ∇²L_N u
            n2 += u[a] * u[a];
        }
        double n = Math.sqrt(n2);
        if (!(n > 0) || !Double.isFinite(n)) {          // DG annihilated u or overflowed: restart the direction
            for (int a = 0; a < u.length; a++) u[a] = 1.0 / Math.sqrt(u.length);
            return;
        }
        sum += Math.log(n);
        logStep += Math.log(Math.max(gdStep, Double.MIN_NORMAL));
        for (int a = 0; a < u.length; a++) u[a] /= n;
        if (++inWindow == WINDOW) {
            windows.add(sum / WINDOW);
            logSteps.add(logStep / WINDOW);
            sum = 0;
            logStep = 0;
            inWindow = 0;
        }
    }

    /** The current tangent direction u_t (unit; shared, do not modify). */
    public double[] direction() {
        return u;
    }

    /** Whole windows so far. */
    public int windows() {
        return windows.size();
    }

    /** The estimate over the whole windows so far (NaN without any). */
    public Estimate estimate() {
        int m = windows.size();
        if (m == 0) return new Estimate(Double.NaN, Double.NaN, 0, Double.NaN);
        double mean = 0;
        for (double w : windows) mean += w / m;
        double error = m > 1 ? blockedError(1, mean) : Double.POSITIVE_INFINITY;
        for (int b = 2; b <= 4; b *= 2) if (m / b >= 4) error = Math.max(error, blockedError(b, mean));
        int q = Math.max(1, m / 4);
        double first = 0;
        double last = 0;
        for (int k = 0; k < q; k++) {
            first += logSteps.get(k) / q;
            last += logSteps.get(m - 1 - k) / q;
        }
        return new Estimate(mean, error, m, last - first);
    }

    /** The standard error of the mean from blocks of b consecutive windows (the last incomplete block left out). */
    private double blockedError(int b, double mean) {
        int blocks = windows.size() / b;
        double var = 0;
        for (int k = 0; k < blocks; k++) {
            double s = 0;
            for (int j = 0; j < b; j++) s += windows.get(k * b + j) / b;
            var += (s - mean) * (s - mean);
        }
        return Math.sqrt(var / (blocks - 1) / blocks);
    }
}
