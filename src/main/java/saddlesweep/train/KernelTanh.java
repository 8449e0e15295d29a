package saddlesweep.train;

/**
 * The kernels' own tanh, in plain scalar Java: the exact twin, operation for operation, of {@link VectorTanh}.
 * Only IEEE-754 basic operations (+, −, ×, ÷, fma, min/max, bit moves) are used, so the result has the same bits
 * in the interpreter, in C1, in C2 and in every SIMD lane, on every machine.
 *
 * <p>Algorithm (branch-free), for a = min(|z|, 20) (tanh(20) rounds to 1):
 * <pre>
 *   y = −2a,  k = round(y / ln2),  r = y − k·ln2          (Cody–Waite, |r| ≤ ln2/2 + tiny)
 *   p = expm1(r) = r + r²·(1/2 + M3 r + … + M11 r⁹)        (minimax, error ≤ 0.22 ulp)
 *   1 − e = −(2^k·p + (2^k − 1)),  1 + e = 2^k·p + (2^k + 1)    (e = exp(y); one fma each;
 *                                                                  2^k ± 1 is exact for k ≥ −52)
 *   tanh(a) = (1 − e)/(1 + e)
 * </pre>
 * then the sign of z is put back (tanh is odd, exactly). The numerator is −expm1(y), without cancellation
 * near 0; numerator and denominator are each rounded once from p, so the quotient carries three roundings
 * and p's error. NaN gives NaN, ±∞ gives ±1.
 * Accuracy: within 2.5 ulp of the exact tanh, the bound {@code Math.tanh} is specified with. Measured over
 * 2.1·10^6 random a ∈ [0, 20] against a 40-digit reference: maximum 2.11 ulp (near a = 0.2, where fdlibm's
 * {@code Math.tanh} reaches 2.10), mean 0.45 ulp; ≤ 1.6 ulp for a ∈ [0.25, 0.4] and [0.7, 3]. Tested in
 * VectorKernelTanhTest, which asserts 2.25 ulp on a dense scan of the worst band. (The earlier form, with
 * the denominator rounded twice as (−e) − 1, reached 2.57 ulp near a = 0.2137.)
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
     * Minimax (relative error in expm1(r) on |r| ≤ ln2/2 + 1e-9, Remez in 50 digits, 1/2 kept exact)
     * coefficients of expm1(r) ≈ r + r²·(1/2 + M3 r + M4 r² + … + M11 r⁹), degree 11: 0.22 ulp relative error
     * of expm1(r) with these double coefficients, before evaluation rounding (degree 12: 0.008 ulp for one more
     * fma; degree 10: 23 ulp). Each M_j is close to 1/j!.
     */
    static final double M3 = 0x1.555555555553ep-3,
            M4 = 0x1.5555555553b15p-5,
            M5 = 0x1.1111111118cf4p-7,
            M6 = 0x1.6c16c179fbb3ap-10,
            M7 = 0x1.a01a0171b45aep-13,
            M8 = 0x1.a019b3a821176p-16,
            M9 = 0x1.71de976b7e49dp-19,
            M10 = 0x1.289759087e0cfp-22,
            M11 = 0x1.ae49050b2b80fp-26;

    /**
     * Taylor coefficients of tanh(b) = b + b³·(T3 + T5 b² + T7 b⁴ + T9 b⁶) + O(b¹¹): for |b| ≤ 1/32 the
     * truncation is below 0.00887·|b|¹¹ ≤ 8e-18·|b| (0.07 ulp relative), and the b³ term is at most 3.3e-4·|b|,
     * so the rounding of the bracket adds less than 0.01 ulp: τ is within about 0.6 ulp of tanh(b).
     */
    static final double T3 = -0x1.5555555555555p-2,
            T5 = 0x1.1111111111111p-3,
            T7 = -0x1.ba1ba1ba1ba1cp-5,
            T9 = 0x1.664f4882c10fap-6;

    /**
     * tanh(a + b) from t = tanh(a) and a small step b (|b| ≤ {@link TanhRefresh#STEP_BOUND}), bit-identical to
     * each lane of {@link VectorTanh#addStep}: the addition formula tanh(a + b) = (t + τ)/(1 + t·τ) with τ =
     * tanh(b) from its odd Taylor polynomial. Three roundings (t + τ, the fma 1 + t·τ, the quotient) and τ's
     * error: about 2 ulp of the result per update, plus the error t carries, which the map passes on with the
     * factor (1 − τ²)/(1 + tτ)² = 1 + O(b). (Exactly, |t + τ| ≤ 1 + tτ for |t|, |τ| ≤ 1; t = ±1 stays ±1.)
     */
    public static double addStep(double t, double b) {
        double b2 = b * b;
        double q = Math.fma(b2, T9, T7);
        q = Math.fma(q, b2, T5);
        q = Math.fma(q, b2, T3);
        double tau = Math.fma(b * b2, q, b);                   // tanh(b)
        return (t + tau) / Math.fma(t, tau, 1.0);
    }

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
        double q = Math.fma(M11, r, M10);                      // Horner for 1/2 + M3 r + … + M11 r⁹
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
        double t = nu / Math.fma(ns, p, ns - 1.0);             // −tanh(a) = (1 − e)/(−1 − e), sign bit set
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) ^ (zb & SIGN));   // flip unless z2 < 0
    }
}
