package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.model.Vectors;

/**
 * The bursts of GD's oscillation around a stable cycle C (period ≥ 2), and the evidence that GD circles C without
 * settling on it (a relaxation oscillation).
 *
 * <p>A burst: GD's step η‖∇L_N‖ rises to at least {@value #RISE} of C's smallest step ‖p_{j+1} − p_j‖, then
 * collapses below {@value #COLLAPSE} of it; its peak is GD's largest distance to C in between. Two things look
 * alike over a few bursts: the transient of a GD that settles on C (its oscillation collapses and regrows while it
 * approaches) and a GD that circles C for ever. They differ in the <b>envelope</b> of the peaks. Measured with
 * plain GD run to the end (docs/analysis.md): a transient's peaks shrink at least as fast as C's slowest linear mode,
 * by e per settling time T_s = k/(1 − |μ|) (faster far from C), while a relaxation oscillation's stay level for
 * 12 settling times and more. So GD <b>circles C</b> when, over a window of the last {@value #SPAN} settling times
 * and at least the last {@value #COUNT} bursts, it burst before the window too and recently, and the peaks' decay
 * rate −b (b the least-squares slope of ln(peak) against time in settling times) is, by {@value #Z} standard errors,
 * at most {@value #DECAY_MAX} per settling time and at most a factor 2 over the window: a transient would have
 * shrunk e^{@value #SPAN}-fold in it. (Where bursts come rarer than settling times — quiet phases of 10^7 steps
 * around a cycle that settles in 10^4 — a transient inside the basin would not burst again at all.)
 */
final class RelaxationBursts {

    static final double RISE = 0.5;
    static final double COLLAPSE = 0.05;
    /** Settling times the evidence spans. */
    static final double SPAN = 3;
    /** Bursts at least in that window. */
    static final int COUNT = 12;
    /** Largest decay rate of the peaks per settling time (a transient's: 1 or more). */
    static final double DECAY_MAX = 0.1;
    /** Standard errors of the slope between the estimate and DECAY_MAX. */
    static final double Z = 3;

    /** One burst: where it rose, its peak distance to C and where that was, where it collapsed. */
    record Burst(long rise, long peakStep, double peak, long collapse) {
    }

    private Cycle cycle;
    private double size;          // the cycle's smallest step
    private boolean high;
    private long rise;
    private long peakStep;
    private double peak;
    private final List<Burst> bursts = new ArrayList<>();

    /** One sample of GD's iterate θ at step {@code at}, with its step η‖∇L_N(θ)‖, around C (a new C starts afresh). */
    void sample(Cycle c, double[] theta, double step, long at) {
        if (c.period() < 2) return;
        if (c != cycle) {
            cycle = c;
            size = smallestStep(c);
            bursts.clear();
            high = false;
        }
        if (step >= RISE * size) {
            double d = c.distanceTo(theta);
            if (!high) {
                high = true;
                rise = at;
                peak = d;
                peakStep = at;
            } else if (d > peak) {
                peak = d;
                peakStep = at;
            }
        } else if (high && step <= COLLAPSE * size) {
            bursts.add(new Burst(rise, peakStep, peak, at));
            high = false;
        }
    }

    /** The cycle the bursts are counted around (null before the first sample). */
    Cycle cycle() {
        return cycle;
    }

    int count() {
        return bursts.size();
    }

    /** At least two bursts, on average further apart than the cycle's settling time. */
    boolean rare() {
        int n = bursts.size();
        if (n < 2 || cycle == null) return false;
        return (bursts.get(n - 1).rise() - bursts.get(0).rise()) / (double) (n - 1) > cycle.settlingSteps();
    }

    /** The step of the last collapse (Long.MIN_VALUE before the first). */
    long lastCollapse() {
        return bursts.isEmpty() ? Long.MIN_VALUE : bursts.get(bursts.size() - 1).collapse();
    }

    /**
     * The bursts over the window of the last {@value #SPAN} settling times before step {@code at} and whether they are
     * evidence of circling; null before two bursts around a cycle with a finite settling time.
     */
    BurstEnvelope evidence(long at) {
        if (cycle == null || bursts.size() < 2) return null;
        double ts = cycle.settlingSteps();
        if (!Double.isFinite(ts)) return null;
        // the window: the last SPAN settling times, or the last COUNT bursts if they reach further back
        double from = at - SPAN * ts;
        if (bursts.size() >= COUNT) from = Math.min(from, bursts.get(bursts.size() - COUNT).peakStep());
        List<Burst> window = new ArrayList<>();
        for (Burst b : bursts) if (b.peakStep() >= from) window.add(b);
        if (window.size() < 2) return new BurstEnvelope(window.size(), 0, Double.NaN, Double.NaN, false);
        int n = window.size();
        double mt = 0;
        double mp = 0;
        for (Burst b : window) {
            mt += b.peakStep() / ts / n;
            mp += Math.log(b.peak()) / n;
        }
        double stt = 0;
        double stp = 0;
        for (Burst b : window) {
            double dt = b.peakStep() / ts - mt;
            stt += dt * dt;
            stp += dt * (Math.log(b.peak()) - mp);
        }
        double slope = stp / stt;
        double rss = 0;
        for (Burst b : window) {
            double r = Math.log(b.peak()) - mp - slope * (b.peakStep() / ts - mt);
            rss += r * r;
        }
        double error = n > 2 ? Math.sqrt(rss / (n - 2) / stt) : Double.POSITIVE_INFINITY;
        Burst first = window.get(0);
        Burst last = window.get(n - 1);
        double span = (last.collapse() - first.rise()) / ts;
        long longestGap = 0;
        for (int i = 1; i < n; i++) longestGap = Math.max(longestGap, window.get(i).rise() - window.get(i - 1).rise());
        boolean before = bursts.get(0).peakStep() < from;              // bursting before the window began
        boolean recent = at - last.collapse() <= 2 * Math.max(longestGap, 1);
        double decayBound = -slope + Z * error;
        boolean circling = before && recent && n >= COUNT && decayBound <= DECAY_MAX && decayBound * span <= Math.log(2);
        return new BurstEnvelope(n, span, slope, error, circling);
    }

    /** The smallest step ‖p_{j+1} − p_j‖ of the cycle. */
    static double smallestStep(Cycle c) {
        double[][] p = c.points();
        double s = Double.POSITIVE_INFINITY;
        for (int j = 0; j < p.length; j++) s = Math.min(s, Vectors.distance(p[(j + 1) % p.length], p[j]));
        return s;
    }
}
