package saddlesweep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs {@code python3 scripts/bench_numpy.py} for the same sizes and repetitions and reads its figures.
 * The subprocess runs single-threaded (OPENBLAS/OMP/MKL_NUM_THREADS=1) and without this machine's
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE overrides, which are removed from its environment only.
 */
public final class NumpyBench {

    static final Pattern LINE = ReferenceRun.line("numpy");

    private NumpyBench() {
    }

    public static ReferenceRun.Result run(Path script, String python, BenchSettings s) {
        if (!Files.isRegularFile(script)) return ReferenceRun.Result.skipped("no script at " + script);
        List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
        cmd.addAll(ReferenceRun.options(s));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("OMP_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");
        return ReferenceRun.run(pb, "numpy");
    }
}
