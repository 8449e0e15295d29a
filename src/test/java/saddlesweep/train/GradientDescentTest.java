package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;

/**
 * GradientDescent: the iterates equal an independent plain-Java GD loop written here; records sit on the
 * log grid plus the last step and carry the right values; the three stop conditions and the finisher.
 */
class GradientDescentTest {

    private static final Teacher T = new Teacher(new double[] {1}, new double[] {1});
    private static final DataSet DATA = DataSet.generate(T, 100, 0.01, 1.0, 3);

    /** θ after k steps of θ ← θ − η ∇L_N, with ∇L_N written out independently. */
    static double[] independentGd(DataSet d, double[] theta0, double eta, int k) {
        double[] th = theta0.clone();
        int h = th.length / 2;
        int n = d.size();
        for (int step = 0; step < k; step++) {
            double[] g = new double[th.length];
            for (int m = 0; m < n; m++) {
                double x = d.x()[m];
                double f = 0;
                for (int i = 0; i < h; i++) f += th[h + i] * Math.tanh(th[i] * x);
                double r = f - d.y()[m];
                for (int i = 0; i < h; i++) {
                    double t = Math.tanh(th[i] * x);
                    g[h + i] += r * t / n;
                    g[i] += r * th[h + i] * x * (1 - t * t) / n;
                }
            }
            for (int i = 0; i < th.length; i++) th[i] -= eta * g[i];
        }
        return th;
    }

    private static TrainingSettings settings(double eta, long maxSteps, double gradTol) {
        return TrainingSettings.defaults().withEta(eta).withMaxSteps(maxSteps).withGradTol(gradTol).withPolish(false);
    }

    @Test
    void iteratesMatchAnIndependentGradientDescentLoop() {
        double[] theta0 = {0.1, 0.02, 0.1, -0.02};
        GradientDescent.Outcome o = new GradientDescent(DATA, settings(0.05, 2000, 0), th -> 0).run(theta0, null);
        assertEquals(RunStatus.BUDGET, o.status());
        assertEquals(2000, o.steps());
        double[] expected = independentGd(DATA, theta0, 0.05, 2000);
        assertArrayEquals(expected, o.theta(), 1e-12);
        // θ_0 is not modified
        assertArrayEquals(new double[] {0.1, 0.02, 0.1, -0.02}, theta0, 0.0);
    }

    @Test
    void recordsAreOnTheLogGridPlusTheLastStepWithConsistentValues() {
        PopulationExcess e = new PopulationExcess(T, 1.0);
        SquaredLoss loss = SquaredLoss.empirical(DATA);
        double[] theta0 = {0.3, -0.2, 0.1, 0.05};
        long maxSteps = 12_345;
        GradientDescent.Outcome o = new GradientDescent(DATA, settings(0.05, maxSteps, 0), e::value).run(theta0, null);
        List<Long> expected = new ArrayList<>();
        LogGrid grid = new LogGrid(TrainingSettings.DEFAULT_RECORDS_PER_DECADE);
        for (long s = 0; s < maxSteps; s = grid.next(s)) expected.add(s);
        expected.add(maxSteps);
        List<Long> got = o.records().stream().map(TrainingRecord::step).toList();
        assertEquals(expected, got);
        for (TrainingRecord r : o.records()) {
            assertEquals(loss.value(r.theta()), r.trainLoss(), 1e-14 * r.trainLoss());
            assertEquals(loss.gradientNorm(r.theta()), r.gradNorm(), 1e-12 * r.gradNorm());
            assertEquals(e.value(r.theta()), r.genExcess(), 0.0);
        }
        assertArrayEquals(independentGd(DATA, theta0, 0.05, 100), o.records().get(expected.indexOf(100L)).theta(), 1e-13);
        assertArrayEquals(o.theta(), o.records().get(o.records().size() - 1).theta(), 0.0);
    }

    @Test
    void stopsAsConvergedAtTheGradientTolerance() {
        // H = 1 from near the fit: converges fast; the last record is the first step with ‖∇‖ ≤ tol
        double tol = 1e-9;
        GradientDescent.Outcome o = new GradientDescent(DATA, settings(0.5, 1_000_000, tol), th -> 0)
                .run(new double[] {0.9, 1.1}, null);
        assertEquals(RunStatus.CONVERGED, o.status());
        SquaredLoss loss = SquaredLoss.empirical(DATA);
        assertTrue(loss.gradientNorm(o.theta()) <= tol);
        assertTrue(loss.gradientNorm(independentGd(DATA, new double[] {0.9, 1.1}, 0.5, (int) o.steps() - 1)) > tol,
                "one step earlier the gradient was still above tol");
        assertEquals(o.steps(), o.records().get(o.records().size() - 1).step());
    }

    @Test
    void stopsAsDivergedOnNonFiniteValues() {
        // η far above 2/λ_max: the v-direction oscillates with growing amplitude until it overflows
        GradientDescent.Outcome o = new GradientDescent(DATA, settings(1e3, 1_000_000, 0), th -> 0)
                .run(new double[] {1, 1}, null);
        assertEquals(RunStatus.DIVERGED, o.status());
        assertNotNull(o.error());
        assertTrue(o.steps() < 1_000_000);
    }

    @Test
    void finisherTakesOverAtARecordAfterTheFirst() {
        List<Long> asked = new ArrayList<>();
        GradientDescent.Outcome o = new GradientDescent(DATA, settings(0.05, 1000, 0), th -> 0)
                .run(new double[] {0.1, 0.1}, r -> {
                    asked.add(r.step());
                    return r.step() >= 30;
                });
        long stop = 0;
        LogGrid grid = new LogGrid(TrainingSettings.DEFAULT_RECORDS_PER_DECADE);
        while (stop < 30) stop = grid.next(stop);   // the first record at or after step 30
        assertEquals(RunStatus.CONVERGED, o.status());
        assertEquals(stop, o.steps());
        assertEquals(1L, asked.get(0));             // never asked at step 0
        assertEquals(stop, asked.get(asked.size() - 1));
        assertArrayEquals(independentGd(DATA, new double[] {0.1, 0.1}, 0.05, (int) stop), o.theta(), 1e-14);
    }
}
