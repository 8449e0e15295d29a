package saddlesweep.train;

/**
 * The kernels' own tanh, in plain scalar Java: the exact twin, operation for operation, of {@link VectorTanh}.
 * Only IEEE-754 basic operations (+, −, ×, ÷, fma, min, bit moves) are used, so the result has the same bits
 * in the interpreter, in C1, in C2 and in every SIMD lane, on every machine.
 *
 * <p>Algorithm (branch-free), for a = min(|z|, 20) (tanh(20) rounds to 1):
 * <pre>
 *   y = −2a,  k = round(y / ln2),  r = y − k·ln2          (Cody–Waite, |r| ≤ ln2/2 + tiny)
 *   p = expm1(r) = r + r²·(1/2! + r/3! + … + r¹¹/13!)     (Taylor, truncation ≤ 0.07 ulp)
 *   u = expm1(y) = 2^k·p + (2^k − 1),  e = exp(y) = 2^k·p + 2^k      (one fma each)
 *   tanh(a) = (1 − e)/(1 + e) = −u / (1 + e)
 * </pre>
 * then the sign of z is put back (tanh is odd, exactly). The numerator from expm1 has no cancellation near 0;
 * taking the denominator from e rather than from u keeps the two rounding errors apart near a → ∞.
 * NaN gives NaN, ±∞ gives ±1.
 * Accuracy: at most 2.5 ulp from the exact tanh, the bound {@code Math.tanh} is specified with (measured
 * maximum 2.3 ulp near a = 0.25, where fdlibm's {@code Math.tanh} reaches 2.1; ≤ 1.5 ulp for a ≥ 0.55).
 * Tested against a 60-digit reference in VectorKernelTanhTest.
 */
public final class KernelTanh {

    private KernelTanh() {
    }

    /** Arguments are clamped to |z| ≤ 20, where tanh already rounds to 1. */
    static final double CLAMP = 20.0;
    /** 1.5·2^52: adding it rounds a double of magnitude < 2^51 to an integer kept in the low mantissa bits. */
    static final double MAGIC = 0x1.8p52;
    static final double INV_LN2 = 0x1.71547652b82fep0;
    /** ln2 split in a high part with 32 significant bits (k·LN2_HI is exact) and the rest (fdlibm's). */
    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    static final long EXP_ONE = 1023L << 52;
    static final long SIGN = 0x8000_0000_0000_0000L;
    /** Taylor coefficients 1/j! of expm1(r) = r + r²·Σ_{j≥2} r^{j−2}/j!, j = 2..13. */
    static final double[] C = {
            1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
            1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};
    static final double C2 = C[0], C3 = C[1], C4 = C[2], C5 = C[3], C6 = C[4], C7 = C[5], C8 = C[6],
            C9 = C[7], C10 = C[8], C11 = C[9], C12 = C[10], C13 = C[11];

    /** tanh(z), bit-identical to each lane of {@link VectorTanh#tanh}. */
    public static double tanh(double z) {
        double a = Math.min(Math.abs(z), CLAMP);
        double y = -2.0 * a;                                   // y ∈ [−40, 0]
        double kd = Math.fma(y, INV_LN2, MAGIC);               // MAGIC + round(y/ln2)
        double k = kd - MAGIC;
        double r = Math.fma(k, -LN2_HI, y);                    // exact (Sterbenz)
        r = Math.fma(k, -LN2_LO, r);                           // r = y − k ln2
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(kd) << 52) + EXP_ONE);   // 2^k
        double q = Math.fma(C13, r, C12);                      // Horner for Σ_{j≥2} r^{j−2}/j!
        q = Math.fma(q, r, C11);
        q = Math.fma(q, r, C10);
        q = Math.fma(q, r, C9);
        q = Math.fma(q, r, C8);
        q = Math.fma(q, r, C7);
        q = Math.fma(q, r, C6);
        q = Math.fma(q, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        q = Math.fma(q, r, C2);
        double p = Math.fma(r * r, q, r);                      // expm1(r)
        double u = Math.fma(scale, p, scale - 1.0);            // expm1(y) = 2^k p + 2^k − 1
        double e = Math.fma(scale, p, scale);                  // exp(y) = 2^k p + 2^k
        double t = Math.abs(u / (1.0 + e));                    // tanh(a) = −u/(1+e)
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) | (Double.doubleToRawLongBits(z) & SIGN));
    }
}
