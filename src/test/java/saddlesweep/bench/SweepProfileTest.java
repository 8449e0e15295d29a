package saddlesweep.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;
import saddlesweep.run.PhaseClock.Phase;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunResult;
import saddlesweep.run.RunSummary;

/**
 * {@code bench --sweep-profile} on a tiny job (4 short runs: H = 1, 2 at η = 0.05 and 0.3; H = 2 runs a flow tail,
 * and at η = 0.3 GD's fate follows GD): the table's shares add up to 1 and every phase that ran took CPU (the
 * command on the first 3 runs, Parquet writing included), and the evaluations are the ones the runs' rows report
 * (all 4 runs).
 */
class SweepProfileTest {

    static final String JOB = """
            name: tiny
            teacher:
              w: [1.0]
              v: [1.0]
            n: [50]
            sigma2: [0.1]
            hidden: [1, 2]
            data_seed: {from: 1, count: 1}
            init_seed: {from: 2, count: 1}
            training:
              eta: [0.05, 0.3]
              max_steps: 20000
              horizon_steps: 1.0e7
            chunk_size: 2
            """;

    /** H, phase, cpu_s, share %, of_H %, then evaluations, per decade, ns (numbers or "-"). */
    private static final Pattern PHASE_ROW = Pattern.compile(
            "^(\\d+|all)\\s+([a-z ]+?)\\s+([0-9.]+)\\s+([0-9.]+)%\\s+([0-9.]+)%\\s+(\\d+|-)\\s+(\\d+|-)\\s+([0-9.]+|-)$");
    private static final Pattern TOTAL_ROW = Pattern.compile("^(\\d+|all)\\s+total\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)%\\s+100\\.0%\\s*$");

    @Test
    void tableSharesAddUpAndEveryPhaseThatRanTookCpu(@TempDir Path dir) throws IOException {
        Path job = Files.writeString(dir.resolve("tiny.yaml"), JOB);
        BenchCommandTest.Run r = BenchCommandTest.bench("--sweep-profile", job.toString(), "--threads", "2", "--limit", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("tiny (first 3 of 4 runs): 3 runs, 2 threads"), r.out());
        assertTrue(r.out().contains("ns/(s·u·ev)"), r.out());
        double share = 0;
        double allShare = 0;
        int rows = 0;
        List<String> phases = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            Matcher m = PHASE_ROW.matcher(line);
            if (m.matches()) {
                rows++;
                if (m.group(1).equals("all")) {
                    allShare += Double.parseDouble(m.group(4));
                    phases.add(m.group(2));
                    // a phase whose loop ran (evaluations > 0) took CPU; the others (setup: well under a
                    // millisecond) may print 0.000 s here, and are checked in nanoseconds through the API below
                    boolean ran = !m.group(6).equals("0") && !m.group(6).equals("-");
                    if (ran) assertTrue(Double.parseDouble(m.group(3)) > 0, "no CPU in a phase that ran: " + line);
                } else {
                    share += Double.parseDouble(m.group(4));
                }
            }
        }
        int widths = (int) r.out().lines().filter(l -> TOTAL_ROW.matcher(l).matches()).count() - 1;
        assertTrue(widths >= 1, r.out());
        assertEquals((widths + 1) * Phase.values().length, rows, r.out());   // each H in the first 4 runs, and all
        assertEquals(List.of("setup", "gd", "flow tail", "fate", "gd fate", "sequence", "checks", "writing"), phases);
        assertEquals(100, share, 0.05 * Phase.values().length * widths, "shares of the H rows add up to 1: " + r.out());
        assertEquals(100, allShare, 0.05 * Phase.values().length, "shares of the all rows add up to 1: " + r.out());
        assertTrue(r.out().lines().anyMatch(l -> TOTAL_ROW.matcher(l).matches() && l.startsWith("all")), r.out());
    }

    @Test
    void evaluationsAreTheRunsOwnCounts() {
        SweepJob job = JobParser.parse(JOB, true);
        List<RunConfig> configs = job.tasks(0, job.size());
        SweepProfile.Result p = SweepProfile.run(configs, 1, job.chunkSize(), false);
        assertEquals(configs.size(), p.results().size());
        assertEquals("not asked for", p.writingSkipped());
        long gd = 0;
        long flow = 0;
        long gdFate = 0;
        double decades = 0;
        for (RunResult res : p.results()) {
            RunSummary s = res.run();
            assertNotEquals("failed", s.status(), s.error());
            gd += s.gdSteps();
            flow += s.flowEvaluations();
            gdFate += s.gdFateSteps() + s.gdFateEvaluations();
            if (s.flowEvaluations() > 0) decades += Math.log10((double) s.steps() / s.gdSteps());
        }
        assertTrue(flow > 0 && gdFate > 0, "the tiny job runs flow tails and follows GD's fate: " + flow + ", " + gdFate);
        SweepProfile.Group all = p.all();
        assertEquals(configs.size(), all.runs());
        assertEquals(gd, all.phase(Phase.GD).evaluations());
        assertEquals(flow, all.phase(Phase.FLOW_TAIL).evaluations());
        assertEquals(gdFate, all.phase(Phase.GD_FATE).evaluations());
        assertEquals(flow / decades, all.phase(Phase.FLOW_TAIL).perDecade(), 1e-9 * flow / decades);
        long h2 = 0;
        for (RunResult res : p.results()) if (res.run().hidden() == 2) h2 += res.run().gdSteps();
        assertEquals(h2, p.byHidden().get(2).phase(Phase.GD).evaluations());
        for (Phase ph : List.of(Phase.SETUP, Phase.GD, Phase.FLOW_TAIL, Phase.FATE, Phase.GD_FATE, Phase.SEQUENCE, Phase.WRITING)) {
            assertTrue(all.phase(ph).cpuNanos() > 0, ph + " ran but took no CPU");
        }
        long sum = 0;
        for (SweepProfile.Group g : p.byHidden().values()) sum += g.cpuNanos();
        assertEquals(all.cpuNanos(), sum);
    }
}
