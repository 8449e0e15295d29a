package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Floquet multipliers of an orbit of the GD map: the eigenvalues μ of its monodromy matrix D(G^k)(p_0)
 * (for a fixed point, of DG = I − η∇²L_N: μ_i = 1 − ηλ_i). The orbit attracts when every |μ| &lt; 1; a multiplier of
 * modulus 1 within {@link #NEUTRAL_TOL} is neutral (a direction along a manifold of orbits, e.g. a critical
 * manifold of L_N); one beyond 1 + NEUTRAL_TOL makes it unstable. Sorted by modulus, largest first.
 *
 * @param real      real parts
 * @param imag      imaginary parts
 * @param neutral   unit eigenvectors of the real neutral multipliers (μ = +1 or −1 within tolerance)
 */
public record Multipliers(double[] real, double[] imag, double[][] neutral) {

    /** | |μ| − 1 | at most this: a neutral multiplier. Genuine slow modes near an edge of stability have 1 − |μ| ≥ 1e-8. */
    public static final double NEUTRAL_TOL = 1e-9;

    public static Multipliers of(DMatrixRMaj monodromy) {
        int n = monodromy.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, false);
        if (!eig.decompose(monodromy.copy())) throw new ArithmeticException("eigen-decomposition of the monodromy matrix failed");
        Integer[] order = new Integer[n];
        double[] mod = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            Complex_F64 c = eig.getEigenvalue(i);
            mod[i] = Math.hypot(c.real, c.imaginary);
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -mod[i]));
        double[] re = new double[n];
        double[] im = new double[n];
        List<double[]> neutral = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Complex_F64 c = eig.getEigenvalue(order[k]);
            re[k] = c.real;
            im[k] = c.imaginary;
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            if (Math.abs(mod[order[k]] - 1) <= NEUTRAL_TOL && c.imaginary == 0 && v != null) {
                double[] u = v.data.clone();
                double s = 0;
                for (double x : u) s += x * x;
                s = Math.sqrt(s);
                for (int i = 0; i < u.length; i++) u[i] /= s;
                neutral.add(u);
            }
        }
        return new Multipliers(re, im, neutral.toArray(new double[0][]));
    }

    /** |μ| of the k-th multiplier (descending). */
    public double modulus(int k) {
        return Math.hypot(real[k], imag[k]);
    }

    /** The largest |μ|. */
    public double largest() {
        return modulus(0);
    }

    /** Every multiplier of modulus at most 1 + NEUTRAL_TOL: the orbit is not unstable. */
    public boolean stable() {
        return largest() <= 1 + NEUTRAL_TOL;
    }

    /** Number of neutral multipliers (|μ| = 1 within tolerance, complex ones included). */
    public int neutralCount() {
        int c = 0;
        for (int k = 0; k < real.length; k++) if (Math.abs(modulus(k) - 1) <= NEUTRAL_TOL) c++;
        return c;
    }

    /** The moduli, descending. */
    public double[] moduli() {
        double[] m = new double[real.length];
        for (int k = 0; k < m.length; k++) m[k] = modulus(k);
        return m;
    }
}
