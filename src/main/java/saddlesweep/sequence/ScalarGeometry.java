package saddlesweep.sequence;

import java.util.List;

import saddlesweep.model.Mlp;
import saddlesweep.model.Singularity;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Symmetry;

/** The scalar-input network's geometry: {@link Symmetry}, {@link Singularity}, {@link EmbeddedCriticalPoints}. */
public final class ScalarGeometry implements ModelGeometry {

    private final SquaredLoss loss;
    private final EmbeddedCriticalPoints embedded;

    public ScalarGeometry(SquaredLoss loss, EmbeddedCriticalPoints embedded) {
        this.loss = loss;
        this.embedded = embedded;
    }

    @Override
    public double distance(double[] a, double[] b) {
        return Symmetry.distance(a, b);
    }

    @Override
    public String singularity(double[] theta, double tol) {
        return Singularity.of(theta, tol).label();
    }

    @Override
    public List<double[]> embeddedNear(double[] theta) {
        return embedded.near(theta);
    }

    /** m from the Hessian at 0 (∂²L/∂w_1∂v_1 = −m); the unstable directions are (w_i + sign(m)·v_i)/√2. */
    @Override
    public OriginLaw originLaw(int length) {
        double m = -loss.hessian(new double[length]).get(0, length / 2);
        return new OriginLaw() {
            @Override
            public double rate() {
                return Math.abs(m);
            }

            @Override
            public double amplitude(double[] theta) {
                return unstableAmplitude(theta, m);
            }
        };
    }

    /** A(θ) = ‖((w_i + sign(m) v_i)/√2)_i‖: the part of θ along the origin's unstable directions. */
    static double unstableAmplitude(double[] theta, double m) {
        int h = Mlp.units(theta);
        double s = Math.signum(m) == 0 ? 1 : Math.signum(m);
        double a = 0;
        for (int i = 0; i < h; i++) {
            double c = (theta[i] + s * theta[h + i]) / Math.sqrt(2);
            a += c * c;
        }
        return Math.sqrt(a);
    }
}
