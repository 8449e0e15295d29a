package saddlesweep.train;

import static saddlesweep.train.KernelTanh.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Lane-wise tanh on a {@link DoubleVector}: the algorithm of {@link KernelTanh}, operation for operation, so each
 * lane has the bits of {@link KernelTanh#tanh}. Unlike {@code lanewise(VectorOperators.TANH)} (SVML when C2
 * compiles it, {@code Math.tanh} when it does not), its bits do not depend on the JIT or the CPU.
 */
public final class VectorTanh {

    private VectorTanh() {
    }

    /**
     * tanh of each lane of z. Split in three small methods so that C2 inlines them all into the caller's loop
     * (a method over 325 bytecodes is not inlined, and its vectors get boxed).
     */
    public static DoubleVector tanh(DoubleVector z) {
        return tanhOfMinus2z(z.mul(-2.0));
    }

    /** tanh(z) of each lane, given z2 = −2z: the lanes of {@link KernelTanh#tanhOfMinus2z}. */
    public static DoubleVector tanhOfMinus2z(DoubleVector z2) {
        LongVector zb = z2.reinterpretAsLongs();
        DoubleVector y = zb.or(SIGN).reinterpretAsDoubles().max(-2 * CLAMP);   // y = −2 min(|z|, 20)
        DoubleVector kd = y.fma(INV_LN2, MAGIC_S);                     // MAGIC_S + round(y/ln2)
        DoubleVector ns = kd.reinterpretAsLongs()                      // −2^k from kd's bits
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector p = expm1Reduced(reduce(y, kd));                  // expm1(r)
        DoubleVector nu = ns.fma(p, ns.add(1.0));                      // −expm1(y) = −2^k p + 1 − 2^k
        DoubleVector t = nu.div(ns.fma(p, ns.sub(1.0)));               // −tanh(a) = (1 − e)/(−1 − e)
        return t.reinterpretAsLongs().lanewise(VectorOperators.XOR, zb.and(SIGN)).reinterpretAsDoubles();
    }

    /** tanh(a + b) of each lane from t = tanh(a) and a small step b: the lanes of {@link KernelTanh#addStep}. */
    public static DoubleVector addStep(DoubleVector t, DoubleVector b) {
        DoubleVector b2 = b.mul(b);
        DoubleVector q = b2.fma(T9, T7);
        q = q.fma(b2, broadcast(q, T5));
        q = q.fma(b2, broadcast(q, T3));
        DoubleVector tau = b.mul(b2).fma(q, b);                       // tanh(b)
        return t.add(tau).div(t.fma(tau, broadcast(t, 1.0)));
    }

    /** r = y − k ln2 for kd = MAGIC_S + k (Cody–Waite; the first step is exact by Sterbenz). */
    static DoubleVector reduce(DoubleVector y, DoubleVector kd) {
        DoubleVector k = kd.sub(MAGIC_S);
        DoubleVector r = k.fma(broadcast(k, -LN2_HI), y);
        return k.fma(broadcast(k, -LN2_LO), r);
    }

    /** expm1(r) = r + r²·(1/2 + M3 r + … + M11 r⁹) for |r| ≤ ln2/2 (Horner, minimax coefficients). */
    static DoubleVector expm1Reduced(DoubleVector r) {
        DoubleVector q = r.fma(M11, M10);
        q = q.fma(r, broadcast(q, M9));
        q = q.fma(r, broadcast(q, M8));
        q = q.fma(r, broadcast(q, M7));
        q = q.fma(r, broadcast(q, M6));
        q = q.fma(r, broadcast(q, M5));
        q = q.fma(r, broadcast(q, M4));
        q = q.fma(r, broadcast(q, M3));
        q = q.fma(r, broadcast(q, C2));
        return r.mul(r).fma(q, r);
    }

    private static DoubleVector broadcast(DoubleVector like, double c) {
        return DoubleVector.broadcast(like.species(), c);
    }
}
