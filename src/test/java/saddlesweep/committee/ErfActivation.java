package saddlesweep.committee;

import org.apache.commons.math3.special.Erf;

/**
 * Saad and Solla's activation g(u) = erf(u/√2) for the tests (commons-math3's erf): its pair moments have closed
 * forms, e.g. E[g(a) g(b)] = (2/π) asin(C / √((1 + A)(1 + B))). Derivatives: g' = √(2/π) e^{−u²/2}, g'' = −u g',
 * g''' = (u² − 1) g', g'''' = (3u − u³) g'.
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

    /** E[g(a) g(b)] = (2/π) asin(C / √((1 + A)(1 + B))). */
    static double m00(double a, double b, double c) {
        return 2 / Math.PI * Math.asin(c / Math.sqrt((1 + a) * (1 + b)));
    }

    /** E[g'(a) g'(b)] = ∂M00/∂C = (2/π) / √((1 + A)(1 + B) − C²). */
    static double m11(double a, double b, double c) {
        return 2 / Math.PI / Math.sqrt((1 + a) * (1 + b) - c * c);
    }

    /** E[g''(a) g(b)] = 2 ∂M00/∂A = −(2/π) C / ((1 + A) √((1 + A)(1 + B) − C²)). */
    static double m20(double a, double b, double c) {
        return -2 / Math.PI * c / ((1 + a) * Math.sqrt((1 + a) * (1 + b) - c * c));
    }
}
