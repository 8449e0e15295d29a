package saddlesweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The plain vectorised C reference ({@code scripts/gd_reference.c}), compiled on this machine with
 * {@value #FLAGS} into a temporary directory and run on the bench's sizes: the yardstick of the issue
 * "real GD at the hardware's speed" (what a straightforward C GD does here, libmvec's vector tanh included).
 */
public final class CReferenceBench {

    public static final String FLAGS = "-O3 -march=native -ffast-math -fopenmp-simd";

    private CReferenceBench() {
    }

    /** Compiles the source with {@code cc} and runs it; skipped (with the reason) when either fails. */
    public static ReferenceRun.Result run(Path source, String cc, BenchSettings s) {
        if (!Files.isRegularFile(source)) return ReferenceRun.Result.skipped("no source at " + source);
        Path dir;
        try {
            dir = Files.createTempDirectory("gd_reference");
        } catch (IOException e) {
            return ReferenceRun.Result.skipped("no temporary directory: " + e.getMessage());
        }
        Path exe = dir.resolve("gd_reference");
        try {
            List<String> compile = new ArrayList<>(List.of(cc));
            compile.addAll(List.of(FLAGS.split(" ")));
            compile.addAll(List.of("-o", exe.toString(), source.toString(), "-lm"));
            Process p = new ProcessBuilder(compile).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String[] lines = out.strip().split("\n");
                return ReferenceRun.Result.skipped(cc + " failed: " + lines[lines.length - 1]);
            }
            List<String> cmd = new ArrayList<>(List.of(exe.toString()));
            cmd.addAll(ReferenceRun.options(s));
            return ReferenceRun.run(new ProcessBuilder(cmd), "c");
        } catch (IOException e) {
            return ReferenceRun.Result.skipped(cc + " not found (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReferenceRun.Result.skipped("interrupted");
        } finally {
            try {
                Files.deleteIfExists(exe);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }
}
