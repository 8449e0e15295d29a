package saddlesweep.bench;

import java.util.Arrays;

/**
 * Timed repetitions of full GD steps (kernel call + update) for one kernel at one (N, H).
 *
 * @param nsPerSampleUnitStep one figure per repetition: wall time / (steps · N · H)
 * @param steps               GD steps in each repetition
 */
public record KernelTiming(String kernel, int n, int hidden, double[] nsPerSampleUnitStep, long[] steps) {

    /** Median over the repetitions (mean of the middle two for an even count). */
    public double median() {
        double[] s = nsPerSampleUnitStep.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
