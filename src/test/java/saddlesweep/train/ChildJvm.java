package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test-scope main class in a child JVM with the Vector API module, and returns its output. For checks
 * whose JIT profile must not mix with the test JVM's: code that calls {@link VectorTanh} with several lane
 * widths leaves C2 profiles with which even the kernels box their vectors (see {@link KernelAllocationTest}).
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Output (stdout and stderr) of {@code main} run with {@code args}; asserts exit status 0 within 2 minutes. */
    static String run(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xmx512m", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) p.destroyForcibly();
        assertTrue(done, main.getSimpleName() + " did not finish: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
