package saddlesweep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs {@code python3 scripts/bench_numpy.py} for the same sizes and repetitions and reads its figures.
 * The subprocess runs single-threaded (OPENBLAS/OMP/MKL_NUM_THREADS=1) and without this machine's
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE overrides, which are removed from its environment only.
 */
public final class NumpyBench {

    /** Figures by (N, H), or the reason there are none. */
    public record Result(Map<String, Double> nsPerSampleUnitStep, String skipped) {

        public Double get(int n, int hidden) {
            return nsPerSampleUnitStep.get(key(n, hidden));
        }
    }

    static final Pattern LINE = Pattern.compile(
            "^numpy n=(\\d+) hidden=(\\d+) reps=\\d+ steps=\\d+ ns_per_sample_unit_step=([0-9.eE+-]+)\\s*$");

    private NumpyBench() {
    }

    static String key(int n, int hidden) {
        return n + "x" + hidden;
    }

    public static Result run(Path script, String python, BenchSettings s) {
        if (!Files.isRegularFile(script)) return skipped("no script at " + script);
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(),
                "--n", join(s.sizes()), "--hidden", join(s.hidden()), "--reps", Integer.toString(s.reps()),
                "--min-rep-ms", Long.toString(s.repMillis()), "--warmup-ms", Long.toString(Math.max(100, s.warmupMillis())),
                "--clock", s.cpuClock() ? "cpu" : "wall"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("OMP_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return skipped(python + " not found (" + e.getMessage() + ")");
        }
        Map<String, Double> figures = new HashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    figures.put(key(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), Double.parseDouble(m.group(3)));
                } else if (!line.isBlank()) {
                    other.add(line.trim());
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return skipped("timed out");
            }
        } catch (IOException e) {
            return skipped("reading its output failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return skipped("interrupted");
        }
        if (p.exitValue() != 0 || figures.isEmpty()) {
            String why = other.isEmpty() ? "exit status " + p.exitValue() : other.get(other.size() - 1);
            return skipped(why);
        }
        return new Result(figures, null);
    }

    private static Result skipped(String why) {
        return new Result(Map.of(), why);
    }

    private static String join(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
