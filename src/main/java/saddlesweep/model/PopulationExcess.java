package saddlesweep.model;

import java.util.HashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

/**
 * The population excess {@code E(θ) = ½ E_x[(f(x; θ) − f*(x))²]}, x ~ N(0, s_x²), with gradient and Hessian.
 *
 * <p>Quadrature: with x = s_x z, E = ∫_0^Z 2 φ(z) ½ r(s_x z)² dz (r = f − f* is odd, so r² is even), Z = 10
 * (the neglected Gaussian tail is below 1e-23). Gauss–Hermite converges slowly here because tanh(w x) has
 * poles at x = ±iπ(k + ½)/w; instead a composite 16-point Gauss–Legendre rule on panels graded towards the
 * poles: with d = π/(2 W s_x), W = max |w| over student and teacher rounded up to a power of two, the first
 * panel is [0, d/2], each next one doubles in width up to ½, then panels of width ½ reach Z. Every panel
 * then lies inside a Bernstein ellipse of parameter ρ ≳ 4 that avoids the poles (ρ ≈ 10 past the first), so
 * the error per panel is O(ρ^−32) ≤ 1e-19 relative, with O(log W) panels for any W.
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
        return ruleFor(Mlp.maxAbsW(theta));
    }

    /** The quadrature (as a weighted squared loss against f*) accurate for students with |w| ≤ maxAbsW. */
    public SquaredLoss ruleFor(double maxAbsW) {
        double w = Math.max(maxAbsW, Mlp.maxAbsW(teacher.theta())) * inputStd;
        // W rounded up to 2^exponent; capped where d underflows (θ is then meaningless anyway)
        int exponent = !(w > 1) ? 0 : Math.min(Math.getExponent(w) + 1, 1000);
        return rules.computeIfAbsent(exponent, this::buildRule);
    }

    private SquaredLoss buildRule(int exponent) {
        double d = Math.PI / (2 * Math.scalb(1.0, exponent));   // height of the nearest pole in z
        java.util.List<double[]> panels = GaussLegendre.gradedPanels(Z_MAX, Math.min(0.5 * d, 0.5), 0.5);
        int m = RULE.size();
        int size = panels.size() * m;
        double[] x = new double[size];
        double[] y = new double[size];
        double[] om = new double[size];
        double[] th = teacher.theta();
        double norm = 2.0 / Math.sqrt(2 * Math.PI);                // 2 φ(z) = 2 e^{−z²/2} / √(2π)
        for (int p = 0; p < panels.size(); p++) {
            double mid = 0.5 * (panels.get(p)[0] + panels.get(p)[1]);
            double half = 0.5 * (panels.get(p)[1] - panels.get(p)[0]);
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
