package saddlesweep.train;

import saddlesweep.model.DataSet;
import saddlesweep.model.SquaredLoss;

/**
 * Reference {@link GradientKernel}: the analytic gradient of {@link SquaredLoss#empirical L_N}, a plain loop
 * over samples with {@link Math#tanh}.
 */
public final class ScalarKernel implements GradientKernel {

    private final SquaredLoss loss;
    private final int samples;

    public ScalarKernel(DataSet data) {
        this.loss = SquaredLoss.empirical(data);
        this.samples = data.size();
    }

    @Override
    public int samples() {
        return samples;
    }

    @Override
    public double lossAndGradient(double[] theta, double[] grad) {
        return loss.gradient(theta, grad);
    }
}
