package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel stays intrinsified in a JVM that runs GD of every H: when C2 leaves a Vector API
 * operation as a call to its Java fallback (a compilation past its node budget, or a vector merged from two
 * paths), every vector is boxed — the kernel allocates on every call and runs 5–10× slower. Allocation is what
 * this test measures (not time), in a child JVM ({@link KernelAllocationProbe}) warmed as a sweep's executor is:
 * GD steps at N = 50, H = 1, 2, 3 must allocate nothing once compiled (the kernel before the fused last units:
 * 66 bytes per step, its direct steps boxed).
 *
 * <p>A child, because a test JVM need not be like an executor: calls of {@link VectorTanh} with 2-, 4- and
 * 8-lane vectors (now in a child of their own, {@link LaneWidthProbe}) leave profiles with which C2 boxes both
 * kernels (measured: 4 138–4 375 bytes per step at H = 1), which no executor meets (one lane width).
 */
class KernelAllocationTest {

    @Test
    void gdStepsAllocateNothingInAJvmWarmedLikeAnExecutor() throws Exception {
        if (!Kernels.vectorApiPresent()) return;   // the twin has no vectors to box
        String out = ChildJvm.run(KernelAllocationProbe.class);
        List<String> lines = out.lines().filter(l -> l.startsWith("H ")).toList();
        assertEquals(3, lines.size(), out);
        for (String l : lines) {
            assertEquals("0", l.split(" ")[2], "bytes allocated per GD step, " + l + " (boxed vectors: C2 lost the intrinsics)\n" + out);
        }
    }
}
