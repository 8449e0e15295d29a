package saddlesweep.flowfate;

/**
 * Where a run ends.
 *
 * @param kind      finite, degenerate, at_infinity or unresolved
 * @param theta     the polished minimum, or the last iterate when not polished
 * @param polished  whether theta is a Newton-polished critical point
 * @param drift     d‖θ‖/d log10(step) over the last recorded decade
 */
public record Attractor(AttractorKind kind, double[] theta, boolean polished, double drift) {
}
