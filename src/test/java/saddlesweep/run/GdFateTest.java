package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.gdfate.GdFate;
import saddlesweep.gdfate.GdFateFinder;
import saddlesweep.gdfate.GdFateKind;
import saddlesweep.gdfate.GdVerification;
import saddlesweep.model.DataSet;
import saddlesweep.model.NormalStream;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Teacher;
import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientDescent;
import saddlesweep.train.Kernels;
import saddlesweep.train.TrainingSettings;

/**
 * GD's own fate at its η on real runs: where the flow drifts to infinity, GD at a fixed η settles on a
 * period-2 orbit at the edge of stability, found by Newton from GD's oscillation after the flow hands the run
 * back to GD; checked against plain GD run from θ_0 until it has settled, and against the edge-of-stability
 * law of a unit turning linear.
 */
class GdFateTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});

    /** N = 100, σ² = 0.1, H = 2, data 1, init 2: a derivative pair at infinity for the flow. */
    private static RunConfig derivativePair(double eta) {
        RunConfig c = RunConfig.of(ONE, 100, 0.1, 2, 1, 2);
        return c.withTraining(c.training().withEta(eta));
    }

    private static double[] orbitPoint(RunSummary s, int j) {
        int d = 2 * s.hidden();
        double[] p = new double[d];
        System.arraycopy(s.gdOrbit(), j * d, p, 0, d);
        return p;
    }

    @Test
    void theCycleFromNewtonIsWherePlainGdFromTheStartSettles() {
        double eta = 0.1;
        RunConfig c = derivativePair(eta);
        RunSummary s = RunPipeline.run(c).run();
        assertEquals("at_infinity", s.attractorKind());
        assertEquals("period_2", s.gdFate());
        assertTrue(s.gdCertified());
        assertNotNull(s.gdHandoverStep());
        assertTrue(s.gdHandoverStep() < s.gdUnstableStep(), "handed back to GD before the flow's unstable record");
        assertTrue(s.gdStep() - s.gdHandoverStep() < 400_000, "Newton from GD's oscillation: " + (s.gdStep() - s.gdHandoverStep()) + " GD steps");
        // plain GD from θ_0, with no flow and no Newton, long enough to settle on the orbit (multiplier 1 − 5.5e-5)
        long steps = 1_200_000;
        TrainingSettings plain = c.training().withTail(TrainingSettings.TAIL_GD).withPolish(false).withMaxSteps(steps).withGradTol(0);
        DataSet data = c.dataSet();
        PopulationExcess pop = new PopulationExcess(ONE, 1.0);
        GradientDescent.Outcome gd = new GradientDescent(data, plain, pop::value).run(c.initialTheta(), null);
        assertEquals(steps, gd.steps());
        double[] a = gd.theta();
        double[] b = new GdMap(SquaredLoss.empirical(data), eta).apply(a);
        double[] p = orbitPoint(s, 0);
        double[] q = orbitPoint(s, 1);
        double direct = Math.max(Vectors.distance(Symmetry.canonical(a), p), Vectors.distance(Symmetry.canonical(b), q));
        double swapped = Math.max(Vectors.distance(Symmetry.canonical(a), q), Vectors.distance(Symmetry.canonical(b), p));
        assertTrue(Math.min(direct, swapped) < 1e-10, "plain GD after " + steps + " steps is " + Math.min(direct, swapped) + " from the orbit");
        // the orbit: mean L_N, amplitude, edge of stability at its mean
        SquaredLoss loss = SquaredLoss.empirical(data);
        assertEquals(0.5 * (loss.value(p) + loss.value(q)), s.gdTrainLoss(), 1e-15);
        assertEquals(Vectors.distance(p, q), s.gdAmplitude(), 1e-12);
        assertEquals(2.0, s.gdSharpness(), 1e-3);
        assertTrue(s.gdMultiplier() < 1 && s.gdMultiplier() > 0.999);
        // GD's fate is finite while the flow's runs off: the orbit is far from the flow's last iterate
        assertTrue(Vectors.norm(p) < 0.1 * Vectors.norm(s.attractor()));
    }

    @Test
    void aTailGdRunGetsTheSameOrbit() {
        double eta = 0.1;
        RunConfig c = derivativePair(eta);
        RunSummary flow = RunPipeline.run(c).run();
        RunConfig gd = c.withTraining(c.training().withTail(TrainingSettings.TAIL_GD).withMaxSteps(400_000));
        RunSummary s = RunPipeline.run(gd).run();
        assertEquals("period_2", s.gdFate());
        assertTrue(s.gdCertified());
        for (int j = 0; j < 2; j++) {
            assertTrue(Vectors.distance(orbitPoint(s, j), orbitPoint(flow, j)) < 1e-9,
                    "point " + j + ": " + Vectors.distance(orbitPoint(s, j), orbitPoint(flow, j)));
        }
        assertEquals(flow.gdTrainLoss(), s.gdTrainLoss(), 1e-12);
    }

    @Test
    void atSmallEtaGdEndsOnTheFlowsFiniteLimit() {
        RunConfig c = RunConfig.of(ONE, 100, 0.01, 1, 1, 1);
        RunResult r = RunPipeline.run(c);
        RunSummary s = r.run();
        assertEquals("finite", s.attractorKind());
        assertEquals("flow", s.gdFate(), "GD never turns unstable at η = 0.05: it shares the flow's fate");
        assertTrue(s.gdCertified());
        assertEquals(s.limitTrainLoss(), s.gdTrainLoss(), 0.0);
        // followed as GD for its own sake, from a point off the minimum, it ends on the same point
        DataSet data = c.dataSet();
        SquaredLoss loss = SquaredLoss.empirical(data);
        GdFateFinder f = new GdFateFinder(new GdMap(loss, c.training().eta()), () -> Kernels.forData(data),
                new PopulationExcess(ONE, 1.0)::value, 1e9);
        double[] start = s.attractor().clone();
        start[0] += 0.01;
        start[1] -= 0.01;
        GdFate fixed = f.follow(start, 0);
        assertEquals("fixed_point", fixed.label(), fixed.reason());
        assertTrue(fixed.certified(), fixed.reason());
        // both are zeros of ∇L_N (the polish to 1e-11, Newton on G to rounding) of an isolated minimum with
        // λ_min = 0.0237: within ‖∇L_N‖/λ_min ≈ 4e-10 of each other
        double apart = Vectors.distance(Symmetry.canonical(fixed.cycle().points()[0]), s.attractor());
        assertTrue(apart < 1e-9, "fixed point " + apart + " from the flow's limit");
        assertEquals(s.trainLoss(), fixed.meanTrainLoss(), 1e-14 * s.trainLoss());
    }

    @Test
    void aFewCollapsesAreNoEvidence_theIssuesRunSettlesOnTheCycleItWasSaidToCircle() {
        // N = 50, σ² = 0.1, H = 2, data 21, init 1, η = 0.1: the last release called it aperiodic after three
        // collapses; plain GD from θ_0 (the scalar C oracle, and this kernel) is 9e-15 from the 2-cycle at 2·10^6 steps
        RunConfig c = RunConfig.of(ONE, 50, 0.1, 2, 21, 1);
        c = c.withTraining(c.training().withEta(0.1));
        RunSummary s = RunPipeline.run(c).run();
        assertEquals("period_2", s.gdFate(), s.error());
        assertTrue(s.gdCertified());
        assertEquals(GdFateOfRun.START_THETA0, s.gdStart(), "the edge at 8.7·10^5 steps is within gd_theta0_work");
        assertEquals(0.0427128, s.gdTrainLoss(), 5e-8, "plain GD's mean L_N on the cycle");
        assertTrue(s.gdEvidence().contains("linear regime"), s.gdEvidence());
        // plain GD from θ_0 with nothing else in the loop, to 2·10^6 steps: on the reported orbit
        double[] last = plainGd(c, 2_000_000);
        double[] next = new GdMap(SquaredLoss.empirical(c.dataSet()), 0.1).apply(last);
        double apart = Math.min(Math.max(Vectors.distance(Symmetry.canonical(last), orbitPoint(s, 0)),
                Vectors.distance(Symmetry.canonical(next), orbitPoint(s, 1))), Math.max(Vectors.distance(Symmetry.canonical(last),
                orbitPoint(s, 1)), Vectors.distance(Symmetry.canonical(next), orbitPoint(s, 0))));
        assertTrue(apart < 1e-12, "plain GD at 2·10^6 steps is " + apart + " from the orbit");
    }

    @Test
    void circlingForAFractionOfASettlingTimeIsLeftUnresolvedAndAStartNextToTheCycleSettlesOnIt() {
        // quickstart N = 100, σ² = 0.01, H = 2, data 2, init 4: the flow turns a unit linear and meets the edge at
        // 4.8·10^8 steps; plain GD from the hand-over circles a stable 2-cycle (settling time 8.9·10^6 steps). The
        // default budget covers half a settling time: not enough to tell circling from settling, so no certificate
        RunConfig c = RunConfig.of(ONE, 100, 0.01, 2, 2, 4);
        RunSummary s = RunPipeline.run(c).run();
        assertEquals("unresolved", s.gdFate(), s.error());
        assertFalse(s.gdCertified());
        assertEquals(2, s.gdPeriod(), "the stable 2-cycle it was seen circling");
        assertTrue(s.gdBursts() >= 3 && s.gdBurstSpan() < 3, s.gdEvidence());
        assertTrue(s.gdEvidence().contains("circles"), s.gdEvidence());
        assertEquals(8.9e6, s.gdSettlingSteps(), 0.1e6);
        // GD started 1e-7 from that cycle converges to it: the cycle attracts, GD's own path stays outside its basin
        DataSet data = c.dataSet();
        SquaredLoss loss = SquaredLoss.empirical(data);
        double[] p = orbitPoint(s, 0);
        double[] start = p.clone();
        for (int i = 0; i < start.length; i++) start[i] += 1e-7 * (i % 2 == 0 ? 1 : -1);
        GdFate near = new GdFateFinder(new GdMap(loss, c.training().eta()), () -> Kernels.forData(data),
                new PopulationExcess(ONE, 1.0)::value, 1e9).follow(start, 0);
        assertEquals("period_2", near.label(), near.reason());
        assertTrue(near.certified());
        double[][] canon = Symmetry.canonicalOrbit(near.cycle().points());
        assertTrue(Vectors.distance(canon[0], p) < 1e-8 && Vectors.distance(canon[1], orbitPoint(s, 1)) < 1e-8,
                "the same cycle: " + Vectors.distance(canon[0], p));
    }

    @Test
    void fromThetaZeroTheFateFollowsTheIteratesOfTailGdBitForBit() {
        // GD's fate from θ_0 makes the kernel calls tail: gd makes: its GD is that GD, not a copy of it
        RunConfig c = RunConfig.of(ONE, 50, 0.1, 2, 21, 1);
        c = c.withTraining(c.training().withEta(0.1));
        DataSet data = c.dataSet();
        SquaredLoss loss = SquaredLoss.empirical(data);
        long steps = 900_000;                                        // past the edge at 8.7·10^5
        GdVerification.Result v = GdVerification.run(new GdMap(loss, 0.1), Kernels.forData(data), GdFateKind.UNRESOLVED,
                null, c.initialTheta(), 0, steps);
        double[] tail = plainGd(c, steps);
        assertArrayEquals(tail, v.last(), "bit for bit");
    }

    /** Plain GD (tail: gd, no polish, no gradient stop) from θ_0 for the given steps: its last iterate. */
    private static double[] plainGd(RunConfig c, long steps) {
        TrainingSettings plain = c.training().withTail(TrainingSettings.TAIL_GD).withPolish(false).withMaxSteps(steps).withGradTol(0);
        GradientDescent.Outcome gd = new GradientDescent(c.dataSet(), plain, x -> 0).run(c.initialTheta(), null);
        assertEquals(steps, gd.steps());
        return gd.theta();
    }

    @Test
    void aUnitTurningLinearMeetsTheEdgeAtVSquaredProportionalToOneOverEta() {
        // cubic data a tanh unit cannot bend towards: the flow turns the unit linear (w → 0, v → ∞, vw → c)
        int n = 100;
        double[] x = normals(11, n);
        double[] e = normals(12, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 0.5 * x[i] + 0.2 * x[i] * x[i] * x[i] + 0.05 * e[i];
        double m2 = 0;
        for (double xi : x) m2 += xi * xi / n;
        double[] v = new double[2];
        double[] etas = {0.01, 0.02};
        for (int k = 0; k < 2; k++) {
            RunConfig c = RunConfig.of(ONE, n, 0.0025, 1, 1, 1).withData(new DataSet(x, y)).withInit(new double[] {0.5, 1.0});
            RunSummary s = RunPipeline.run(c.withTraining(c.training().withEta(etas[k]))).run();
            assertEquals("at_infinity", s.attractorKind());
            assertEquals("period_2", s.gdFate(), s.error());
            // the curvature of a unit turning linear is v² mean(x²) along w: the edge η·λ_max = 2 at v² ≈ 2/(η mean x²)
            v[k] = 0.5 * (Math.abs(orbitPoint(s, 0)[1]) + Math.abs(orbitPoint(s, 1)[1]));
            assertEquals(Math.sqrt(2 / (etas[k] * m2)), v[k], 0.05 * v[k]);
        }
        double exponent = Math.log(v[0] / v[1]) / Math.log(etas[1] / etas[0]);
        assertEquals(0.5, exponent, 0.025, "|v| ∝ η^−" + exponent);
    }

    private static double[] normals(long seed, int n) {
        NormalStream s = new NormalStream(seed, NormalStream.DATA);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = s.nextNormal();
        return z;
    }
}
