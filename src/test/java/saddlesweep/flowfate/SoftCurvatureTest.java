package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import saddlesweep.analysis.Spectrum;
import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureLoss;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.Vectors;

/** An ill-conditioned minimum confirmed; a point beside it, a flat direction and a saddle not. */
class SoftCurvatureTest {

    private static final ClosureNetwork MIN = new ClosureMinimiser(ClosureMinimiserTest.NEARLY_COLLINEAR, 1e-7)
            .minimise(ClosureNetwork.parse("tanh,linear,cubic", new double[] {0.4367, 11.97, -4.273, 0.1356}));

    private static boolean confirmed(ClosureNetwork shape, double[] p) {
        ClosureLoss cl = new ClosureLoss(shape, ClosureMinimiserTest.NEARLY_COLLINEAR);
        return SoftCurvature.confirmed(cl, p, cl.hessian(p));
    }

    @Test
    void theMinimumOfNearlyCollinearTermsIsConfirmed() {
        assertTrue(confirmed(MIN, MIN.params()));
    }

    @Test
    void aPointBesideItIsNot() {
        // 1e-4 along the soft direction: the gradient there is tiny, but the Newton step back is not
        ClosureLoss cl = new ClosureLoss(MIN, ClosureMinimiserTest.NEARLY_COLLINEAR);
        DMatrixRMaj h = cl.hessian(MIN.params());
        Spectrum scaled = Spectrum.ofJacobiScaled(h);
        double[] z = scaled.vector(0);
        double[] u = new double[z.length];
        for (int i = 0; i < z.length; i++) u[i] = z[i] / Math.sqrt(h.get(i, i));
        double[] beside = Vectors.addScaled(MIN.params(), 1e-4 / Vectors.norm(u), u);
        assertTrue(cl.gradientNorm(beside) < 1e-8, "gradient " + cl.gradientNorm(beside));
        assertFalse(confirmed(MIN, beside));
    }

    @Test
    void aFlatDirectionAndASaddleAreNot() {
        // c₁ x + c₂ x: zero curvature along c₁ − c₂
        ClosureNetwork twice = new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR, ClosureForm.LINEAR}, new double[] {0.3, 0.2});
        ClosureNetwork once = new ClosureMinimiser(ClosureMinimiserTest.NEARLY_COLLINEAR, 1e-7)
                .minimise(new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR}, new double[] {0.5}));
        double c = once.params()[0];
        assertFalse(confirmed(twice, new double[] {0.5 * c, 0.5 * c}));
        // θ = 0 of one tanh unit: the block [[0, −m], [−m, 0]] has a negative eigenvalue
        assertFalse(confirmed(ClosureNetwork.ofMlp(new double[] {0, 0}), new double[] {0, 0}));
    }
}
