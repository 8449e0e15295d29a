package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.TrajectoryPoint;

/**
 * jobs/plateau-law.yaml's axes drive the dynamics as the linear escape law says: from θ_0 = ε·z the origin
 * plateau lasts ≈ ln(c/ε)/ln(1 + η|m|) steps, m = mean(x·y). For one data set and direction z, the escape step
 * (L_N at half its initial value, interpolated on the recorded trajectory) is a straight line in ln(1/ε) whose slope s gives
 * the growth rate |m| = (exp(1/s) − 1)/η; it must match mean(x·y) of the data set rebuilt from its seed, for
 * every η of the axis. (Measured when written: |m| = 0.7146, implied 0.7178–0.7183 for η = 0.02, 0.04, 0.08, r² ≥ 0.99998.)
 */
class PlateauLawJobTest {

    @Test
    void escapeFromTheOriginFollowsTheLinearLawOnEveryEta() {
        SweepJob job = JobParser.parse(Path.of("jobs/plateau-law.yaml"), false);
        assertEquals(3, job.eta().size());
        assertEquals(4, job.initScale().size());
        // eta -> (ln(1/eps), escape step) for the runs of H = 1, data seed 1, init seed 1
        Map<Double, List<double[]>> lines = new TreeMap<>();
        DataSet data = null;
        for (long i = 0; i < job.size(); i++) {
            RunConfig c = job.task(i);
            if (c.hidden() != 1 || c.dataSeed() != 1 || c.initSeed() != 1) continue;
            c = c.withTraining(c.training().withMaxSteps(3000));
            data = c.dataSet();
            List<TrajectoryPoint> trajectory = RunPipeline.run(c).trajectory();
            assertEquals(0, trajectory.get(0).step());
            double half = 0.5 * trajectory.get(0).trainLoss();
            double escape = crossing(trajectory, half);
            lines.computeIfAbsent(c.training().eta(), k -> new ArrayList<>())
                    .add(new double[] {Math.log(1 / c.training().initScale()), escape});
        }
        double m = 0;
        for (int k = 0; k < data.size(); k++) m += data.x()[k] * data.y()[k] / data.size();
        assertEquals(3, lines.size());
        for (Map.Entry<Double, List<double[]>> line : lines.entrySet()) {
            double eta = line.getKey();
            double[] fit = fit(line.getValue());
            double growth = (Math.exp(1 / fit[0]) - 1) / eta;
            assertTrue(fit[1] > 0.9999, "escape step not linear in ln(1/init_scale) at eta " + eta + ": r2 " + fit[1]);
            assertEquals(Math.abs(m), growth, 0.02 * Math.abs(m), "growth rate at eta " + eta + " vs mean(x y) " + m);
        }
    }

    /** The step where L_N first falls to {@code level}, interpolated in log L_N between the two records around it. */
    private static double crossing(List<TrajectoryPoint> trajectory, double level) {
        for (int k = 1; k < trajectory.size(); k++) {
            TrajectoryPoint a = trajectory.get(k - 1);
            TrajectoryPoint b = trajectory.get(k);
            if (b.trainLoss() <= level) {
                double f = Math.log(a.trainLoss() / level) / Math.log(a.trainLoss() / b.trainLoss());
                return a.step() + f * (b.step() - a.step());
            }
        }
        throw new AssertionError("L_N never fell to " + level);
    }

    /** Least-squares slope of y on x, and r². */
    private static double[] fit(List<double[]> points) {
        double mx = 0, my = 0;
        for (double[] p : points) {
            mx += p[0] / points.size();
            my += p[1] / points.size();
        }
        double sxx = 0, sxy = 0, syy = 0;
        for (double[] p : points) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
            syy += (p[1] - my) * (p[1] - my);
        }
        return new double[] {sxy / sxx, sxy * sxy / (sxx * syy)};
    }
}
