package saddlesweep.gdfate;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;

/**
 * GD's own iterates inside a cycle's linear regime: the certificate that GD converges to a cycle C found by
 * Newton. At a step t₁ GD must oscillate with C's size (for a fixed point: be near it); m steps later (m a
 * multiple of the period) its deviation from C must not have grown and must equal the linearisation's prediction
 * M_j^{m/k} δ₁, M_j = D(G^k)(p_j) the monodromy at the nearest point p_j, within {@value #PREDICTION_TOL} relative.
 */
final class LinearRegime {

    /** A fixed point's linear regime: within this share of (1 + ‖p‖). */
    static final double LINEAR_SHARE = 0.1;
    /** GD's step ‖G(θ) − θ‖ within this relative share of C's step ‖p_{j+1} − p_j‖. */
    static final double STEP_MATCH = 0.3;
    static final long CONFIRM_MIN = 1024;
    static final double PREDICTION_TOL = 0.25;

    /** A confirmation due at step {@code at}: C, the phase j and the deviation δ₁ at step {@code from}. */
    record Confirmation(Cycle cycle, int phase, double[] deviation, long from, long at) {
    }

    private LinearRegime() {
    }

    /**
     * Whether θ, with its step r1 = ‖G(θ) − θ‖, may be in C's linear regime near its point p_j: for a cycle, GD's
     * oscillation has C's size, r1 within {@value #STEP_MATCH} relative of ‖p_{j+1} − p_j‖ (its deviation from C
     * along slow directions may still be large: the linear prediction tests those); for a fixed point, θ is within
     * {@value #LINEAR_SHARE}·(1 + ‖p‖).
     */
    static boolean mayBeLinear(Cycle c, int j, double[] theta, double r1) {
        double[][] p = c.points();
        if (p.length == 1) return Vectors.distance(theta, p[0]) <= LINEAR_SHARE * (1 + Vectors.norm(p[0]));
        double step = Vectors.distance(p[(j + 1) % p.length], p[j]);
        return Math.abs(r1 / step - 1) <= STEP_MATCH;
    }

    /**
     * A confirmation for the first known cycle whose linear regime θ may be in, or null; its window is a multiple
     * of the period, at least CONFIRM_MIN and 1/8 of the steps since the segment began.
     */
    static Confirmation schedule(List<Cycle> known, double[] theta, double r1, long step, long sinceStart) {
        for (Cycle c : known) {
            int j = nearest(c, theta);
            if (!mayBeLinear(c, j, theta, r1)) continue;
            double[] dev = Vectors.addScaled(theta, -1, c.points()[j]);
            int k = c.period();
            long m = Math.max(CONFIRM_MIN, sinceStart / 8);
            m = k * ((m + k - 1) / k);
            return new Confirmation(c, j, dev, step, step + m);
        }
        return null;
    }

    /**
     * What the window showed: GD's deviation from C at its start and end, the relative mismatch of the linear
     * prediction, the window's steps, and whether that puts GD inside C's linear regime.
     */
    record Window(double before, double after, double mismatch, long steps, boolean inside) {

        /** "settled within 3e-15 of the cycle" or "inside its linear regime over 2048 steps: deviation … → …". */
        String describe(Cycle c) {
            if (after <= SETTLED * (1 + c.scale())) {
                return String.format("GD settled on it: within %.2g of the cycle after a %d-step window", after, steps);
            }
            return String.format("GD inside its linear regime over %d steps: deviation %.3g → %.3g, the linearisation's"
                    + " prediction within %.2g %%", steps, before, after, 100 * mismatch);
        }
    }

    /** GD within this share of (1 + scale) of the cycle: settled on it (rounding level). */
    static final double SETTLED = 1e-10;

    /** The window ending at GD's iterate θ at the confirmation's step. */
    static Window check(GdMap map, Confirmation p, double[] theta) {
        Cycle c = p.cycle();
        int k = c.period();
        double[] dev = Vectors.addScaled(theta, -1, c.points()[p.phase()]);
        double[] predicted = propagate(map, c, p.phase(), p.deviation(), (p.at() - p.from()) / k);
        double floor = 1e-12 * (1 + c.scale());
        double d1 = Vectors.norm(p.deviation());
        double d2 = Vectors.norm(dev);
        double miss = Vectors.distance(dev, predicted);
        boolean inside = d2 <= d1 + floor && miss <= PREDICTION_TOL * d2 + floor;
        return new Window(d1, d2, d2 > 0 ? miss / d2 : 0, p.at() - p.from(), inside);
    }

    /** M_j^q δ with M_j = D(G^k)(p_j), by repeated squaring. */
    static double[] propagate(GdMap map, Cycle c, int phase, double[] dev, long q) {
        int k = c.period();
        double[][] from = new double[k + 1][];
        for (int j = 0; j <= k; j++) from[j] = c.points()[(phase + j) % k];
        DMatrixRMaj m = map.jacobianOfPower(from, k);
        int d = dev.length;
        DMatrixRMaj result = DMatrixRMaj.wrap(d, 1, dev.clone());
        DMatrixRMaj tmp = new DMatrixRMaj(d, 1);
        DMatrixRMaj sq = new DMatrixRMaj(d, d);
        while (q > 0) {
            if ((q & 1) == 1) {
                CommonOps_DDRM.mult(m, result, tmp);
                result.setTo(tmp);
            }
            q >>= 1;
            if (q > 0) {
                CommonOps_DDRM.mult(m, m, sq);
                m.setTo(sq);
            }
        }
        return result.data;
    }

    static int nearest(Cycle c, double[] theta) {
        int best = 0;
        for (int j = 1; j < c.period(); j++) {
            if (Vectors.distance(c.points()[j], theta) < Vectors.distance(c.points()[best], theta)) best = j;
        }
        return best;
    }

}
