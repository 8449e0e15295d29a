package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;
import saddlesweep.run.InitialPoint;

/**
 * The batched kernel against the single-run kernel: every run of a batch gets the bits of its own
 * {@link VectorKernel} along a GD trajectory, whatever runs share the batch — several R, mixed H, runs joining
 * and leaving between calls, data sizes that are and are not multiples of 8, and trajectories whose steps take
 * the direct tanh (first call, every K-th call, large steps) as well as the addition formula.
 */
class BatchKernelTest {

    /** One run: its own single-run kernel and GD iterate (the reference) and its batch member. */
    private static final class Run {
        final VectorKernel single;
        final BatchKernel.Member member;
        final double[] theta;
        final double[] grad;
        final double eta;

        Run(DataSet data, BatchKernel batch, int hidden, long seed, double eta) {
            single = new VectorKernel(data);
            member = batch.member(hidden);
            theta = InitialPoint.draw(hidden, 0.5, seed);
            grad = new double[2 * hidden];
            this.eta = eta;
        }
    }

    /**
     * GD on every run for {@code steps} steps; at step s the batch holds the runs whose window [from, to) holds s,
     * in a shuffled order. Asserts after each call that each member's loss and gradient are the single kernel's.
     */
    private static int check(DataSet data, int[] hidden, double[] eta, long[][] windows, int steps, long seed) {
        BatchKernel batch = new BatchKernel(data);
        List<Run> runs = new ArrayList<>();
        for (int j = 0; j < hidden.length; j++) runs.add(new Run(data, batch, hidden[j], 100 + j, eta[j]));
        Random order = new Random(seed);
        BatchKernel.Member[] members = new BatchKernel.Member[runs.size()];
        int compared = 0;
        for (int s = 0; s < steps; s++) {
            List<Run> in = new ArrayList<>();
            for (int j = 0; j < runs.size(); j++) if (windows[j][0] <= s && s < windows[j][1]) in.add(runs.get(j));
            java.util.Collections.shuffle(in, order);
            for (int m = 0; m < in.size(); m++) {
                members[m] = in.get(m).member;
                System.arraycopy(in.get(m).theta, 0, members[m].theta(), 0, in.get(m).theta.length);
            }
            batch.lossAndGradient(members, in.size());
            for (Run r : in) {
                double loss = r.single.lossAndGradient(r.theta, r.grad);
                assertEquals(Double.doubleToRawLongBits(loss), Double.doubleToRawLongBits(r.member.loss()),
                        "loss at step " + s + ": " + loss + " vs " + r.member.loss());
                assertArrayEquals(r.grad, r.member.gradient(), 0.0, "gradient at step " + s);
                for (int k = 0; k < r.theta.length; k++) r.theta[k] -= r.eta * r.grad[k];
                compared++;
            }
        }
        return compared;
    }

    @Test
    void eachRunHasTheBitsOfItsSingleKernelForSeveralBatchSizes() {
        Teacher teacher = new Teacher(new double[]{0.5, 3}, new double[]{1, 1});
        for (int n : new int[]{50, 13, 200}) {
            DataSet data = DataSet.generate(teacher, n, 0.1, 1.0, n);
            for (int r : new int[]{1, 2, 4, 8}) {
                int[] hidden = new int[r];
                double[] eta = new double[r];
                long[][] always = new long[r][];
                for (int j = 0; j < r; j++) {
                    hidden[j] = 2 + j % 2;                 // H = 2 and 3 in one batch
                    eta[j] = 0.05 + 0.4 * j;               // up to 2.85: steps large enough to take tanh directly
                    always[j] = new long[]{0, Long.MAX_VALUE};
                }
                assertEquals(300L * r, check(data, hidden, eta, always, 300, r));
            }
        }
    }

    @Test
    void runsJoiningAndLeavingChangeNoBitOfTheOthers() {
        DataSet data = DataSet.generate(new Teacher(new double[]{1.2, -0.4}, new double[]{0.9, 0.6}), 100, 0.1, 1.0, 7);
        int[] hidden = {1, 2, 3, 4, 5, 2};
        double[] eta = {0.1, 0.1, 0.3, 0.05, 0.2, 1.5};
        long[][] windows = {{0, 400}, {0, 120}, {50, 400}, {33, 64}, {0, 400}, {200, 260}};
        int compared = check(data, hidden, eta, windows, 400, 3);
        assertEquals(400 + 120 + 350 + 31 + 400 + 60, compared);
    }

    @Test
    void aBatchSeesBothTanhPathsAlongTheseTrajectories() {
        DataSet data = DataSet.generate(new Teacher(new double[]{1.2}, new double[]{0.9}), 50, 0.1, 1.0, 2);
        BatchKernel batch = new BatchKernel(data);
        BatchKernel.Member m = batch.member(2);
        double[] theta = InitialPoint.draw(2, 0.5, 4);
        for (int s = 0; s < 100; s++) {
            System.arraycopy(theta, 0, m.theta(), 0, 4);
            batch.lossAndGradient(new BatchKernel.Member[]{m}, 1);
            for (int k = 0; k < 4; k++) theta[k] -= 0.1 * m.gradient()[k];
        }
        assertTrue(m.refresh.updates() > 100, "updates " + m.refresh.updates());
        assertTrue(m.refresh.directs() >= 8, "directs " + m.refresh.directs());   // calls 0, 32, 64, 96
    }
}
