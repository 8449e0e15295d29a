package saddlesweep.flowfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.train.TrainingRecord;

/**
 * How the gap L_N(θ_t) − L_N(limit) falls: least squares of ln(gap) against the step (geometric,
 * gap ∝ e^−rate·step) and against ln(step) (algebraic, gap ∝ step^−rate); the better fit (smaller residual)
 * names the approach, minus its slope is the rate.
 *
 * @param kind  {@code geometric} or {@code algebraic}
 * @param rate  −d ln(gap)/d step, or α of gap ∝ step^−α
 */
public record ApproachFit(String kind, double rate) {

    /**
     * The fit over the records a..b, leaving out records whose gap is at most {@code reached} (rounding level);
     * when the last record's gap is at that level, over the decade before the last record above it instead.
     * Null when fewer than three records remain.
     */
    static ApproachFit of(List<TrainingRecord> records, int a, int b, double lInf, double reached) {
        List<double[]> pts = new ArrayList<>();
        int from = a;
        // the decade before a reached limit says more than its rounding-level tail
        if (records.get(b).trainLoss() - lInf <= reached) {
            int k = b;
            while (k > 0 && records.get(k).trainLoss() - lInf <= reached) k--;
            long s = records.get(k).step();
            from = k;
            while (from > 0 && records.get(from - 1).step() >= s / 10) from--;
        }
        for (int i = from; i <= b; i++) {
            TrainingRecord r = records.get(i);
            double gap = r.trainLoss() - lInf;
            if (gap > reached && r.step() > 0) pts.add(new double[] {r.step(), Math.log(r.step()), Math.log(gap)});
        }
        if (pts.size() < 3) return null;
        double[] geo = fit(pts, 0);
        double[] alg = fit(pts, 1);
        return geo[1] <= alg[1] ? new ApproachFit("geometric", -geo[0]) : new ApproachFit("algebraic", -alg[0]);
    }

    /** Slope and residual sum of squares of column 2 against column col. */
    private static double[] fit(List<double[]> pts, int col) {
        double n = pts.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : pts) {
            sx += p[col];
            sy += p[2];
            sxx += p[col] * p[col];
            sxy += p[col] * p[2];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double icpt = (sy - slope * sx) / n;
        double rss = 0;
        for (double[] p : pts) {
            double e = p[2] - icpt - slope * p[col];
            rss += e * e;
        }
        return new double[] {slope, rss};
    }
}
