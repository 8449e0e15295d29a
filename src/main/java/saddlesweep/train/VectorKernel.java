package saddlesweep.train;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import saddlesweep.model.DataSet;

/**
 * {@link GradientKernel} on the JDK Vector API, samples in SIMD lanes, with the kernels' own {@link VectorTanh}.
 *
 * <p>Summation order (fixed, so the bits are the same on every machine, thread and JIT state): the data are
 * padded with zeros to a multiple of {@link #WIDTH} = 8 (a padded sample has x = y = 0, hence r = 0, and adds
 * exact zeros); sample n is summed into partial sum n mod 8, in increasing n; the 8 partial sums are then
 * added in lane order. The SIMD width only decides how many partial sums one vector holds (8, 4 or 2), not the
 * order. {@link VectorKernelTwin} is the plain-Java statement of the same algorithm and has the same bits.
 *
 * <p>Per step, three passes over the data:
 * <pre>
 *   1. t_i(n) = tanh(w_i x_n),  f(n) = Σ_i v_i t_i(n)        (i in order, f = v_0 t_0 then fma;
 *      either directly, tanh of x_n·(−2w_i) = −2 w_i x_n, see VectorTanh.tanhOfMinus2z, or updated from the
 *      previous call's t_i(n) by the addition formula with b = Δw_i x_n, see VectorTanh.addStep; the
 *      {@link TanhRefresh} schedule decides, per unit and call)
 *   2. r(n) = f(n) − y_n,  ρ(n) = r(n) x_n,  S_L += r²       (fused into pass 1 of the last unit)
 *   3. S_v,i += r t_i,  S_w,i += ρ (1 − t_i²)                 (units in pairs: r and ρ loaded once per pair)
 *   L = S_L / 2N,  ∂L/∂v_i = S_v,i / N,  ∂L/∂w_i = v_i S_w,i / N
 * </pre>
 * With 8 lanes and H ≥ 2 the last two units take passes 1, 2 and 3 in one loop ({@link #lastPair}: their
 * partial sums in registers, r and ρ stored for the earlier units' pass 3; at H = 2 the whole step is that
 * one loop, at H = 1 {@link #lastOne}; a unit of theirs taken directly gets its tanh in a loop of its own
 * first, {@link #fillDirect}, and a step of 0); each lane's operations and their order are unchanged, so are the
 * bits (up to the sign of a zero t, which nothing downstream can see).
 * The updates cost about 11 vector operations per sample and unit instead of 18 for the direct tanh; with
 * K = {@value TanhRefresh#DEFAULT_EVERY} the direct one runs at least every K-th call. A kernel built with
 * K = 1 is the direct kernel (the bits of every call then depend on that call's θ alone).
 * When N is not a multiple of 8, a w_i = ±∞ makes the padded samples NaN (∞·0), so the loss is NaN where
 * {@link ScalarKernel} may still return a finite value; θ itself is non-finite then in both cases.
 */
public final class VectorKernel implements GradientKernel {

    /** Number of interleaved partial sums; fixes the summation order. */
    public static final int WIDTH = 8;
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED.length() >= WIDTH
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final int n;
    private final int padded;
    private final double[] x;
    private final double[] y;
    private final double[] f;
    private final double[] rx;
    private final double[] laneL = new double[WIDTH];
    private final double[] laneV = new double[2 * WIDTH];
    private final double[] laneW = new double[2 * WIDTH];
    private final double[] negativeZeros;
    private final TanhRefresh refresh;
    private double[] t = new double[0];
    private double[] delta = new double[0];

    public VectorKernel(DataSet data) {
        this(data, TanhRefresh.DEFAULT_EVERY);
    }

    /** @param refreshEvery K: every K-th call takes tanh directly (1: every call, the direct kernel) */
    public VectorKernel(DataSet data, int refreshEvery) {
        this.n = data.size();
        this.padded = padded(n);
        this.x = java.util.Arrays.copyOf(data.x(), padded);
        this.y = java.util.Arrays.copyOf(data.y(), padded);
        this.f = new double[padded];
        this.rx = new double[padded];
        this.negativeZeros = new double[padded];
        java.util.Arrays.fill(negativeZeros, -0.0);
        this.refresh = new TanhRefresh(refreshEvery, data.x());
    }

    /** N rounded up to a multiple of {@link #WIDTH} (at least one block). */
    static int padded(int n) {
        return Math.max(WIDTH, (n + WIDTH - 1) / WIDTH * WIDTH);
    }

    /** SIMD lanes per vector on this JVM (8, 4, 2 or 1). */
    public static int lanes() {
        return LANES;
    }

    @Override
    public int samples() {
        return n;
    }

    /** The schedule of direct and updated tanh values (for tests and the bench). */
    TanhRefresh refresh() {
        return refresh;
    }

    /**
     * One call: pass 1 unit by unit (direct or updated, as {@link TanhRefresh} says), pass 2 with the last unit,
     * pass 3 in pairs of units. This method is kept above C2's inlining size for hot callees (FreqInlineSize,
     * 325 bytecodes) on purpose, so that it is always compiled as a unit of its own with its passes inlined,
     * never inlined with them into the caller's loop (GradientDescent.run, the bench loop): there the
     * compilation grew past C2's budget, some Vector API intrinsics were left as calls to their Java fallbacks
     * (boxed vectors, allocation), and the same kernel ran 1.5–10× slower depending on the caller and on the order
     * of compilation. The gradient assembly is therefore written out here rather than in a helper method.
     */
    @Override
    public double lossAndGradient(double[] theta, double[] grad) {
        int h = theta.length / 2;
        if (h < 1) throw new IllegalArgumentException("θ must hold at least one unit, got length " + theta.length);
        if (t.length != h * padded) t = new double[h * padded];
        if (delta.length != h) delta = new double[h];
        boolean all = refresh.start(h);
        for (int i = 0; i < h; i++) delta[i] = refresh.delta(i, theta[i], all);
        int fused = LANES == WIDTH ? Math.min(h, 2) : 0;         // last units with passes 1-3 in one loop
        int last = Math.max(fused, 1);                           // last units with pass 2 in their loop
        for (int i = h - last; i < h; i++) {                     // a direct one: tanh first, then a zero step
            if (Double.isNaN(delta[i])) {
                fillDirect(-2.0 * theta[i], i);
                delta[i] = 0.0;
            }
        }
        for (int i = 0; i < h - last; i++) {                     // pass 1 unit by unit
            if (Double.isNaN(delta[i])) unitForward(-2.0 * theta[i], theta[h + i], i);
            else unitUpdate(delta[i], theta[h + i], i);
        }
        double inv = 1.0 / n;
        double loss;
        int rest = h - fused;                                    // units left for pass 3
        if (fused == 0) {                                        // the last unit with pass 2 (fewer than 8 lanes)
            loss = lastUnitUpdate(delta[h - 1], theta[2 * h - 1], h - 1);
        } else {
            int a = rest;
            loss = fused == 2 ? lastPair(delta[a], delta[a + 1], theta[h + a], theta[h + a + 1], a)
                    : lastOne(delta[0], theta[1]);
            grad[h + a] = sum(laneV, 0) * inv;                   // ∂L/∂v_i = S_v,i / N
            grad[a] = theta[h + a] * sum(laneW, 0) * inv;        // ∂L/∂w_i = v_i S_w,i / N
            if (fused == 2) {
                grad[h + a + 1] = sum(laneV, WIDTH) * inv;
                grad[a + 1] = theta[h + a + 1] * sum(laneW, WIDTH) * inv;
            }
        }
        int i = 0;
        for (; i + 1 < rest; i += 2) {                           // pass 3, units in pairs
            pairGradient(i);
            grad[h + i] = sum(laneV, 0) * inv;                   // ∂L/∂v_i = S_v,i / N
            grad[i] = theta[h + i] * sum(laneW, 0) * inv;        // ∂L/∂w_i = v_i S_w,i / N
            grad[h + i + 1] = sum(laneV, WIDTH) * inv;
            grad[i + 1] = theta[h + i + 1] * sum(laneW, WIDTH) * inv;
        }
        if (i < rest) {                                          // and the last one if their count is odd
            unitGradient(i);
            grad[h + i] = sum(laneV, 0) * inv;
            grad[i] = theta[h + i] * sum(laneW, 0) * inv;
        }
        return 0.5 * loss * inv;
    }

    /**
     * Pass 1 for unit i: t_i = tanh(w_i x), computed as tanh of z2 = x·(−2w_i) = −2 w_i x (see
     * {@link VectorTanh#tanhOfMinus2z}); f = v_i t_i (i = 0) or f + v_i t_i.
     */
    private void unitForward(double w2, double v, int i) {
        int base = i * padded;
        DoubleVector vv = DoubleVector.broadcast(SPECIES, v);
        for (int k = 0; k < padded; k += LANES) {
            DoubleVector ti = VectorTanh.tanhOfMinus2z(DoubleVector.fromArray(SPECIES, x, k).mul(w2));
            ti.intoArray(t, base + k);
            DoubleVector fk = i == 0 ? ti.mul(v) : ti.fma(vv, DoubleVector.fromArray(SPECIES, f, k));
            fk.intoArray(f, k);
        }
    }

    /**
     * Pass 1 for unit i by the addition formula: t_i ← tanh(w_i x) from the stored t_i = tanh((w_i − d) x), with
     * b = d·x (see {@link VectorTanh#addStep}); f = v_i t_i (i = 0) or f + v_i t_i.
     */
    private void unitUpdate(double d, double v, int i) {
        int base = i * padded;
        DoubleVector vv = DoubleVector.broadcast(SPECIES, v);
        for (int k = 0; k < padded; k += LANES) {
            DoubleVector ti = VectorTanh.addStep(DoubleVector.fromArray(SPECIES, t, base + k),
                    DoubleVector.fromArray(SPECIES, x, k).mul(d));
            ti.intoArray(t, base + k);
            DoubleVector fk = i == 0 ? ti.mul(v) : ti.fma(vv, DoubleVector.fromArray(SPECIES, f, k));
            fk.intoArray(f, k);
        }
    }

    /**
     * Pass 1 for the last unit i = H − 1 by the addition formula, fused with pass 2: t_i and f as in
     * {@link #unitUpdate}, then r = f − y (kept in f), ρ = r x, and returns S_L = Σ r² in the fixed order (sample n
     * into partial sum n mod 8). Used with fewer than 8 lanes; a direct tanh is stored first by {@link #fillDirect}
     * and stepped by 0 (the direct tanh and the residual in one loop made C2 box its vectors on 4 lanes).
     */
    private double lastUnitUpdate(double d, double v, int i) {
        int base = i * padded;
        DoubleVector vv = DoubleVector.broadcast(SPECIES, v);
        DoubleVector acc = DoubleVector.zero(SPECIES);
        java.util.Arrays.fill(laneL, 0.0);
        for (int k = 0; k < padded; k += LANES) {
            DoubleVector xk = DoubleVector.fromArray(SPECIES, x, k);
            DoubleVector ti = VectorTanh.addStep(DoubleVector.fromArray(SPECIES, t, base + k), xk.mul(d));
            ti.intoArray(t, base + k);
            acc = residual(i == 0 ? ti.mul(v) : ti.fma(vv, DoubleVector.fromArray(SPECIES, f, k)), xk, k, acc);
        }
        return lossSum(acc);
    }

    /**
     * t_i at every sample taken directly (tanh of x·(−2w_i)), for {@link #lastPair}, {@link #lastOne} and
     * {@link #lastUnitUpdate}, which
     * then step it by Δw = 0: addStep(t, ±0) = (t ± 0)/(1 ± 0·t) is t (only the sign of a zero t may change,
     * which no sum and no later update can see).
     */
    private void fillDirect(double w2, int i) {
        int base = i * padded;
        for (int k = 0; k < padded; k += LANES) {
            VectorTanh.tanhOfMinus2z(DoubleVector.fromArray(SPECIES, x, k).mul(w2)).intoArray(t, base + k);
        }
    }

    /**
     * Passes 1, 2 and 3 in one loop for the last two units a = H − 2 and b = H − 1 (8 lanes only), stepped by the
     * addition formula (a unit taken directly at this call is stored first by {@link #fillDirect}, and stepped by
     * 0): t_a, t_b, f = f_in + v_a t_a + v_b t_b (f_in = f, or −0 when a = 0: fma(t, v, −0) is t·v to the bit,
     * signed zeros included), r = f − y, ρ = r x (stored for the earlier units' pass 3), and the
     * partial sums of r², r t and ρ (1 − t²) of both units in registers (into laneV/laneW at 0 and 8). Each lane's
     * operations are those of the unit-by-unit passes in the same order, so the bits are the same. The loop has no
     * branch and merges no vectors: a vector merged from two paths (a φ of DoubleVector) can cost C2 its
     * intrinsics (the Java fallbacks, 10× slower), as it did when this loop branched on the direct tanh; and it is
     * a method of its own, above C2's inlining size, next to {@link #lastOne} (with both loops in one method C2's
     * node budget left the pair's addStep a call on boxed vectors; KernelAllocationTest). Returns S_L.
     */
    private double lastPair(double da, double db, double va, double vb, int a) {
        int baseA = a * padded;
        int baseB = baseA + padded;
        double[] fIn = a == 0 ? negativeZeros : f;
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector vva = DoubleVector.broadcast(SPECIES, va);
        DoubleVector vvb = DoubleVector.broadcast(SPECIES, vb);
        DoubleVector accL = DoubleVector.zero(SPECIES);
        DoubleVector accVa = accL;
        DoubleVector accWa = accL;
        DoubleVector accVb = accL;
        DoubleVector accWb = accL;
        for (int k = 0; k < padded; k += LANES) {
            DoubleVector xk = DoubleVector.fromArray(SPECIES, x, k);
            DoubleVector ta = VectorTanh.addStep(DoubleVector.fromArray(SPECIES, t, baseA + k), xk.mul(da));
            DoubleVector tb = VectorTanh.addStep(DoubleVector.fromArray(SPECIES, t, baseB + k), xk.mul(db));
            ta.intoArray(t, baseA + k);
            tb.intoArray(t, baseB + k);
            DoubleVector fk = ta.fma(vva, DoubleVector.fromArray(SPECIES, fIn, k));
            DoubleVector r = tb.fma(vvb, fk).sub(DoubleVector.fromArray(SPECIES, y, k));     // r = f − y
            DoubleVector rho = r.mul(xk);                                                      // ρ = r x
            r.intoArray(f, k);
            rho.intoArray(rx, k);
            accL = r.fma(r, accL);                                                             // r²
            accVa = r.fma(ta, accVa);                                                          // r t
            accWa = rho.fma(ta.neg().fma(ta, one), accWa);                                     // ρ (1 − t²)
            accVb = r.fma(tb, accVb);
            accWb = rho.fma(tb.neg().fma(tb, one), accWb);
        }
        accVa.intoArray(laneV, 0);
        accWa.intoArray(laneW, 0);
        accVb.intoArray(laneV, WIDTH);
        accWb.intoArray(laneW, WIDTH);
        accL.intoArray(laneL, 0);
        return sum(laneL, 0);
    }

    /** {@link #lastPair} for H = 1: the whole step in one loop. Returns S_L. */
    private double lastOne(double da, double va) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector accL = DoubleVector.zero(SPECIES);
        DoubleVector accV = accL;
        DoubleVector accW = accL;
        for (int k = 0; k < padded; k += LANES) {
            DoubleVector xk = DoubleVector.fromArray(SPECIES, x, k);
            DoubleVector tk = VectorTanh.addStep(DoubleVector.fromArray(SPECIES, t, k), xk.mul(da));
            tk.intoArray(t, k);
            DoubleVector r = tk.mul(va).sub(DoubleVector.fromArray(SPECIES, y, k));             // r = v t − y
            DoubleVector rho = r.mul(xk);                                                      // ρ = r x
            accL = r.fma(r, accL);                                                             // r²
            accV = r.fma(tk, accV);                                                            // r t
            accW = rho.fma(tk.neg().fma(tk, one), accW);                                       // ρ (1 − t²)
        }
        accV.intoArray(laneV, 0);
        accW.intoArray(laneW, 0);
        accL.intoArray(laneL, 0);
        return sum(laneL, 0);
    }

    /**
     * Pass 2 at samples k..k+LANES−1: r = f − y (kept in f), ρ = r x; adds r² to the partial sums (in acc when
     * LANES == WIDTH, else in laneL at lanes k mod 8) and returns acc.
     */
    private DoubleVector residual(DoubleVector fk, DoubleVector xk, int k, DoubleVector acc) {
        DoubleVector r = fk.sub(DoubleVector.fromArray(SPECIES, y, k));
        r.intoArray(f, k);
        r.mul(xk).intoArray(rx, k);
        if (LANES == WIDTH) return r.fma(r, acc);                                             // r²
        int lane = k & (WIDTH - 1);
        r.fma(r, DoubleVector.fromArray(SPECIES, laneL, lane)).intoArray(laneL, lane);
        return acc;
    }

    /** S_L from the partial sums of {@link #residual}. */
    private double lossSum(DoubleVector acc) {
        if (LANES == WIDTH) acc.intoArray(laneL, 0);
        return sum(laneL, 0);
    }

    /** Pass 3 for unit i: partial sums of S_v,i = Σ r t_i into laneV, of S_w,i = Σ ρ (1 − t_i²) into laneW. */
    private void unitGradient(int i) {
        int base = i * padded;
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int s = 0; s < WIDTH; s += LANES) {
            DoubleVector accV = DoubleVector.zero(SPECIES);
            DoubleVector accW = DoubleVector.zero(SPECIES);
            for (int k = s; k < padded; k += WIDTH) {
                DoubleVector ti = DoubleVector.fromArray(SPECIES, t, base + k);
                accV = DoubleVector.fromArray(SPECIES, f, k).fma(ti, accV);         // r t
                DoubleVector sech2 = ti.neg().fma(ti, one);                          // 1 − t²
                accW = DoubleVector.fromArray(SPECIES, rx, k).fma(sech2, accW);      // ρ (1 − t²)
            }
            accV.intoArray(laneV, s);
            accW.intoArray(laneW, s);
        }
    }

    /** Pass 3 for units i and i + 1 (one load of r and of ρ): their partial sums into laneV/laneW at 0 and 8. */
    private void pairGradient(int i) {
        if (2 * LANES == WIDTH) {
            pairGradientHalves(i);
            return;
        }
        int base = i * padded;
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int s = 0; s < WIDTH; s += LANES) {
            DoubleVector accVa = DoubleVector.zero(SPECIES);
            DoubleVector accWa = DoubleVector.zero(SPECIES);
            DoubleVector accVb = DoubleVector.zero(SPECIES);
            DoubleVector accWb = DoubleVector.zero(SPECIES);
            for (int k = s; k < padded; k += WIDTH) {
                DoubleVector r = DoubleVector.fromArray(SPECIES, f, k);
                DoubleVector rho = DoubleVector.fromArray(SPECIES, rx, k);
                DoubleVector ta = DoubleVector.fromArray(SPECIES, t, base + k);
                DoubleVector tb = DoubleVector.fromArray(SPECIES, t, base + padded + k);
                accVa = r.fma(ta, accVa);
                accWa = rho.fma(ta.neg().fma(ta, one), accWa);
                accVb = r.fma(tb, accVb);
                accWb = rho.fma(tb.neg().fma(tb, one), accWb);
            }
            accVa.intoArray(laneV, s);
            accWa.intoArray(laneW, s);
            accVb.intoArray(laneV, WIDTH + s);
            accWb.intoArray(laneW, WIDTH + s);
        }
    }

    /**
     * {@link #pairGradient} when a vector holds half of the 8 partial sums (4 lanes, AVX2): both halves in one
     * pass, samples k..k+3 into the low accumulators and k+4..k+7 into the high ones, so each partial sum
     * receives the same samples in the same order (the bits do not change), with 8 independent fma chains
     * instead of 4 and one loop instead of two.
     */
    private void pairGradientHalves(int i) {
        int base = i * padded;
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector vaLo = DoubleVector.zero(SPECIES);
        DoubleVector vaHi = vaLo;
        DoubleVector waLo = vaLo;
        DoubleVector waHi = vaLo;
        DoubleVector vbLo = vaLo;
        DoubleVector vbHi = vaLo;
        DoubleVector wbLo = vaLo;
        DoubleVector wbHi = vaLo;
        for (int k = 0; k < padded; k += WIDTH) {
            int h = k + LANES;
            DoubleVector rLo = DoubleVector.fromArray(SPECIES, f, k);
            DoubleVector rHi = DoubleVector.fromArray(SPECIES, f, h);
            DoubleVector pLo = DoubleVector.fromArray(SPECIES, rx, k);
            DoubleVector pHi = DoubleVector.fromArray(SPECIES, rx, h);
            DoubleVector taLo = DoubleVector.fromArray(SPECIES, t, base + k);
            DoubleVector taHi = DoubleVector.fromArray(SPECIES, t, base + h);
            DoubleVector tbLo = DoubleVector.fromArray(SPECIES, t, base + padded + k);
            DoubleVector tbHi = DoubleVector.fromArray(SPECIES, t, base + padded + h);
            vaLo = rLo.fma(taLo, vaLo);
            vaHi = rHi.fma(taHi, vaHi);
            waLo = pLo.fma(taLo.neg().fma(taLo, one), waLo);
            waHi = pHi.fma(taHi.neg().fma(taHi, one), waHi);
            vbLo = rLo.fma(tbLo, vbLo);
            vbHi = rHi.fma(tbHi, vbHi);
            wbLo = pLo.fma(tbLo.neg().fma(tbLo, one), wbLo);
            wbHi = pHi.fma(tbHi.neg().fma(tbHi, one), wbHi);
        }
        vaLo.intoArray(laneV, 0);
        vaHi.intoArray(laneV, LANES);
        waLo.intoArray(laneW, 0);
        waHi.intoArray(laneW, LANES);
        vbLo.intoArray(laneV, WIDTH);
        vbHi.intoArray(laneV, WIDTH + LANES);
        wbLo.intoArray(laneW, WIDTH);
        wbHi.intoArray(laneW, WIDTH + LANES);
    }

    /** Σ of the 8 partial sums from {@code from}, in lane order. */
    static double sum(double[] lanes, int from) {
        double s = lanes[from];
        for (int l = 1; l < WIDTH; l++) s += lanes[from + l];
        return s;
    }
}
