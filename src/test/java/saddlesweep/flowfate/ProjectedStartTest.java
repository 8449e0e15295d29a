package saddlesweep.flowfate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.SquaredLoss;

/** The coefficients of a start fitted with its w's held, against the normal equations of its basis. */
class ProjectedStartTest {

    @Test
    void coefficientsAreTheLeastSquaresFitAndTheWsStay() {
        SquaredLoss loss = ClosureMinimiserTest.NEARLY_COLLINEAR;
        double w1 = 0.7;
        double w2 = 1.9;
        ClosureNetwork start = new ClosureNetwork(new ClosureForm[] {ClosureForm.TANH, ClosureForm.DERIV, ClosureForm.LINEAR},
                new double[] {w1, 5.0, w2, -3.0, 2.0, 9.0});
        double[] p = ProjectedStart.of(start, loss).params();
        assertEquals(w1, p[0], 0.0);
        assertEquals(w2, p[2], 0.0);
        // independent: the normal equations of y on tanh(w1 x), tanh(w2 x), x sech²(w2 x), x by Gauss–Jordan
        int m = 4;
        double[][] a = new double[m][m + 1];
        for (int k = 0; k < loss.points(); k++) {
            double x = loss.x()[k];
            double t2 = Math.tanh(w2 * x);
            double[] b = {Math.tanh(w1 * x), t2, x * (1 - t2 * t2), x};
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) a[i][j] += b[i] * b[j];
                a[i][m] += b[i] * loss.y()[k];
            }
        }
        for (int col = 0; col < m; col++) {
            for (int row = 0; row < m; row++) {
                if (row == col) continue;
                double f = a[row][col] / a[col][col];
                for (int k = col; k <= m; k++) a[row][k] -= f * a[col][k];
            }
        }
        double[] fit = {a[0][m] / a[0][0], a[1][m] / a[1][1], a[2][m] / a[2][2], a[3][m] / a[3][3]};
        int[] at = {1, 3, 4, 5};
        for (int i = 0; i < m; i++) assertEquals(fit[i], p[at[i]], 1e-8 * (1 + Math.abs(fit[i])), "coefficient " + i);
    }
}
