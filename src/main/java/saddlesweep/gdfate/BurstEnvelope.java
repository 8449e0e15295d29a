package saddlesweep.gdfate;

/**
 * The bursts of GD's oscillation around a cycle over a window of settling times ({@link RelaxationBursts}): how
 * many, the span they cover in settling times, the slope b of ln(peak distance to the cycle) per settling time with
 * its standard error, and whether that is evidence that GD circles the cycle without settling on it.
 */
public record BurstEnvelope(int bursts, double span, double slope, double slopeError, boolean circling) {

    /** "72 bursts over 3.1 settling times, peaks' slope −0.004 ± 0.01 per settling time (…)". */
    public String describe() {
        return String.format("%d bursts over %.3g settling times, peaks' slope %.2g ± %.2g per settling time"
                + " (a settling transient's: −1 or steeper)", bursts, span, slope, slopeError);
    }
}
