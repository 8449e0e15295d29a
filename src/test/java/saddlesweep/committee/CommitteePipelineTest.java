package saddlesweep.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.NewtonPolish;
import saddlesweep.run.RunEvent;
import saddlesweep.train.TrainingSettings;

/**
 * A committee-machine run in d = 3 against what is known without the pipeline: the teacher is the realizable
 * run's global minimum (L_N = 0), the origin's escape law in closed form, and a run started next to the overlap
 * set, which GD follows to the duplicated H = 1 optimum (polished here on its own) before it escapes.
 */
class CommitteePipelineTest {

    private static final int D = 3;
    /** Two orthogonal unit rows, v* = (1, 1). */
    private static final double[] TEACHER = {1, 0, 0, 0, 1, 0, 1, 1};

    private static CommitteeRunConfig config(double eta, double initScale, long maxSteps, double[] init) {
        return config(Activation.TANH, eta, initScale, maxSteps, init);
    }

    private static CommitteeRunConfig config(Activation g, double eta, double initScale, long maxSteps, double[] init) {
        return new CommitteeRunConfig(D, g, TEACHER, 200, 0.0, 2, 3, 5, 1.0, eta, initScale, maxSteps, 1e-12, 50,
                TrainingSettings.TAIL_FLOW, TrainingSettings.DEFAULT_HORIZON_STEPS, AnalysisSettings.defaults(), null, init);
    }

    @Test
    void aRealizableRunEndsAtTheTeacherAfterTheOriginPlateauItsLawPredicts() {
        CommitteeRunConfig c = config(0.2, 1e-3, 100_000, null);
        CommitteePipeline.Result r = CommitteePipeline.run(c);
        assertEquals("converged", r.run().status());
        assertEquals("finite", r.run().attractorKind());
        assertEquals(0, r.run().morseIndex());
        // the global minimum of a noise-free realizable run is the teacher (modulo the symmetries)
        assertTrue(CommitteeSymmetry.distance(r.run().attractor(), TEACHER, D) < 1e-8,
                "distance to θ* " + CommitteeSymmetry.distance(r.run().attractor(), TEACHER, D));
        assertTrue(r.run().trainLoss() < 1e-25);
        assertEquals(0.0, r.run().optTrainLoss(), 0.0, "noise-free data: L_N(θ*) = 0 exactly");
        assertEquals(r.run().optDistance(), CommitteeSymmetry.distance(r.run().attractor(), TEACHER, D), 1e-15);
        assertTrue(Math.abs(r.run().genExcess()) < 1e-14);
        // the origin plateau: index H (one −|m| per unit), exit where (1 + η|m|)^t takes A from A(0) to ½
        RunEvent origin = r.events().get(0);
        assertEquals("origin", origin.singularity());
        assertEquals(2, origin.morseIndex());
        double m = saddlesweep.model.Vectors.norm(c.dataSet().meanYx());
        assertEquals(-m, origin.eigenvalues()[0], 1e-14);
        assertNotNull(origin.predictedExit());
        assertEquals(origin.stepExit(), origin.predictedExit(), 0.05 * origin.stepExit(), "origin exit vs escape law");
    }

    /** ‖w_1 − w_2‖ at the first record at or after step. */
    private static double gapAt(CommitteePipeline.Result r, long step) {
        for (var p : r.trajectory()) {
            if (p.step() < step) continue;
            double s = 0;
            for (int k = 0; k < D; k++) s += (p.theta()[k] - p.theta()[D + k]) * (p.theta()[k] - p.theta()[D + k]);
            return Math.sqrt(s);
        }
        throw new AssertionError("no record at or after step " + step);
    }

    @Test
    void theFlowsLimitIsCertifiedWhereGdAtEtaWouldBeUnstable() {
        // the teacher is an isolated minimum of noise-free L_N; at η = 4/λ_max GD cannot settle there (η·λ_max = 4),
        // so GD's finish refuses it, while the flow's limit (η → 0) is that minimum all the same
        CommitteeLoss loss = config(0.2, 0, 1, null).loss();
        double[] near = TEACHER.clone();
        near[0] += 1e-4;
        double lambdaMax = saddlesweep.analysis.Spectrum.of(loss.hessian(TEACHER)).maxAbs();
        saddlesweep.flowfate.AttractorFinder finder = new saddlesweep.flowfate.AttractorFinder(loss, 4 / lambdaMax,
                AnalysisSettings.defaults());
        assertEquals(null, finder.polish(near, 0.0, true));
        saddlesweep.flowfate.Attractor limit = finder.polishLimit(near, true);
        assertNotNull(limit);
        assertEquals("finite", limit.kind().label());
        assertTrue(saddlesweep.model.Vectors.distance(limit.theta(), TEACHER) < 1e-12);
    }

    @Test
    void anErfRunLeavesTheOriginAtTheRateOfItsSlopeAtZero() {
        // erf(u/√2) has g'(0) = √(2/π): the origin's eigenvalues are ±√(2/π)|m|, and the exit follows that law
        CommitteeRunConfig c = config(Activation.ERF, 0.2, 1e-3, 100_000, null);
        CommitteePipeline.Result r = CommitteePipeline.run(c);
        RunEvent origin = r.events().get(0);
        double m = saddlesweep.model.Vectors.norm(c.dataSet().meanYx());
        assertEquals(-Math.sqrt(2 / Math.PI) * m, origin.eigenvalues()[0], 1e-14);
        assertEquals(origin.stepExit(), origin.predictedExit(), 0.05 * origin.stepExit(), "origin exit vs escape law");
        // noise-free and realizable: it ends at the erf teacher, and its E is Saad and Solla's closed form there (0)
        assertEquals("erf", r.run().activation());
        assertTrue(CommitteeSymmetry.distance(r.run().attractor(), TEACHER, D) < 1e-8);
        assertTrue(Math.abs(r.run().genExcess()) < 1e-14);
    }

    @Test
    void aRunNextToTheOverlapSetVisitsTheDuplicatedNarrowOptimum() {
        // both units on one row, 1e-6 apart: GD stays near the overlap set, where it converges to the H = 1
        // optimum split over two units, until the asymmetry has grown
        double[] init = {0.3, 0.2, 0.1, 0.3, 0.2, 0.1 + 1e-6, 0.4, 0.4};
        CommitteePipeline.Result r = CommitteePipeline.run(config(0.2, 0, 200_000, init));
        List<RunEvent> overlap = r.events().stream()
                .filter(e -> "plateau".equals(e.kind()) && "overlap".equals(e.singularity())).toList();
        assertEquals(1, overlap.size(), "one plateau on the overlap set: " + r.events());
        RunEvent saddle = overlap.get(0);
        assertTrue(saddle.refined());
        assertTrue(saddle.morseIndex() >= 1, "a saddle");
        assertTrue(saddle.criticalGradNorm() < 1e-10);
        assertEquals(1, r.run().symmetricPlateaus());
        // its length runs to the exit the escape law predicts, and there the units have split: the gap
        // ‖w_1 − w_2‖ is below 1e-2 at the dip and beyond the visit radius ≈ 0.07 at the predicted exit
        assertNotNull(saddle.predictedExit());
        assertEquals(saddle.predictedExit() - saddle.stepEnter(), r.run().symmetricPlateauSteps());
        assertTrue(gapAt(r, saddle.stepDip()) < 1e-2, "gap at the dip " + gapAt(r, saddle.stepDip()));
        double radius = 0.05 * (1 + saddlesweep.model.Vectors.norm(saddle.point()));
        assertTrue(gapAt(r, saddle.predictedExit()) > radius, "gap at the predicted exit " + gapAt(r, saddle.predictedExit()));
        // its L_N is the H = 1 optimum's, found here by plain GD and Newton on the one-unit network
        CommitteeLoss loss = new CommitteeLoss(config(0.2, 0, 1, init).dataSet());
        double[] narrow = {0.6, 0.4, 0.2, 0.8};
        double[] g = new double[4];
        for (int s = 0; s < 20_000; s++) {
            loss.gradient(narrow, g);
            for (int i = 0; i < 4; i++) narrow[i] -= 0.2 * g[i];
        }
        NewtonPolish.Result p = new NewtonPolish(loss, 1e-9, 1).polish(narrow, NewtonPolish.Mode.STRICT);
        assertTrue(p.ok(), p.reason());
        assertEquals(p.value(), saddle.criticalTrainLoss(), 1e-13);
        // and the run still ends at the teacher
        assertEquals("finite", r.run().attractorKind());
        assertTrue(CommitteeSymmetry.distance(r.run().attractor(), TEACHER, D) < 1e-8);
    }
}
