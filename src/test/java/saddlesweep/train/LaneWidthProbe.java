package saddlesweep.train;

import java.util.List;
import java.util.Random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The child JVM of the lane-width tests ({@link TanhUpdateTest}, {@link VectorKernelTanhTest}): {@code addStep}
 * or {@code tanh} of {@link VectorTanh} with 1, 2, 4 and 8 lanes against {@link KernelTanh}, bit for bit. Prints
 * "ok", or the first difference and exits with 1.
 */
public final class LaneWidthProbe {

    private LaneWidthProbe() {
    }

    public static void main(String[] args) {
        String diff = switch (args[0]) {
            case "addStep" -> addStep();
            case "tanh" -> tanh(VectorKernelTanhTest.laneInputs());
            default -> "unknown check " + args[0];
        };
        System.out.println(diff == null ? "ok" : diff);
        if (diff != null) System.exit(1);
    }

    /** Random t = tanh(a) and steps |b| ≤ the bound (a third of them 1e-6 of it), 2000 vectors per lane width. */
    static String addStep() {
        Random rnd = new Random(5);
        for (VectorSpecies<Double> sp : List.of(DoubleVector.SPECIES_128, DoubleVector.SPECIES_256, DoubleVector.SPECIES_512)) {
            int l = sp.length();
            double[] t = new double[l];
            double[] b = new double[l];
            double[] out = new double[l];
            for (int rep = 0; rep < 2000; rep++) {
                for (int k = 0; k < l; k++) {
                    t[k] = Math.tanh(4 * rnd.nextGaussian());
                    b[k] = TanhRefresh.STEP_BOUND * (rnd.nextDouble() * 2 - 1) * (rep % 3 == 0 ? 1e-6 : 1);
                }
                VectorTanh.addStep(DoubleVector.fromArray(sp, t, 0), DoubleVector.fromArray(sp, b, 0)).intoArray(out, 0);
                for (int k = 0; k < l; k++) {
                    if (Double.doubleToRawLongBits(KernelTanh.addStep(t[k], b[k])) != Double.doubleToRawLongBits(out[k])) {
                        return "lanes " + l + ": t=" + t[k] + " b=" + b[k] + ": " + out[k] + " vs " + KernelTanh.addStep(t[k], b[k]);
                    }
                }
            }
        }
        return null;
    }

    /** tanh of z with every lane width, three times (the later ones in compiled code). */
    static String tanh(double[] z) {
        for (VectorSpecies<Double> s : List.of(DoubleVector.SPECIES_64, DoubleVector.SPECIES_128,
                DoubleVector.SPECIES_256, DoubleVector.SPECIES_512, DoubleVector.SPECIES_PREFERRED)) {
            double[] out = new double[z.length];
            for (int rep = 0; rep < 3; rep++) {
                for (int k = 0; k < z.length; k += s.length()) VectorTanh.tanh(DoubleVector.fromArray(s, z, k)).intoArray(out, k);
                for (int k = 0; k < z.length; k++) {
                    if (Double.doubleToRawLongBits(KernelTanh.tanh(z[k])) != Double.doubleToRawLongBits(out[k])) {
                        return "lane bits differ at z = " + z[k] + " with " + s + ": " + out[k] + " vs " + KernelTanh.tanh(z[k]);
                    }
                }
            }
        }
        return null;
    }
}
