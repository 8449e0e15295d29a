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
        DoubleVector a = z.abs().min(CLAMP);
        DoubleVector y = a.mul(-2.0);                                  // y ∈ [−40, 0]
        DoubleVector kd = y.fma(INV_LN2, MAGIC);                       // MAGIC + round(y/ln2)
        DoubleVector scale = kd.reinterpretAsLongs()                   // 2^k from k's bits
                .lanewise(VectorOperators.LSHL, 52).add(EXP_ONE).reinterpretAsDoubles();
        DoubleVector p = expm1Reduced(reduce(y, kd));                  // expm1(r)
        DoubleVector u = scale.fma(p, scale.sub(1.0));                 // expm1(y) = 2^k p + 2^k − 1
        DoubleVector e = scale.fma(p, scale);                          // exp(y) = 2^k p + 2^k
        DoubleVector t = u.div(e.add(1.0)).abs();                      // tanh(a) = −u/(1+e)
        LongVector sign = z.reinterpretAsLongs().and(SIGN);
        return t.reinterpretAsLongs().or(sign).reinterpretAsDoubles(); // sign of z
    }

    /** r = y − k ln2 for kd = MAGIC + k (Cody–Waite; the first step is exact by Sterbenz). */
    static DoubleVector reduce(DoubleVector y, DoubleVector kd) {
        DoubleVector k = kd.sub(MAGIC);
        DoubleVector r = k.fma(broadcast(k, -LN2_HI), y);
        return k.fma(broadcast(k, -LN2_LO), r);
    }

    /** expm1(r) = r + r²·Σ_{j=2..13} r^{j−2}/j! for |r| ≤ ln2/2 (Horner). */
    static DoubleVector expm1Reduced(DoubleVector r) {
        DoubleVector q = r.fma(C13, C12);
        q = q.fma(r, broadcast(q, C11));
        q = q.fma(r, broadcast(q, C10));
        q = q.fma(r, broadcast(q, C9));
        q = q.fma(r, broadcast(q, C8));
        q = q.fma(r, broadcast(q, C7));
        q = q.fma(r, broadcast(q, C6));
        q = q.fma(r, broadcast(q, C5));
        q = q.fma(r, broadcast(q, C4));
        q = q.fma(r, broadcast(q, C3));
        q = q.fma(r, broadcast(q, C2));
        return r.mul(r).fma(q, r);
    }

    private static DoubleVector broadcast(DoubleVector like, double c) {
        return DoubleVector.broadcast(like.species(), c);
    }
}
