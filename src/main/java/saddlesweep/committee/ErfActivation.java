package saddlesweep.committee;

import org.apache.commons.math3.special.Erf;

/**
 * Saad and Solla's activation g(u) = erf(u/√2) (commons-math3's erf). Derivatives: g' = √(2/π) e^{−u²/2},
 * g'' = −u g', g''' = (u² − 1) g', g'''' = (3u − u³) g'. Its pair moments have closed forms (Saad &amp; Solla 1995):
 * with α = 1 + A, β = 1 + B, D = αβ − C²,
 * <pre>
 * M00 = (2/π) asin(C/√(αβ))     M11 = (2/π) D^{−1/2}          M22 = (2/π) C D^{−3/2}
 * M20 = −(2/π) C / (α √D)        M31 = −(2/π) β D^{−3/2}        M40 = (4/π) C (α^{−2} D^{−1/2} + ½ β α^{−1} D^{−3/2})
 * </pre>
 * and M02, M13, M04 with A and B exchanged — M11 = ∂M00/∂C, M20 = 2 ∂M00/∂A, M22 = ∂M11/∂C, M31 = 2 ∂M11/∂A,
 * M40 = 2 ∂M20/∂A by Price's theorem.
 */
final class ErfActivation implements Activation {

    static final ErfActivation ERF = new ErfActivation();

    private ErfActivation() {
    }

    @Override
    public double value(double u) {
        return Erf.erf(u / Math.sqrt(2));
    }

    @Override
    public void derivatives(double u, double[] out) {
        double d1 = Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * u * u);
        out[0] = value(u);
        out[1] = d1;
        out[2] = -u * d1;
        out[3] = (u * u - 1) * d1;
        out[4] = (3 * u - u * u * u) * d1;
    }

    /** g, g' and −g'' = u · g'. */
    @Override
    public void lossTerms(double u, double[] out) {
        double d1 = Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * u * u);
        out[0] = value(u);
        out[1] = d1;
        out[2] = u;
        out[3] = d1;
    }

    /** The pair moments in closed form, indexed as {@link GaussianPairMoments#of}. */
    @Override
    public double[] pairMoments(double a, double b, double c) {
        double[] m = new double[GaussianPairMoments.COUNT];
        double alpha = 1 + a;
        double beta = 1 + b;
        double det = alpha * beta - c * c;
        double k = 2 / Math.PI;
        double root = Math.sqrt(det);
        double root3 = det * root;
        m[GaussianPairMoments.M00] = k * Math.asin(c / Math.sqrt(alpha * beta));
        m[GaussianPairMoments.M11] = k / root;
        m[GaussianPairMoments.M22] = k * c / root3;
        m[GaussianPairMoments.M20] = -k * c / (alpha * root);
        m[GaussianPairMoments.M02] = -k * c / (beta * root);
        m[GaussianPairMoments.M31] = -k * beta / root3;
        m[GaussianPairMoments.M13] = -k * alpha / root3;
        m[GaussianPairMoments.M40] = 2 * k * c * (1 / (alpha * alpha * root) + 0.5 * beta / (alpha * root3));
        m[GaussianPairMoments.M04] = 2 * k * c * (1 / (beta * beta * root) + 0.5 * alpha / (beta * root3));
        return m;
    }

    @Override
    public String toString() {
        return "erf";
    }
}
