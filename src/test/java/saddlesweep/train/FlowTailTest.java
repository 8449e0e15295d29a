package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.model.Vectors;
import saddlesweep.run.InitialPoint;

/**
 * The flow tail against closed forms and against plain GD: Rosenbrock23 on a stiff linear system against
 * its exponential solution, and the modified gradient flow against GD itself, from the same GD iterate of a
 * real over-realizable run, over 10^6 steps.
 */
class FlowTailTest {

    @Test
    void rosenbrockSolvesAStiffLinearSystemToItsTolerance() {
        // y' = −diag(λ) y, λ from 1e-6 to 1e4: y(t) = e^{−λt} y0
        double[] lambda = {1e-6, 1e-3, 1.0, 1e4};
        VectorField f = new VectorField() {
            public int dimension() {
                return 4;
            }

            public boolean evaluate(double[] y, double[] out, double[] jac) {
                for (int i = 0; i < 4; i++) {
                    out[i] = -lambda[i] * y[i];
                    if (jac != null) for (int j = 0; j < 4; j++) jac[i * 4 + j] = i == j ? -lambda[i] : 0;
                }
                return true;
            }
        };
        double[] y0 = {1, 1, 1, 1};
        Rosenbrock23 ode = new Rosenbrock23(f, 1e-9, 1e-14, 0, y0, 1e-6);
        double tEnd = 1e6;
        while (ode.time() < tEnd) assertTrue(ode.step(Math.min(tEnd - ode.time(), Math.max(0.25 * ode.time(), 1e-6))));
        double[] y = ode.state();
        for (int i = 0; i < 4; i++) {
            double exact = Math.exp(-lambda[i] * tEnd);
            assertEquals(exact, y[i], 1e-6 * Math.abs(exact) + 1e-12, "component " + i);
        System.out.println("linear system: " + ode.steps() + " steps, " + ode.rejected() + " rejected");
        }
    }

    @Test
    void modifiedFlowFollowsPlainGradientDescentOverAMillionSteps() {
        Teacher teacher = new Teacher(new double[] {1}, new double[] {1});
        DataSet data = DataSet.generate(teacher, 100, 0.01, 1.0, 3);
        double eta = 0.05;
        TrainingSettings ts = TrainingSettings.defaults().withMaxSteps(20_000).withPolish(false);
        GradientDescent.Outcome warm = new GradientDescent(data, ts, th -> 0).run(InitialPoint.draw(2, 0.1, 2), null);
        double[] start = warm.theta();
        long span = 1_000_000;
        GradientDescent.Outcome gd = new GradientDescent(data, ts.withMaxSteps(span), th -> 0).run(start, null);
        SquaredLoss loss = SquaredLoss.empirical(data);
        List<TrainingRecord> records = new ArrayList<>();
        FlowTail tail = new FlowTail(loss, eta, 50, 0, th -> 0);
        GradientDescent.Outcome flow = tail.run(start, 0, span, records, null);
        double rel = Vectors.distance(gd.theta(), flow.theta()) / Vectors.norm(gd.theta());
        double moved = Vectors.distance(start, gd.theta()) / Vectors.norm(gd.theta());
        System.out.printf("flow vs GD over %d steps: rel %.3e (moved %.3e), %d evaluations%n", span, rel, moved, tail.evaluations());
        assertTrue(moved > 1e-2, "the tail moves: " + moved);
        assertTrue(rel < 1e-6, "flow vs GD: " + rel);
    }
}
