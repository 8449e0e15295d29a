package saddlesweep.train;

/**
 * The kernels' own tanh, in plain scalar Java: the exact twin, operation for operation, of {@link VectorTanh}.
 * Only IEEE-754 basic operations (+, −, ×, ÷, fma, min/max, bit moves) are used, so the result has the same bits
 * in the interpreter, in C1, in C2 and in every SIMD lane, on every machine.
 *
 * <p>Algorithm (branch-free), for a = min(|z|, 20) (tanh(20) rounds to 1):
 * <pre>
 *   y = −2a,  k = round(y / ln2),  r = y − k·ln2          (Cody–Waite, |r| ≤ ln2/2 + tiny)
 *   p = expm1(r) = r + r²·(1/2 + M3 r + … + M12 r¹⁰)       (minimax, error ≤ 0.007 ulp)
 *   u = expm1(y) = 2^k·p + (2^k − 1),  e = exp(y) = 2^k·p + 2^k      (one fma each)
 *   tanh(a) = (1 − e)/(1 + e) = −u / (1 + e)
 * </pre>
 * then the sign of z is put back (tanh is odd, exactly). The numerator from expm1 has no cancellation near 0;
 * taking the denominator from e rather than from u keeps the two rounding errors apart near a → ∞.
 * NaN gives NaN, ±∞ gives ±1.
 * Accuracy: at most 2.5 ulp from the exact tanh, the bound {@code Math.tanh} is specified with (measured
 * maximum 2.3 ulp near a = 0.25, where fdlibm's {@code Math.tanh} reaches 2.1; ≤ 1.5 ulp for a ≥ 0.55).
 * Tested against a 60-digit reference in VectorKernelTanhTest. Caveat: a denser scan (3·10^5 points with
 * a ∈ [0.20, 0.23]) found up to 2.57 ulp near a = 0.2137, for this polynomial and for the degree-13 Taylor one
 * it replaced alike (same maximum at the same points): the worst case comes from the final steps, not from p.
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
    /**
     * MAGIC + 3071: then kd = MAGIC_S + k keeps 3071 + k = 2048 + (1023 + k) in its 12 low mantissa bits
     * (k ∈ [−58, 0]), and those bits shifted left by 52 are the bits of −2^k (sign bit set, biased exponent
     * 1023 + k). The rounding of kd is that of MAGIC + k: y·INV_LN2 is never a half-integer, so no ties occur.
     */
    static final double MAGIC_S = MAGIC + 3071;
    static final long SIGN = 0x8000_0000_0000_0000L;
    /** The r² coefficient of expm1(r), 1/2, exact. */
    static final double C2 = 0.5;

    /**
     * Minimax (relative error in expm1(r) on |r| ≤ ln2/2 + 1e-9, Remez in 50 digits) coefficients of
     * expm1(r) ≈ r + r²·(1/2 + M3 r + M4 r² + … + M12 r¹⁰), degree 12: 0.007 ulp (relative error of expm1(r)
     * with these double coefficients, before evaluation rounding; the degree-13 Taylor series it replaces: 0.07 ulp),
     * and one fma fewer. Each M_j is close to 1/j!.
     */
    static final double M3 = 0x1.5555555555559p-3,
            M4 = 0x1.5555555555559p-5,
            M5 = 0x1.111111110f6efp-7,
            M6 = 0x1.6c16c16c14a8fp-10,
            M7 = 0x1.a01a01afcd2f1p-13,
            M8 = 0x1.a01a01af5f42fp-16,
            M9 = 0x1.71ddf88ddb2a0p-19,
            M10 = 0x1.27e4c7cf8fcd8p-22,
            M11 = 0x1.af5e5b6a333d2p-26,
            M12 = 0x1.1f92acb790f71p-29;

    /** tanh(z), bit-identical to each lane of {@link VectorTanh#tanh}. */
    public static double tanh(double z) {
        return tanhOfMinus2z(-2.0 * z);                        // −2z is exact (±∞ on overflow: clamped anyway)
    }

    /**
     * tanh(z) given z2 = −2z, bit-identical to each lane of {@link VectorTanh#tanhOfMinus2z}. Same arithmetic as
     * the algorithm above, with all signs folded into bit moves: y = −2·min(|z|, 20) = max(−|z2|, −40), the
     * scale comes out of kd's bits as −2^k, and −tanh(a) = (1 − e)/(−1 − e) ≤ 0 (−0 at a = 0) gets the sign of
     * z by flipping with z2's sign bit. Each rounding is the negation of the one in the plain form, so the bits
     * are those of the plain form.
     */
    public static double tanhOfMinus2z(double z2) {
        long zb = Double.doubleToRawLongBits(z2);
        double y = Math.max(Double.longBitsToDouble(zb | SIGN), -2 * CLAMP);   // y = −2a ∈ [−40, 0]
        double kd = Math.fma(y, INV_LN2, MAGIC_S);             // MAGIC_S + round(y/ln2)
        double k = kd - MAGIC_S;
        double r = Math.fma(k, -LN2_HI, y);                    // exact (Sterbenz)
        r = Math.fma(k, -LN2_LO, r);                           // r = y − k ln2
        double ns = Double.longBitsToDouble(Double.doubleToRawLongBits(kd) << 52);   // −2^k
        double q = Math.fma(M12, r, M11);                      // Horner for 1/2 + M3 r + … + M12 r¹⁰
        q = Math.fma(q, r, M10);
        q = Math.fma(q, r, M9);
        q = Math.fma(q, r, M8);
        q = Math.fma(q, r, M7);
        q = Math.fma(q, r, M6);
        q = Math.fma(q, r, M5);
        q = Math.fma(q, r, M4);
        q = Math.fma(q, r, M3);
        q = Math.fma(q, r, C2);
        double p = Math.fma(r * r, q, r);                      // expm1(r)
        double nu = Math.fma(ns, p, ns + 1.0);                 // −expm1(y) = −2^k p + 1 − 2^k ≥ 0
        double ne = Math.fma(ns, p, ns);                       // −exp(y) = −2^k p − 2^k
        double t = nu / (ne - 1.0);                            // −tanh(a) = (1 − e)/(−1 − e), sign bit set
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) ^ (zb & SIGN));   // flip unless z2 < 0
    }
}
