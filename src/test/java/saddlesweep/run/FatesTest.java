package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.model.NormalStream;
import saddlesweep.model.Teacher;
import saddlesweep.train.TrainingRecord;

/**
 * Whole runs with the flow tail on data built so that the fate is known in closed form: a unit turning
 * linear (cubic data tanh cannot bend towards), a saturating unit (a step in the data), and a saddle the
 * run can never leave (a unit started exactly at zero). Each limit's L_N is checked against an
 * independent computation and against every recorded L_N.
 */
class FatesTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});

    private static double[] normals(long seed, int n) {
        NormalStream s = new NormalStream(seed, NormalStream.DATA);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = s.nextNormal();
        return z;
    }

    private static void assertBelowEveryRecord(RunResult r) {
        double limit = r.run().limitTrainLoss();
        for (TrajectoryPoint p : r.trajectory()) {
            assertTrue(limit <= p.trainLoss() + 64 * Math.ulp(limit), "L_N(limit) " + limit + " > L_N " + p.trainLoss() + " at " + p.step());
        }
    }

    @Test
    void aUnitTurnsLinearOnCubicData() {
        int n = 100;
        double[] x = normals(11, n);
        double[] e = normals(12, n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 0.5 * x[i] + 0.2 * x[i] * x[i] * x[i] + 0.05 * e[i];
        // the curvature grows as v²: a small η lets GD follow the unit further before η·λ_max reaches 2
        RunConfig config = RunConfig.of(ONE, n, 0.0025, 1, 1, 1).withData(new DataSet(x, y)).withInit(new double[] {0.5, 1.0});
        RunResult r = RunPipeline.run(config.withTraining(config.training().withEta(0.002)));
        RunSummary s = r.run();
        // independent: the best c·x, ĉ = Σxy / Σx², L = (1/2N) Σ (y − ĉx)²
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += x[i] * y[i];
            sxx += x[i] * x[i];
        }
        double c = sxy / sxx;
        double l = 0;
        for (int i = 0; i < n; i++) l += (y[i] - c * x[i]) * (y[i] - c * x[i]);
        l /= 2 * n;
        assertEquals("at_infinity", s.attractorKind(), s.error());
        assertEquals("linear", s.infinityMechanism());
        assertTrue(s.certified());
        assertEquals("linear", s.limitModel());
        assertEquals(c, s.limitParams()[0], 1e-9 * Math.abs(c));
        assertEquals(l, s.limitTrainLoss(), 1e-10 * l);
        assertEquals("algebraic", s.approach());
        assertBelowEveryRecord(r);
    }

    @Test
    void aUnitSaturatesOnAStep() {
        int n = 80;
        double[] x = normals(21, n);
        double[] y = new double[n];
        // a step whose height grows towards x = 0: every finite w under-fits the inner points, so w → ∞
        for (int i = 0; i < n; i++) y[i] = Math.signum(x[i]) * (0.7 + 0.2 * Math.exp(-x[i] * x[i]));
        RunResult r = RunPipeline.run(RunConfig.of(ONE, n, 0.0004, 1, 1, 1).withData(new DataSet(x, y)).withInit(new double[] {2.0, 0.5}));
        RunSummary s = r.run();
        // independent: the best v·sign(x) is v = mean(y sign x)
        double v = 0;
        for (int i = 0; i < n; i++) v += y[i] * Math.signum(x[i]);
        v /= n;
        double l = 0;
        for (int i = 0; i < n; i++) l += (y[i] - v * Math.signum(x[i])) * (y[i] - v * Math.signum(x[i]));
        l /= 2 * n;
        assertEquals("at_infinity", s.attractorKind(), s.error() + " " + s.limitModel() + " " + java.util.Arrays.toString(s.limitParams())
                + " last " + java.util.Arrays.toString(r.trajectory().get(r.trajectory().size() - 1).theta()) + " at " + s.steps()
                + " prev " + java.util.Arrays.toString(r.trajectory().get(r.trajectory().size() - 40).theta()));
        assertEquals("saturating", s.infinityMechanism());
        assertEquals("sign", s.limitModel());
        assertTrue(s.certified());
        assertEquals(v, s.limitParams()[0], 1e-9);
        assertEquals(l, s.limitTrainLoss(), 1e-9 * l);
        // E of the limit: ½ E[(v sign x − tanh x)²] by its own closed pieces is not simple; check it is the
        // value the quadrature gives for a huge-w unit, which converges to it
        double bigW = new saddlesweep.model.PopulationExcess(ONE, 1.0).value(new double[] {1e6, v});
        assertEquals(bigW, s.limitGenExcess(), 1e-5);
        assertBelowEveryRecord(r);
    }

    @Test
    void aUnitStartedAtZeroLeavesTheRunOnASaddle() {
        RunConfig c = RunConfig.of(ONE, 100, 0.01, 2, 1, 1).withInit(new double[] {0.5, 0.0, 0.5, 0.0});
        RunResult r = RunPipeline.run(c);
        RunSummary s = r.run();
        double[] fit = RunScenariosTest.oneUnitFit(c.dataSet());
        assertEquals("saddle", s.attractorKind(), s.error());
        assertTrue(s.certified());
        assertEquals(-Math.abs(fit[2]), s.escapeEigenvalue(), 1e-9);
        double[] a = s.attractor();        // canonical: (0, w̄, 0, v̄)
        assertEquals(fit[0], Math.max(a[0], a[1]), 1e-9);
        assertBelowEveryRecord(r);
    }
}
