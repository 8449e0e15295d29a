package saddlesweep.gdfate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Teacher;
import saddlesweep.train.KernelTanh;

/** The tangent map's product on the kernels' tanh against SquaredLoss.hessianVector on Math.tanh (2.5 ulp apart per tanh). */
class KernelTanhProductTest {

    @Test
    void itIsTheHessianVectorProductToRounding() {
        DataSet data = DataSet.generate(new Teacher(new double[] {0.8, -2.5}, new double[] {1.2, 0.7}), 80, 0.01, 1.0, 3);
        SquaredLoss loss = SquaredLoss.empirical(data);
        SplittableRandom rng = new SplittableRandom(7);
        for (int h = 1; h <= 4; h++) {
            for (int c = 0; c < 5; c++) {
                double[] theta = new double[2 * h];
                double[] u = new double[2 * h];
                for (int a = 0; a < 2 * h; a++) {
                    theta[a] = rng.nextDouble(-4, 4);
                    u[a] = rng.nextGaussian();
                }
                double[] fast = new double[2 * h];
                double[] exact = new double[2 * h];
                loss.hessianVector(theta, u, fast, KernelTanh::tanh);
                loss.hessianVector(theta, u, exact);
                double scale = 0;
                for (double e : exact) scale = Math.max(scale, Math.abs(e));
                for (int a = 0; a < 2 * h; a++) assertEquals(exact[a], fast[a], 1e-13 * scale, "H = " + h + ", component " + a);
            }
        }
    }
}
