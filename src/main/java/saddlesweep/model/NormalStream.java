package saddlesweep.model;

/**
 * A reproducible stream of standard normal numbers that depends on its seed alone (not on thread,
 * partition or JVM): SplitMix64 for the uniforms, Box–Muller with {@link StrictMath} for the normals.
 *
 * <p>Algorithm, for independent reimplementation: state ← mix64(seed) ⊕ domain; each uniform is
 * {@code ((state += 0x9E3779B97F4A7C15) → mix64) >>> 11} times 2^-53; each pair of uniforms (u1, u2) with
 * u1 ∈ (0, 1] gives {@code z1 = √(−2 ln u1) cos(2π u2)}, {@code z2 = √(−2 ln u1) sin(2π u2)}, used in this order.
 * The domain constant keeps the data stream and the init stream apart when their seeds coincide.
 */
public final class NormalStream {

    /** Domain of the data set stream (x_n and ε_n). */
    public static final long DATA = 0x5EED_DA7AL;
    /** Domain of the initial-point stream (θ_0). */
    public static final long INIT = 0x5EED_1417L;

    private long state;
    private double spare;
    private boolean hasSpare;

    public NormalStream(long seed, long domain) {
        this.state = mix64(seed) ^ domain;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplitMix64. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextUniform() {
        state += 0x9E3779B97F4A7C15L;
        return (mix64(state) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal N(0, 1). */
    public double nextNormal() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - nextUniform(); // (0, 1]
        double u2 = nextUniform();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double a = 2.0 * StrictMath.PI * u2;
        spare = r * StrictMath.sin(a);
        hasSpare = true;
        return r * StrictMath.cos(a);
    }
}
