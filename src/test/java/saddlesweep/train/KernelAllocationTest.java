package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel stays intrinsified in a JVM that runs GD of every H: when C2 leaves a Vector API
 * operation as a call to its Java fallback (a compilation past its node budget, or a vector merged from two
 * paths), every vector is boxed — the kernel allocates on every call and runs 5–10× slower. Allocation is what
 * this test measures (not time), in a child JVM ({@link KernelAllocationProbe}) warmed as a sweep's executor is:
 * GD steps at N = 50, H = 1, 2, 3 must allocate nothing once compiled.
 *
 * <p>A child, because this JVM is not a sweep's: other tests call {@link VectorTanh} with 2-, 4- and 8-lane
 * vectors, and with that profile C2 boxes even the kernel before the fused passes (measured: 4 375 bytes per
 * step at H = 1), which no executor ever sees (it uses one lane width).
 */
class KernelAllocationTest {

    @Test
    void gdStepsAllocateNothingInAJvmWarmedLikeAnExecutor() throws IOException, InterruptedException {
        if (!Kernels.vectorApiPresent()) return;   // the twin has no vectors to box
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector", "-Xmx512m", "-cp", cp,
                KernelAllocationProbe.class.getName())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("H ")).toList();
        assertEquals(3, lines.size(), out);
        for (String l : lines) {
            assertEquals("0", l.split(" ")[2], "bytes allocated per GD step, " + l + " (boxed vectors: C2 lost the intrinsics)\n" + out);
        }
    }
}
