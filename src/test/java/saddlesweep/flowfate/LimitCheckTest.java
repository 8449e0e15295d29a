package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import org.junit.jupiter.api.Test;

import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.train.TrainingRecord;

/**
 * The certification of a limit against constructed runs θ_t = θ* + ε(t)·u that approach the one-unit minimum θ*
 * of real data (L_N and θ of every record computed, not made up): certified when approached and reached to gapTol;
 * refused for a limit above a recorded L_N, for a run that does not approach it, and for a gap above gapTol.
 */
class LimitCheckTest {

    private static final Teacher ONE = new Teacher(new double[] {1.0}, new double[] {1.0});
    private static final SquaredLoss LOSS = SquaredLoss.empirical(DataSet.generate(ONE, 60, 0.01, 1.0, 2));
    private static final PopulationExcess POP = new PopulationExcess(ONE, 1.0);
    private static final ClosureNetwork MIN = new ClosureMinimiser(LOSS, 1e-7).minimise(ClosureNetwork.ofMlp(new double[] {1.0, 1.0}));
    private static final double[] U = {0.6, -0.8};

    /** Records at 50 per decade from 10^3 to 10^6, θ = θ* + ε(step)·U. */
    private static List<TrainingRecord> run(LongToDoubleFunction eps) {
        return run(eps, 3);
    }

    /** Records at 50 per decade over the given number of decades from 10^3, θ = θ* + ε(step)·U. */
    private static List<TrainingRecord> run(LongToDoubleFunction eps, int decades) {
        double[] star = MIN.params();
        List<TrainingRecord> out = new ArrayList<>();
        for (int k = 0; k <= 50 * decades; k++) {
            long step = Math.round(1e3 * Math.pow(10, k / 50.0));
            double e = eps.applyAsDouble(step);
            double[] theta = {star[0] + e * U[0], star[1] + e * U[1]};
            out.add(new TrainingRecord(step, LOSS.value(theta), LOSS.gradientNorm(theta), POP.value(theta), theta));
        }
        return out;
    }

    private static final List<TrainingRecord> APPROACH = run(s -> 0.05 * Math.pow(s / 1e3, -0.5));

    private static double relativeGap(List<TrainingRecord> r) {
        double l = LOSS.value(MIN.params());
        return (r.get(r.size() - 1).trainLoss() - l) / l;
    }

    @Test
    void anApproachedLimitIsCertifiedWithItsLossExcessAndApproach() {
        LimitCheck.Result c = new LimitCheck(LOSS, POP, 1e-3).check(MIN, APPROACH, false);
        assertTrue(c.certified(), c.why());
        assertEquals(LOSS.value(MIN.params()), c.limitLoss(), 1e-15);
        assertEquals(POP.value(MIN.params()), c.limitExcess(), 1e-13);
        // gap = ½ ε² uᵀHu + O(ε³) with ε ∝ step^−1/2: algebraic, α = 1
        assertEquals("algebraic", c.approachKind());
        assertEquals(1.0, c.approachRate(), 0.02);
    }

    @Test
    void aGapAboveGapTolIsNotYetTheLimit() {
        double rel = relativeGap(APPROACH);
        assertTrue(rel > 0 && rel < 1e-3, "relative gap " + rel);
        assertTrue(new LimitCheck(LOSS, POP, 2 * rel).check(MIN, APPROACH, false).certified());
        // (between gapTol and REACH·gapTol the power law of this run would certify it: see below)
        LimitCheck.Result c = new LimitCheck(LOSS, POP, rel / (2 * LimitCheck.REACH)).check(MIN, APPROACH, false);
        assertFalse(c.certified());
        assertTrue(c.why().startsWith("not yet at the limit"), c.why());
    }

    @Test
    void aLimitAboveARecordedLossIsRefusedEvenForAPolishedPoint() {
        double[] star = MIN.params();
        // a point a little off the minimum: its L_N lies above the last records of the run
        ClosureNetwork above = MIN.withParams(new double[] {star[0] + 0.02 * U[0], star[1] + 0.02 * U[1]});
        for (boolean isolated : new boolean[] {false, true}) {
            LimitCheck.Result c = new LimitCheck(LOSS, POP, 1e-3).check(above, APPROACH, isolated);
            assertFalse(c.certified());
            assertTrue(c.why().startsWith("L_N(limit)") && c.why().contains("above L_N"), c.why());
        }
    }

    @Test
    void aRunThatStaysAwayDoesNotReachTheLimit() {
        List<TrainingRecord> away = run(s -> 0.05);
        LimitCheck.Result c = new LimitCheck(LOSS, POP, 1.0).check(MIN, away, false);
        assertFalse(c.certified());
        assertTrue(c.why().startsWith("gap to the limit not falling"), c.why());
        // a polished (isolated) point needs no approach; a run sitting on the limit has reached it
        assertTrue(new LimitCheck(LOSS, POP, 1e-3).check(MIN, away, true).certified());
        assertTrue(new LimitCheck(LOSS, POP, 1e-3).check(MIN, run(s -> s < 1e5 ? 0.05 : 0.0), false).certified());
    }

    @Test
    void aPowerLawOntoTheLimitCertifiesItFromFurtherAway() {
        // ε ∝ step^−1/8: gap ∝ step^−1/4, as for two units turning linear; at 10^9 the relative gap is above gapTol
        List<TrainingRecord> slow = run(s -> 0.2 * Math.pow(s / 1e3, -0.125), 6);
        double rel = relativeGap(slow);
        double gapTol = rel / 3;
        LimitCheck.Result c = new LimitCheck(LOSS, POP, gapTol).check(MIN, slow, false);
        assertTrue(c.certified(), c.why());
        // but not beyond REACH·gapTol
        LimitCheck.Result far = new LimitCheck(LOSS, POP, rel / (1.5 * LimitCheck.REACH)).check(MIN, slow, false);
        assertFalse(far.certified());
        assertTrue(far.why().startsWith("not yet at the limit"), far.why());
        // a limit 30 % of the last gap above the true one (still below every record) is not where the power law goes
        double lStar = LOSS.value(MIN.params());
        double target = lStar + 0.3 * (slow.get(slow.size() - 1).trainLoss() - lStar);
        double[] star = MIN.params();
        double[] other = {-U[1], U[0]};
        double lo = 0;
        double hi = 0.2;
        for (int it = 0; it < 100; it++) {                     // L(θ* + δ·other) = target, by bisection
            double mid = 0.5 * (lo + hi);
            if (LOSS.value(new double[] {star[0] + mid * other[0], star[1] + mid * other[1]}) < target) lo = mid;
            else hi = mid;
        }
        ClosureNetwork off = MIN.withParams(new double[] {star[0] + lo * other[0], star[1] + lo * other[1]});
        LimitCheck.Result wrong = new LimitCheck(LOSS, POP, gapTol).check(off, slow, false);
        assertFalse(wrong.certified());
        assertTrue(wrong.why().contains("power law"), wrong.why());
    }
}
