package saddlesweep.train;

import java.util.Locale;

import saddlesweep.model.DataSet;

/**
 * Chooses the {@link GradientKernel} for a data set. Default: {@link VectorKernel} when the
 * {@code jdk.incubator.vector} module is in the boot layer (JVM flag {@code --add-modules=jdk.incubator.vector}),
 * otherwise its plain-Java twin {@link VectorKernelTwin}, which gives the same bits, only slower. The system
 * property {@value #PROPERTY} overrides: {@code vector}, {@code twin}, or {@code scalar} ({@link ScalarKernel},
 * the {@code Math.tanh} reference, whose bits differ from the other two by rounding).
 */
public final class Kernels {

    /** System property naming the kernel: {@code scalar}, {@code vector} or {@code twin}. */
    public static final String PROPERTY = "saddlesweep.kernel";

    private Kernels() {
    }

    /** The kernel for this data set, as chosen by {@link #choice()}. */
    public static GradientKernel forData(DataSet data) {
        return switch (choice()) {
            case "scalar" -> new ScalarKernel(data);
            case "twin" -> new VectorKernelTwin(data);
            default -> new VectorKernel(data);
        };
    }

    /**
     * The kernel name in use: the property's value if set, else {@code vector} or {@code twin} depending on the
     * module. Throws IllegalStateException for an unknown name, or for {@code vector} without the module.
     */
    public static String choice() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) return vectorApiPresent() ? "vector" : "twin";
        String k = p.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "scalar", "twin" -> {
                return k;
            }
            case "vector" -> {
                if (!vectorApiPresent()) {
                    throw new IllegalStateException(PROPERTY + "=vector needs the JVM flag --add-modules=jdk.incubator.vector");
                }
                return k;
            }
            default -> throw new IllegalStateException(PROPERTY + " must be scalar, vector or twin, got '" + p + "'");
        }
    }

    /** True when {@code jdk.incubator.vector} is resolved in the boot module layer. */
    public static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
