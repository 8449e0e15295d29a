package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.Spectrum;
import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.sequence.SequenceFinder;

/**
 * The saddle sequence of real runs: the origin plateau and its linear escape law against m = mean(x·y) of
 * the data itself, and the near-optimal point as a critical point of L_N.
 */
class SequenceTest {

    private static final Teacher ONE = new Teacher(new double[] {1}, new double[] {1});

    private static RunEvent origin(RunResult r) {
        List<RunEvent> o = r.events().stream().filter(e -> "origin".equals(e.singularity())).toList();
        assertEquals(1, o.size(), "one origin visit: " + r.events());
        return o.get(0);
    }

    @Test
    void theOriginPlateauFollowsTheLinearEscapeLaw() {
        for (double scale : new double[] {1e-2, 1e-4}) {
            RunConfig c = RunConfig.of(ONE, 200, 0.01, 2, 3, 5);
            c = c.withTraining(c.training().withInitScale(scale).withTail("gd").withMaxSteps(3000));
            RunResult r = RunPipeline.run(c);
            RunEvent e = origin(r);
            assertEquals("plateau", e.kind());
            assertEquals(0, e.stepEnter());
            assertEquals(2, e.morseIndex(), "one unstable direction per unit at the origin (H = 2)");
            // independent: m = mean(x y) of the data, A(0) along (w_i + sign(m) v_i)/√2
            DataSet d = c.dataSet();
            double m = 0;
            for (int i = 0; i < d.size(); i++) m += d.x()[i] * d.y()[i];
            m /= d.size();
            assertEquals(-Math.abs(m), e.escapeEigenvalue(), 1e-12);
            double[] t0 = c.initialTheta();
            double a0 = 0;
            for (int i = 0; i < 2; i++) a0 += Math.pow((t0[i] + Math.signum(m) * t0[2 + i]) / Math.sqrt(2), 2);
            a0 = Math.sqrt(a0);
            double predicted = Math.log(SequenceFinder.ORIGIN_RADIUS / a0) / Math.log1p(c.training().eta() * Math.abs(m));
            assertNotNull(e.predictedExit());
            assertEquals(predicted, e.predictedExit(), 0.5);
            // the measured exit follows the law to within the nonlinear corrections near the exit radius
            assertEquals(predicted, e.stepExit(), 0.1 * predicted, "measured " + e.stepExit() + " vs law " + predicted);
        }
    }

    @Test
    void theNearOptimalPointIsACriticalPointOfTheEmpiricalLoss() {
        RunConfig c = RunConfig.of(ONE, 100, 0.01, 2, 2, 1).withTraining(RunConfig.of(ONE, 100, 0.01, 2, 2, 1).training()
                .withTail("gd").withMaxSteps(20_000));
        RunResult r = RunPipeline.run(c);
        List<RunEvent> near = r.events().stream().filter(e -> e.kind().equals("near_optimal")).toList();
        assertEquals(1, near.size(), r.events().toString());
        RunEvent e = near.get(0);
        assertTrue(e.refined());
        SquaredLoss loss = SquaredLoss.empirical(c.dataSet());
        assertTrue(loss.gradientNorm(e.point()) <= 1e-10, "‖∇L_N‖ at the near-optimal point " + loss.gradientNorm(e.point()));
        assertEquals(r.run().minGenStep(), e.stepDip());
    }

    @Test
    void everyNoisyOverRealizableRunHasANearOptimalCriticalPointWithItsOwnMorseIndex() {
        int found = 0;
        int runs = 0;
        for (int hidden : new int[] {2, 3}) {
            for (long init = 1; init <= 4; init++) {
                RunConfig c = RunConfig.of(ONE, 100, 0.01, hidden, 1, init);
                c = c.withTraining(c.training().withTail("gd").withMaxSteps(20_000));
                RunResult r = RunPipeline.run(c);
                runs++;
                List<RunEvent> near = r.events().stream().filter(e -> e.kind().equals("near_optimal")).toList();
                if (near.isEmpty()) continue;
                found++;
                RunEvent e = near.get(0);
                SquaredLoss loss = SquaredLoss.empirical(c.dataSet());
                assertTrue(loss.gradientNorm(e.point()) <= 1e-10, "‖∇L_N‖ at the near-optimal point " + loss.gradientNorm(e.point()));
                // the index recounted from a fresh decomposition of the Hessian at the reported point
                double[] ev = Spectrum.of(loss.hessian(e.point())).values();
                double t = 1e-7 * Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
                int index = 0;
                for (double v : ev) if (v < -t) index++;
                assertEquals(index, e.morseIndex());
                assertTrue(e.distance() <= 1.0, "within refine_max_distance: " + e.distance());
            }
        }
        assertTrue(found >= runs - 1, "near-optimal events in " + found + " of " + runs + " runs");
    }
}
