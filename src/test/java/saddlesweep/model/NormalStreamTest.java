package saddlesweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * NormalStream: reproducible from its seed, bit-identical to an independent re-implementation of its
 * documented algorithm (SplitMix64 + Box–Muller), and N(0, 1) in its first two moments.
 */
class NormalStreamTest {

    /** The documented algorithm, written out again. */
    private static final class DocumentedStream {
        long state;
        double spare;
        boolean has;

        DocumentedStream(long seed, long domain) {
            state = mix(seed) ^ domain;
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        double uniform() {
            state += 0x9E3779B97F4A7C15L;
            return (mix(state) >>> 11) * 0x1.0p-53;
        }

        double normal() {
            if (has) {
                has = false;
                return spare;
            }
            double u1 = 1.0 - uniform();
            double u2 = uniform();
            double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
            spare = r * StrictMath.sin(2 * StrictMath.PI * u2);
            has = true;
            return r * StrictMath.cos(2 * StrictMath.PI * u2);
        }
    }

    @Test
    void sameSeedSameNumbersDifferentSeedOrDomainDifferent() {
        NormalStream a = new NormalStream(42, NormalStream.DATA);
        NormalStream b = new NormalStream(42, NormalStream.DATA);
        NormalStream c = new NormalStream(43, NormalStream.DATA);
        NormalStream d = new NormalStream(42, NormalStream.INIT);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            double x = a.nextNormal();
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(b.nextNormal()));
            if (x == c.nextNormal()) same++;
            if (x == d.nextNormal()) same++;
        }
        assertEquals(0, same);
    }

    @Test
    void matchesTheDocumentedAlgorithmBitForBit() {
        for (long seed : new long[] {0, 1, -7, 123456789012L}) {
            NormalStream s = new NormalStream(seed, NormalStream.INIT);
            DocumentedStream r = new DocumentedStream(seed, NormalStream.INIT);
            for (int i = 0; i < 1001; i++) {
                assertEquals(Double.doubleToRawLongBits(r.normal()), Double.doubleToRawLongBits(s.nextNormal()),
                        "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void meanZeroVarianceOneWithinFiveStandardErrors() {
        NormalStream s = new NormalStream(2024, NormalStream.DATA);
        int n = 1_000_000;
        double sum = 0;
        double sumSq = 0;
        double sum4 = 0;
        for (int i = 0; i < n; i++) {
            double z = s.nextNormal();
            sum += z;
            sumSq += z * z;
            sum4 += z * z * z * z;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(0.0, mean, 5 / Math.sqrt(n));                  // se of the mean: 1/√n
        assertEquals(1.0, var, 5 * Math.sqrt(2.0 / n));             // se of the variance: √(2/n)
        assertEquals(3.0, sum4 / n, 5 * Math.sqrt(96.0 / n));        // E z⁴ = 3, Var z⁴ = 105 − 9 = 96
    }

    @Test
    void uniformsStayInTheUnitInterval() {
        NormalStream s = new NormalStream(5, NormalStream.DATA);
        for (int i = 0; i < 100_000; i++) {
            double u = s.nextUniform();
            assertNotEquals(1.0, u);
            org.junit.jupiter.api.Assertions.assertTrue(u >= 0 && u < 1);
        }
    }
}
