package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.model.Vectors;
import saddlesweep.train.FlowTail;
import saddlesweep.train.GradientDescent;
import saddlesweep.train.TrainingRecord;

/**
 * The flow GD follows on a committee machine: its field against finite differences of L_N's gradient (F = −(g +
 * (η/2) H g)), and the flow tail against plain GD itself over 3·10^5 steps of an over-realizable run in d = 3.
 */
class CommitteeFlowTest {

    private static final double[] TEACHER = {1, 0, 0, 0, 1, 0, 1, -0.7};

    @Test
    void theFieldIsMinusTheGradientCorrectedByHalfEtaHessianTimesGradient() {
        CommitteeLoss loss = new CommitteeLoss(CommitteeData.generate(TEACHER, 3, 50, 0.01, 1.0, 4));
        double[] theta = {0.8, 0.4, -0.1, 0.3, -1.5, 2.0, 0.05, 0.2, 0.9, 1.1, 0.6, -0.4};
        double eta = 0.3;
        double[] f = new double[theta.length];
        CommitteeFlowField field = new CommitteeFlowField(loss, eta, theta.length);
        assertTrue(field.evaluate(theta, f, null));
        double[] g = new double[theta.length];
        loss.gradient(theta, g);
        // H g by a central difference of the gradient along g
        double h = 1e-5;
        double[] gp = new double[theta.length];
        double[] gm = new double[theta.length];
        loss.gradient(Vectors.addScaled(theta, h, g), gp);
        loss.gradient(Vectors.addScaled(theta, -h, g), gm);
        for (int i = 0; i < theta.length; i++) {
            double hg = (gp[i] - gm[i]) / (2 * h);
            assertEquals(-(g[i] + 0.5 * eta * hg), f[i], 1e-9, "F_" + i);
            assertTrue(field.rounding(i) >= 0 && field.rounding(i) < 1e-13, "rounding " + field.rounding(i));
        }
    }

    @Test
    void theFlowTailFollowsPlainGdOverThreeHundredThousandSteps() {
        CommitteeLoss loss = new CommitteeLoss(CommitteeData.generate(TEACHER, 3, 60, 0.01, 1.0, 2));
        double eta = 0.1;
        double[] theta = {0.3, 0.1, -0.2, -0.1, 0.4, 0.1, 0.2, 0.3, 0.1, 0.3, -0.2, 0.2};   // H = 3 > H* = 2
        double[] g = new double[theta.length];
        for (int s = 0; s < 20_000; s++) {                                                   // into the slow phase
            loss.gradient(theta, g);
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
        }
        double[] start = theta.clone();
        long span = 300_000;
        for (long s = 0; s < span; s++) {
            loss.gradient(theta, g);
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
        }
        List<TrainingRecord> records = new ArrayList<>();
        FlowTail tail = new FlowTail(loss, p -> new CommitteeFlowField(loss, eta, p), eta, 50, 0, th -> 0,
                FlowTail.RTOL, FlowTail.ATOL);
        GradientDescent.Outcome flow = tail.run(start, 0, span, records, null);
        double rel = Vectors.distance(theta, flow.theta()) / Vectors.norm(theta);
        double moved = Vectors.distance(start, theta) / Vectors.norm(theta);
        System.out.printf("committee flow vs GD over %d steps: rel %.3e (moved %.3e), %d evaluations%n", span, rel, moved,
                tail.evaluations());
        assertTrue(moved > 1e-2, "the tail moves: " + moved);
        assertTrue(rel < 1e-6, "flow vs GD: " + rel);
    }
}
