package saddlesweep.flowfate;

import java.util.List;
import java.util.function.ToDoubleFunction;

import saddlesweep.analysis.FunctionDistance;
import saddlesweep.model.ClosureLoss;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.train.TrainingRecord;

/**
 * The certification of a limit against a run's records. A limit is certified when
 * <ol>
 *   <li>L_N(limit) ≤ L_N(θ_t) at every record, to 64 ulps (GD with small η, and the flow, decrease L_N);</li>
 *   <li>and either it is an isolated point the run was polished onto, or the gap at the last record is at rounding
 *       level, or the run approaches it over the last recorded decade: the gap L_N(θ_t) − L_N(limit) falls by at
 *       least 10 %, the function distance d(f_t, f_limit) by at least 5 %, and the gap at the last record is at most
 *       gapTol relative (to L_N(limit), or to 1e-9·L_N(θ_0) for a limit that fits the data exactly) — or at most
 *       {@value #REACH}·gapTol with L_N falling as a power law onto the limit: the {@link PowerLawLimit} through the
 *       last three decade records lands within {@value #UNEXPLAINED} of the remaining gap of L_N(limit). A power law
 *       onto a lower value would land below it, one onto a higher value above it (a gap that falls ever faster).</li>
 * </ol>
 */
public final class LimitCheck {

    /** A limit whose relative gap is above gapTol, but at most this many times gapTol, may be reached by extrapolation. */
    static final double REACH = 10;
    /** Largest share of the gap at the last record that the extrapolated L_∞ may leave between itself and the limit. */
    static final double UNEXPLAINED = 0.1;

    private final SquaredLoss loss;
    private final PopulationExcess pop;
    private final double gapTol;

    LimitCheck(SquaredLoss loss, PopulationExcess pop, double gapTol) {
        this.loss = loss;
        this.pop = pop;
        this.gapTol = gapTol;
    }

    /**
     * The outcome of a check.
     *
     * @param certified    whether the limit is certified
     * @param why          why not (null when certified)
     * @param limitLoss    L_N(limit)
     * @param limitExcess  E(limit)
     * @param approach     how the gap falls ({@link ApproachFit}), or null when too few records show it
     */
    public record Result(boolean certified, String why, double limitLoss, double limitExcess, ApproachFit approach) {

        /** The approach's name, or null. */
        public String approachKind() {
            return approach == null ? null : approach.kind();
        }

        /** The approach's rate, or NaN. */
        public double approachRate() {
            return approach == null ? Double.NaN : approach.rate();
        }
    }

    /** Checks a limit against the records; isolated: a point the run was polished onto (no approach needed). */
    Result check(ClosureNetwork limit, List<TrainingRecord> records, boolean isolated) {
        double lInf = new ClosureLoss(limit, loss).value(limit.params());
        double eInf = new ClosureLoss(limit, pop.ruleFor(limit.maxAbsW())).value(limit.params());
        return check(lInf, eInf, theta -> FunctionDistance.between(pop, ClosureNetwork.ofMlp(theta), limit), records,
                isolated, gapTol);
    }

    /**
     * The same check for a limit of any model: its L_N and E, and the population distance from a record's θ to it.
     */
    public static Result check(double lInf, double eInf, ToDoubleFunction<double[]> distance, List<TrainingRecord> records,
                               boolean isolated, double gapTol) {
        double slack = 64 * Math.ulp(lInf);
        for (TrainingRecord r : records) {
            if (r.trainLoss() < lInf - slack) {
                return new Result(false, String.format("L_N(limit) %.12g above L_N %.12g at step %d", lInf, r.trainLoss(), r.step()),
                        lInf, eInf, null);
            }
        }
        int b = records.size() - 1;
        int a = LastDecade.start(records);
        double gapA = records.get(a).trainLoss() - lInf;
        double gapB = records.get(b).trainLoss() - lInf;
        double reached = 1e-12 * Math.max(lInf, Double.MIN_NORMAL) + slack;
        ApproachFit fit = ApproachFit.of(records, a, b, lInf, reached);
        if (isolated || gapB <= reached) return new Result(true, null, lInf, eInf, fit);
        if (a == b || !(gapB <= 0.9 * gapA)) {
            return new Result(false, String.format("gap to the limit not falling (%.3g → %.3g over the last decade)", gapA, gapB),
                    lInf, eInf, fit);
        }
        double dA = distance.applyAsDouble(records.get(a).theta());
        double dB = distance.applyAsDouble(records.get(b).theta());
        if (!(dB <= 0.95 * dA)) {
            return new Result(false, String.format("function distance not falling (%.3g → %.3g)", dA, dB), lInf, eInf, fit);
        }
        // relative to L_N(limit), or to 1e-9·L_N(θ_0) when the limit fits the data exactly (noiseless data)
        double scale = Math.max(Math.abs(lInf), 1e-9 * records.get(0).trainLoss());
        if (gapB > gapTol * scale) {
            PowerLawLimit law = gapB <= REACH * gapTol * scale ? PowerLawLimit.of(records) : null;
            if (law != null && Math.abs(law.limit() - lInf) <= UNEXPLAINED * gapB) return new Result(true, null, lInf, eInf, fit);
            String extrapolated = law == null ? "" : String.format(" (a power law over the last two decades goes to %.12g)", law.limit());
            return new Result(false, String.format("not yet at the limit: relative gap %.3g", gapB / scale) + extrapolated, lInf, eInf, fit);
        }
        return new Result(true, null, lInf, eInf, fit);
    }
}
