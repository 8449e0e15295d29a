package saddlesweep.analysis;

import java.util.Arrays;
import java.util.Comparator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a symmetric matrix (a Hessian) with EJML, eigenvalues ascending, and the counts
 * that classify a critical point: the Morse index (eigenvalues below −tol·max|λ|) and the null dimension
 * (|λ| ≤ tol·max|λ|).
 */
public final class Spectrum {

    private final double[] values;
    private final double[][] vectors;

    private Spectrum(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes a symmetric matrix (the argument is not modified). */
    public static Spectrum of(DMatrixRMaj symmetric) {
        int n = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new ArithmeticException("eigen-decomposition failed");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> raw[i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            vectors[k] = v == null ? new double[n] : v.data.clone();
        }
        return new Spectrum(values, vectors);
    }

    /**
     * The spectrum of the Jacobi-scaled matrix D^−½ H D^−½ (D = diag H): congruent to H, so it has H's inertia,
     * but free of the parameters' scales, so that a zero tolerance relative to its largest eigenvalue means the
     * same in every coordinate. Null when a diagonal entry is not positive (then H is not positive definite).
     */
    public static Spectrum ofJacobiScaled(DMatrixRMaj symmetric) {
        int n = symmetric.numRows;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double d = symmetric.get(i, i);
            if (!(d > 0)) return null;
            s[i] = 1 / Math.sqrt(d);
        }
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) scaled.set(i, j, s[i] * symmetric.get(i, j) * s[j]);
        return of(scaled);
    }

    /**
     * Whether the symmetric matrix h (whose spectrum this is) is positive definite beyond relTol, either as it
     * is or Jacobi-scaled ({@link #ofJacobiScaled}): an isolated minimum whose parameters differ in scale has
     * a smallest eigenvalue far below relTol·λ_max that is no zero mode.
     */
    public boolean isolatedMinimum(DMatrixRMaj h, double relTol) {
        if (positiveDefinite(relTol)) return true;
        if (!(values[0] > 0)) return false;
        Spectrum scaled = ofJacobiScaled(h);
        return scaled != null && scaled.positiveDefinite(relTol);
    }

    /** Eigenvalues, ascending. */
    public double[] values() {
        return values.clone();
    }

    /** Unit eigenvector of the k-th smallest eigenvalue. */
    public double[] vector(int k) {
        return vectors[k].clone();
    }

    public double min() {
        return values[0];
    }

    public double maxAbs() {
        double m = 0;
        for (double v : values) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** The zero threshold tol·max|λ| (at least the smallest normal double). */
    public double threshold(double relTol) {
        return Math.max(relTol * maxAbs(), Double.MIN_NORMAL);
    }

    /** Number of eigenvalues below −tol·max|λ|. */
    public int morseIndex(double relTol) {
        double t = threshold(relTol);
        int c = 0;
        for (double v : values) if (v < -t) c++;
        return c;
    }

    /** Number of eigenvalues with |λ| ≤ tol·max|λ|. */
    public int nullDim(double relTol) {
        double t = threshold(relTol);
        int c = 0;
        for (double v : values) if (Math.abs(v) <= t) c++;
        return c;
    }

    /** All eigenvalues above tol·max|λ|: a strict (isolated) minimum. */
    public boolean positiveDefinite(double relTol) {
        return values[0] > threshold(relTol);
    }
}
