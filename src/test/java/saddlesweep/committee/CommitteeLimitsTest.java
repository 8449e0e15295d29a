package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.committee.CommitteeClosure.Term;
import saddlesweep.flowfate.Fate;
import saddlesweep.run.TrainingTail;
import saddlesweep.train.TrainingSettings;

/**
 * Limits at infinity of committee machines in d = 2 (over-realizable, H = 3 against two orthogonal teacher rows,
 * σ² = 0.01, η = 0.1): one run per mechanism, its limit rebuilt from outside — a network of the model whose units
 * are pushed further along the mechanism (|w| → ∞ for a saturating unit, w → 0 for a linear one, a pair closing
 * in) has L_N tending to the certified L_N(limit) at the order the closure's expansion gives — and a run stopped
 * before its limit left unresolved.
 */
class CommitteeLimitsTest {

    private static final double[] TEACHER = {1, 0, 0, 1, 1, 1};

    private static CommitteeRunConfig config(int n, long seed, double horizon) {
        return new CommitteeRunConfig(2, Activation.TANH, TEACHER, n, 0.01, 3, seed, seed, 1.0, 0.1, 0.1,
                TrainingSettings.DEFAULT_MAX_STEPS, 1e-12, TrainingSettings.DEFAULT_RECORDS_PER_DECADE, TrainingSettings.TAIL_FLOW,
                (long) horizon, AnalysisSettings.defaults(), null, null);
    }

    private static CommitteeLimits.Outcome limit(CommitteeRunConfig c) {
        CommitteeLoss loss = c.loss();
        CommitteeExcess excess = c.excess();
        TrainingTail.Result t = CommitteePipeline.train(c, loss, excess);
        return CommitteePipeline.limit(t.theta(), t.records(), t.polished(), loss, excess, c, "");
    }

    @Test
    void unitsTurningLinearTendToALinearTerm() {
        CommitteeRunConfig c = config(200, 2, 1e6);
        CommitteeLimits.Outcome o = limit(c);
        Fate f = o.fate();
        assertEquals("at_infinity", f.kind().label(), String.valueOf(f.reason()));
        assertEquals("linear", f.mechanisms());
        assertTrue(f.certified());
        CommitteeClosure lim = o.limit();
        assertEquals(List.of(Term.TANH, Term.TANH, Term.LINEAR), List.of(lim.terms()));
        // a network with the linear term as a unit (ε ĉ, |c|/ε): L_N → L_N(limit) as ε², from above
        double[] c3 = java.util.Arrays.copyOfRange(lim.params(), 6, 8);
        double cn = Math.hypot(c3[0], c3[1]);
        double prevGap = Double.NaN;
        for (double eps : new double[] {1e-1, 1e-2}) {
            double[] p = lim.params();
            double[] theta = {p[0], p[1], p[3], p[4], eps * c3[0] / cn, eps * c3[1] / cn, p[2], p[5], cn / eps};
            double gap = Math.abs(c.loss().value(theta) - f.limitTrainLoss());
            if (!Double.isNaN(prevGap)) assertEquals(100, prevGap / gap, 5, "gap " + gap + " at ε = " + eps);
            prevGap = gap;
        }
    }

    @Test
    void aPairMeetingWithGrowingOppositeWeightsTendsToADerivativeTerm() {
        CommitteeRunConfig c = config(50, 3, 1e8);
        CommitteeLimits.Outcome o = limit(c);
        Fate f = o.fate();
        assertEquals("at_infinity", f.kind().label(), String.valueOf(f.reason()));
        assertEquals("derivative_pair", f.mechanisms());
        CommitteeClosure lim = o.limit();
        assertEquals(Term.DERIV, lim.terms()[0]);
        // the pair (w ∓ ε δ̂, a/2 ∓ |δ|/(2ε)) is within O(ε²) of a g(w·x) + (δ·x) g'(w·x)
        double[] p = lim.params();
        double dn = Math.hypot(p[3], p[4]);
        double prevGap = Double.NaN;
        for (double eps : new double[] {1e-2, 5e-3}) {
            double[] theta = {p[0] - eps * p[3] / dn, p[1] - eps * p[4] / dn, p[0] + eps * p[3] / dn, p[1] + eps * p[4] / dn,
                p[5], p[6], 0.5 * p[2] - 0.5 * dn / eps, 0.5 * p[2] + 0.5 * dn / eps, p[7]};
            double gap = Math.abs(c.loss().value(theta) - f.limitTrainLoss());
            if (!Double.isNaN(prevGap)) assertEquals(4, prevGap / gap, 0.2, "gap " + gap + " at ε = " + eps);
            prevGap = gap;
        }
    }

    @Test
    void aSaturatingUnitTendsToASignTermAndIsNotCertifiedBeforeItGetsThere() {
        // at 10^8 steps the gap is still 0.4 % (above gap_tol 0.1 %, no power law onto it yet): unresolved
        CommitteeLimits.Outcome early = limit(config(200, 3, 1e8));
        assertEquals("unresolved", early.fate().kind().label());
        assertNull(early.limit());
        assertTrue(early.fate().reason().contains("not yet at the limit"), early.fate().reason());

        CommitteeRunConfig c = config(200, 3, 1e12);
        CommitteeLimits.Outcome o = limit(c);
        Fate f = o.fate();
        assertEquals("at_infinity", f.kind().label(), String.valueOf(f.reason()));
        assertEquals("saturating", f.mechanisms());
        CommitteeClosure lim = o.limit();
        int s = List.of(lim.terms()).indexOf(Term.SIGN);
        double[] u = lim.directions()[s];
        double v = lim.params()[lim.offset(s)];
        // the unit (K u, v) with K → ∞: L_N → L_N(limit) (the data keep their side of u·x = 0)
        double[] q = lim.params();
        double prevGap = Double.POSITIVE_INFINITY;
        for (double k : new double[] {1e2, 1e3, 1e4}) {
            double[] theta = {q[0], q[1], k * u[0], k * u[1], q[4], q[5], q[2], v, q[6]};
            double gap = Math.abs(c.loss().value(theta) - f.limitTrainLoss());
            assertTrue(gap < prevGap, "gap " + gap + " at K = " + k);
            prevGap = gap;
        }
        assertTrue(prevGap < 1e-15, "gap at K = 1e4: " + prevGap);
        assertEquals(f.limitGenExcess(), ClosureMoments.excess(lim, new double[] {1, 0, 0, 1}, new double[] {1, 1}, 1, Activation.TANH), 1e-15);
    }
}
