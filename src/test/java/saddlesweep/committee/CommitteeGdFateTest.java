package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.Spectrum;
import saddlesweep.gdfate.Lyapunov;
import saddlesweep.model.Vectors;
import saddlesweep.run.GdSummary;
import saddlesweep.train.GdMap;
import saddlesweep.train.TrainingSettings;

/**
 * GD's own fate for a committee machine (d = 2) where the flow's minimum is unstable for GD at η (η·λ_max &gt; 2):
 * the certified 2-cycle is checked against plain GD run on its own — the analytic gradient ({@link CommitteeLoss},
 * Math.tanh), not the kernel the tool runs — from θ_0, long after the tool's certificate.
 */
class CommitteeGdFateTest {

    private static final int D = 2;
    /** Two orthogonal unit rows, v* = (1, 1). */
    private static final double[] TEACHER = {1, 0, 0, 1, 1, 1};

    private static CommitteeRunConfig config(double eta) {
        return new CommitteeRunConfig(D, Activation.TANH, TEACHER, 100, 0.01, 2, 3, 5, 1.0, eta, 0.1, 20_000, 1e-12, 50,
                TrainingSettings.TAIL_FLOW, TrainingSettings.DEFAULT_HORIZON_STEPS, AnalysisSettings.defaults(), null, null);
    }

    @Test
    void pastTheEdgeGdSettlesOnTheTwoCycleTheToolCertifies() {
        CommitteeRunConfig c = config(2.4);
        CommitteePipeline.Result r = CommitteePipeline.run(c);
        GdSummary gd = r.run().gd();
        // the flow ends at a minimum GD cannot stay at
        assertEquals("finite", r.run().attractorKind());
        double[] eig = r.run().eigenvalues();
        assertTrue(2.4 * eig[eig.length - 1] > 2, "η·λ_max at the flow's minimum: " + 2.4 * eig[eig.length - 1]);
        assertEquals("period_2", gd.gdFate(), gd.gdEvidence());
        assertTrue(gd.gdCertified());
        assertEquals(2 * TEACHER.length, gd.gdOrbit().length, "two points of H·(d + 1) entries");

        // plain GD from θ_0 on the analytic gradient, well past the certificate
        CommitteeLoss loss = c.loss();
        double[] theta = c.theta0();
        double[] g = new double[theta.length];
        long steps = Math.max(60_000, 2 * gd.gdStep());
        for (long s = 0; s < steps; s++) {
            loss.gradient(theta, g);
            for (int a = 0; a < theta.length; a++) theta[a] -= 2.4 * g[a];
        }
        loss.gradient(theta, g);
        double[] next = Vectors.addScaled(theta, -2.4, g);
        double[][] plain = CommitteeSymmetry.canonicalOrbit(new double[][] {theta, next}, D);
        for (int j = 0; j < 2; j++) {
            double[] p = Arrays.copyOfRange(gd.gdOrbit(), j * TEACHER.length, (j + 1) * TEACHER.length);
            assertTrue(Vectors.distance(p, plain[j]) < 1e-9, "cycle point " + j + ": " + Vectors.distance(p, plain[j]));
        }
        // a 2-cycle, not a fixed point: the two points are apart by the cycle's extent, and GD's mean L_N is above the minimum's
        assertTrue(Vectors.distance(plain[0], plain[1]) > 1e-3, "extent " + Vectors.distance(plain[0], plain[1]));
        assertEquals(0.5 * (loss.value(plain[0]) + loss.value(plain[1])), gd.gdTrainLoss(), 1e-12);
        assertTrue(gd.gdTrainLoss() > r.run().trainLoss());
        // GD's mean point sits at the edge: η·λ_max there within a percent of 2
        double[] mean = new double[theta.length];
        for (int a = 0; a < mean.length; a++) mean[a] = 0.5 * (plain[0][a] + plain[1][a]);
        double[] em = Spectrum.of(loss.hessian(mean)).values();
        assertEquals(2.0, 2.4 * em[em.length - 1], 0.02);
    }

    /**
     * Past the edge from the start (η = 2.4, the origin itself unstable for GD: η|m| &gt; 2), GD's oscillation keeps
     * ‖∇L_N‖ up and the sequence reads a plateau at the overlap saddle; it is not counted as the symmetric plateau,
     * whose dip must come while GD still follows the flow.
     */
    @Test
    void aPlateauPastTheEdgeIsNotTheSymmetricPlateau() {
        CommitteeRunConfig c = new CommitteeRunConfig(D, Activation.TANH, TEACHER, 400, 0.0, 2, 2, 2, 1.0, 2.4, 1e-3, 200_000,
                1e-12, 50, TrainingSettings.TAIL_FLOW, 10_000_000_000L, AnalysisSettings.defaults(), null, null);
        CommitteePipeline.Result r = CommitteePipeline.run(c);
        Long unstable = r.run().gd().gdUnstableStep();
        assertEquals(0L, unstable, "η·λ_max ≥ 2 from the first record");
        long overlapPlateaus = r.events().stream().filter(e -> e.kind().equals("plateau") && "overlap".equals(e.singularity())
                && e.morseIndex() >= 1).count();
        assertTrue(overlapPlateaus >= 1, "a plateau at the overlap saddle past the edge");
        assertEquals(0, r.run().symmetricPlateaus());
        assertEquals("period_2", r.run().gd().gdFate(), r.run().gd().gdEvidence());
    }

    /**
     * Chaos in d = 4 (a run of the η scan, H = 3, η = 2.8, certified aperiodic with λ = 0.0167 ± 0.0004; plain GD in C
     * gave 0.0166 over 5·10^6 steps): after a burn-in on the kernel, the tangent-map exponent (the committee's
     * analytic Hessian-vector product) and a two-trajectory estimate of the same 10^5 steps (a neighbour 1e-8 away,
     * renormalised every 10 steps, on plain GD's analytic gradient) agree, and both are clearly positive.
     */
    @Test
    void theTangentMapsExponentIsTheTwoTrajectoryExponentInChaos() {
        CommitteeRunConfig c = new CommitteeRunConfig(4, Activation.TANH, new double[] {1, 0, 0, 0, 0, 1, 0, 0, 1, 1}, 100, 0.01,
                3, 2, 1, 1.0, 2.8, 1e-3, 200_000, 1e-12, 50, TrainingSettings.TAIL_FLOW, 10_000_000_000L,
                AnalysisSettings.defaults(), null, null);
        CommitteeLoss loss = c.loss();
        double eta = c.eta();
        double[] theta = c.theta0();
        double[] g = new double[theta.length];
        CommitteeKernel kernel = new CommitteeKernel(loss.data());
        for (int s = 0; s < 200_000; s++) {
            kernel.lossAndGradient(theta, g);
            for (int a = 0; a < theta.length; a++) theta[a] -= eta * g[a];
        }
        Lyapunov tangent = new Lyapunov(
                new GdMap(loss, loss::hessianVector, eta), theta.length);
        double delta = 1e-8;
        double[] shadow = theta.clone();
        for (int a = 0; a < shadow.length; a++) shadow[a] += delta / Math.sqrt(shadow.length);
        double[] gs = new double[theta.length];
        double logSum = 0;
        int steps = 100_000;
        for (int s = 0; s < steps; s++) {
            loss.gradient(theta, g);
            loss.gradient(shadow, gs);
            tangent.step(theta, eta * Vectors.norm(g));
            for (int a = 0; a < theta.length; a++) {
                theta[a] -= eta * g[a];
                shadow[a] -= eta * gs[a];
            }
            if (s % 10 == 9) {                       // renormalise the neighbour to δ
                double dist = Vectors.distance(shadow, theta);
                logSum += Math.log(dist / delta);
                for (int a = 0; a < theta.length; a++) shadow[a] = theta[a] + (shadow[a] - theta[a]) * delta / dist;
            }
        }
        double twoPoint = logSum / steps;
        double fromTangent = tangent.estimate().exponent();
        assertTrue(twoPoint > 0.012 && fromTangent > 0.012, "two-trajectory " + twoPoint + ", tangent map " + fromTangent);
        assertEquals(twoPoint, fromTangent, 0.1 * twoPoint, "two-trajectory vs tangent map");
    }

    @Test
    void belowTheEdgeGdsFateIsTheFlows() {
        CommitteePipeline.Result r = CommitteePipeline.run(config(1.5));
        assertEquals("flow", r.run().gd().gdFate());
        assertTrue(r.run().gd().gdCertified());
        assertEquals(null, r.run().gd().gdUnstableStep());
    }
}
