package saddlesweep.sequence;

import saddlesweep.analysis.AnalysisSettings;

/**
 * The rule that tells a {@code plateau} from a {@code near_optimal} slow passage: a passage is near-optimal
 * when, in function space, the network is there as close to the optimum as it will get —
 * {@code E(dip) ≤ ratio · min{E(t) : t ≥ step_enter} + abs}, the minimum taken over the rest of the run
 * from the passage's entry (attractor included); otherwise learning has not reached the optimum yet and
 * will come closer later: a plateau. Measuring from the entry, not over the whole run, matters: on the way
 * to a near-optimal saddle E can dip transiently below its value at the saddle.
 */
public final class PassageLabel {

    public static final String PLATEAU = "plateau";
    public static final String NEAR_OPTIMAL = "near_optimal";

    private PassageLabel() {
    }

    public static String of(double dipGenExcess, double minLaterGenExcess, AnalysisSettings s) {
        return dipGenExcess <= s.nearOptimalRatio() * minLaterGenExcess + s.nearOptimalAbs() ? NEAR_OPTIMAL : PLATEAU;
    }
}
