package saddlesweep.analysis;

/**
 * The rule that tells a {@code plateau} from a {@code near_optimal} slow passage: a passage is near-optimal
 * when, in function space, the network is there as close to the optimum as it gets along the run —
 * {@code E(dip) ≤ ratio · min_run E + abs}; otherwise learning has not reached the optimum yet: a plateau.
 */
public final class PassageLabel {

    public static final String PLATEAU = "plateau";
    public static final String NEAR_OPTIMAL = "near_optimal";

    private PassageLabel() {
    }

    public static String of(double dipGenExcess, double minRunGenExcess, AnalysisSettings s) {
        return dipGenExcess <= s.nearOptimalRatio() * minRunGenExcess + s.nearOptimalAbs() ? NEAR_OPTIMAL : PLATEAU;
    }
}
