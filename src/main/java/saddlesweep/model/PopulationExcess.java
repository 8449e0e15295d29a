package saddlesweep.model;

import java.util.HashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

/**
 * The population excess {@code E(θ) = ½ E_x[(f(x; θ) − f*(x))²]}, x ~ N(0, s_x²), with gradient and Hessian.
 *
 * <p>Quadrature: with x = s_x z, E = ∫_0^Z 2 φ(z) ½ r(s_x z)² dz (r = f − f* is odd, so r² is even), Z = 10
 * (the neglected Gaussian tail is below 1e-23). Gauss–Hermite converges slowly here because tanh(w x) has
 * poles at x = iπ/(2w); instead a composite 16-point Gauss–Legendre rule on panels of width
 * h = min(½, π/(2 W s_x)), W = max |w| over student and teacher rounded up to a power of two. A panel of
 * half-width a then sees the nearest pole at distance d ≥ 2a, inside a Bernstein ellipse of ρ ≥ 2 + √5,
 * so the error per panel is O(ρ^−32) ≈ 1e-20 relative.
 */
public final class PopulationExcess implements Objective {

    /** Upper limit of the z integral. */
    static final double Z_MAX = 10.0;
    /** Nodes per panel. */
    static final int NODES = 16;

    private static final GaussLegendre RULE = new GaussLegendre(NODES);

    private final Teacher teacher;
    private final double inputStd;
    private final Map<Integer, SquaredLoss> rules = new HashMap<>();

    public PopulationExcess(Teacher teacher, double inputStd) {
        this.teacher = teacher;
        this.inputStd = inputStd;
    }

    public Teacher teacher() {
        return teacher;
    }

    /** E(θ). */
    @Override
    public double value(double[] theta) {
        return lossFor(theta).value(theta);
    }

    /** ∇E(θ). */
    public double[] gradient(double[] theta) {
        return lossFor(theta).gradient(theta);
    }

    /** Writes ∇E(θ) into grad and returns E(θ). */
    @Override
    public double gradient(double[] theta, double[] grad) {
        return lossFor(theta).gradient(theta, grad);
    }

    /** ∇²E(θ). */
    @Override
    public DMatrixRMaj hessian(double[] theta) {
        return lossFor(theta).hessian(theta);
    }

    /** The quadrature (as a weighted squared loss) that is accurate at θ. */
    public SquaredLoss lossFor(double[] theta) {
        double w = Math.max(Mlp.maxAbsW(theta), Mlp.maxAbsW(teacher.theta())) * inputStd;
        int exponent = w <= 1 ? 0 : Math.getExponent(w) + 1;      // W rounded up to 2^exponent
        return rules.computeIfAbsent(exponent, this::buildRule);
    }

    private SquaredLoss buildRule(int exponent) {
        double wBound = Math.scalb(1.0, exponent);
        double width = Math.min(0.5, Math.PI / (2 * wBound));
        int panels = (int) Math.ceil(Z_MAX / width);
        width = Z_MAX / panels;
        int m = RULE.size();
        double[] x = new double[panels * m];
        double[] y = new double[panels * m];
        double[] om = new double[panels * m];
        double[] th = teacher.theta();
        double norm = 2.0 / Math.sqrt(2 * Math.PI);                // 2 φ(z) = 2 e^{−z²/2} / √(2π)
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * width;
            double half = 0.5 * width;
            for (int i = 0; i < m; i++) {
                double z = mid + half * RULE.node(i);
                int k = p * m + i;
                x[k] = inputStd * z;
                y[k] = Mlp.eval(th, x[k]);
                om[k] = norm * Math.exp(-0.5 * z * z) * half * RULE.weight(i);
            }
        }
        return new SquaredLoss(x, y, om);
    }
}
