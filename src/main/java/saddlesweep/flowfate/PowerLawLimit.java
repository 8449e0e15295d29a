package saddlesweep.flowfate;

import java.util.List;

import saddlesweep.train.TrainingRecord;

/**
 * Where a run's L_N goes if it falls as a power law: L(t) = L_∞ + C·t^−α through three records a decade apart (the
 * last one, the first of its last recorded decade and the first of the decade before). With the records exactly a
 * decade apart this is Aitken's Δ² on ln t, L_∞ = L_2 − (L_2 − L_1)²/((L_2 − L_1) − (L_1 − L_0)); in general α
 * solves (t_1^−α − t_2^−α)/(t_0^−α − t_1^−α) = (L_1 − L_2)/(L_0 − L_1) (bisection: the left side falls from
 * (ln t_2 − ln t_1)/(ln t_1 − ln t_0) at α → 0 to 0).
 *
 * @param limit  the extrapolated L_∞
 * @param alpha  the exponent α
 */
record PowerLawLimit(double limit, double alpha) {

    private static final double MAX_ALPHA = 50;

    /** The power law through the records at the starts of the last two decades and the last one; null without two decades of falling L_N. */
    static PowerLawLimit of(List<TrainingRecord> records) {
        int i2 = records.size() - 1;
        int i1 = LastDecade.start(records);
        int i0 = LastDecade.start(records.subList(0, i1 + 1));
        if (!(i0 < i1 && i1 < i2)) return null;
        double t0 = records.get(i0).step();
        double t1 = records.get(i1).step();
        double t2 = records.get(i2).step();
        double l0 = records.get(i0).trainLoss();
        double l1 = records.get(i1).trainLoss();
        double l2 = records.get(i2).trainLoss();
        if (!(t0 > 0 && t0 <= t2 / 90 && l0 > l1 && l1 > l2)) return null;       // two decades of records
        double r = (l1 - l2) / (l0 - l1);
        double lo = 0;
        double hi = MAX_ALPHA;
        if (!(r < ratio(t0, t1, t2, 1e-6))) return null;         // falls no faster than as α → 0: no power law
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (ratio(t0, t1, t2, mid) > r) lo = mid;
            else hi = mid;
        }
        double alpha = 0.5 * (lo + hi);
        double c = (l1 - l2) / (Math.pow(t1, -alpha) - Math.pow(t2, -alpha));
        return new PowerLawLimit(l2 - c * Math.pow(t2, -alpha), alpha);
    }

    /** (t_1^−α − t_2^−α)/(t_0^−α − t_1^−α). */
    private static double ratio(double t0, double t1, double t2, double alpha) {
        double a0 = Math.pow(t0, -alpha);
        double a1 = Math.pow(t1, -alpha);
        double a2 = Math.pow(t2, -alpha);
        return (a1 - a2) / (a0 - a1);
    }
}
