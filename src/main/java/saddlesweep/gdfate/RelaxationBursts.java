package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.model.Vectors;

/**
 * The bursts of a relaxation oscillation around a cycle C (period ≥ 2): GD's step η‖∇L_N‖ rises to at least half
 * C's step ‖p_1 − p_0‖, then collapses below a twentieth of it. Persistent once {@value #CYCLES} collapses are seen
 * and the last burst's largest distance to C is at least half the first's: GD circles C without settling on it.
 */
final class RelaxationBursts {

    static final int CYCLES = 3;

    private boolean high;
    private double peak;
    private final List<Double> peaks = new ArrayList<>();

    /** One sample of GD's iterate θ and its step η‖∇L_N(θ)‖. */
    void sample(Cycle c, double[] theta, double step) {
        if (c.period() < 2) return;
        double size = Vectors.distance(c.points()[1], c.points()[0]);
        if (step >= 0.5 * size) {
            high = true;
            peak = Math.max(peak, c.distanceTo(theta));
        } else if (high && step <= 0.05 * size) {
            peaks.add(peak);
            high = false;
            peak = 0;
        }
    }

    int collapses() {
        return peaks.size();
    }

    boolean persistent() {
        int n = peaks.size();
        return n >= CYCLES && peaks.get(n - 1) >= 0.5 * peaks.get(0);
    }
}
