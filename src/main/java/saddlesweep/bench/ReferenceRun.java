package saddlesweep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reference implementation of the GD step run as a subprocess (numpy, or the C reference) on the bench's sizes:
 * its lines {@code <name> n=N hidden=H reps=R steps=S ns_per_sample_unit_step=X} read into figures by (N, H).
 */
public final class ReferenceRun {

    /** Figures by (N, H), or the reason there are none. */
    public record Result(Map<String, Double> nsPerSampleUnitStep, String skipped) {

        public Double get(int n, int hidden) {
            return nsPerSampleUnitStep.get(key(n, hidden));
        }

        static Result skipped(String why) {
            return new Result(Map.of(), why);
        }
    }

    private ReferenceRun() {
    }

    static Pattern line(String name) {
        return Pattern.compile("^" + Pattern.quote(name)
                + " n=(\\d+) hidden=(\\d+) reps=\\d+ steps=\\d+ ns_per_sample_unit_step=([0-9.eE+-]+)\\s*$");
    }

    static String key(int n, int hidden) {
        return n + "x" + hidden;
    }

    /** The bench's sizes and repetitions as the references' common options. */
    static List<String> options(BenchSettings s) {
        return List.of("--n", join(s.sizes()), "--hidden", join(s.hidden()), "--reps", Integer.toString(s.reps()),
                "--min-rep-ms", Long.toString(s.repMillis()), "--warmup-ms", Long.toString(Math.max(100, s.warmupMillis())),
                "--clock", s.cpuClock() ? "cpu" : "wall");
    }

    /** Runs {@code pb} and reads its {@code name} lines; the last other line says why when there are none. */
    static Result run(ProcessBuilder pb, String name) {
        pb.redirectErrorStream(true);
        Pattern pattern = line(name);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Result.skipped(pb.command().get(0) + " not found (" + e.getMessage() + ")");
        }
        Map<String, Double> figures = new HashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = pattern.matcher(l);
                if (m.matches()) {
                    figures.put(key(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), Double.parseDouble(m.group(3)));
                } else if (!l.isBlank()) {
                    other.add(l.trim());
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return Result.skipped("timed out");
            }
        } catch (IOException e) {
            return Result.skipped("reading its output failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return Result.skipped("interrupted");
        }
        if (p.exitValue() != 0 || figures.isEmpty()) {
            return Result.skipped(other.isEmpty() ? "exit status " + p.exitValue() : other.get(other.size() - 1));
        }
        return new Result(figures, null);
    }

    private static String join(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
