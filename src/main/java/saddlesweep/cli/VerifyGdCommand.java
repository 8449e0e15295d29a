package saddlesweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import saddlesweep.error.UserError;
import saddlesweep.gdfate.GdVerification;
import saddlesweep.committee.CommitteeRunSummary;
import saddlesweep.run.GdFateView;
import saddlesweep.run.RunSummary;
import saddlesweep.run.VerifyGd;

/**
 * {@code verify-gd}: one run analysed as {@code train} does, then plain GD rerun for it — from θ_0, or from the
 * trajectory record just before GD turns unstable ({@code record}) — with nothing else in the loop, and what it does held against
 * the reported GD fate. Exit status 0 when plain GD agrees or cannot say, 1 when it contradicts the report.
 */
@Command(name = "verify-gd", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = TrainDefaults.class,
        description = "Rerun plain GD for one run (from θ_0 or from the record before GD turns unstable) and check it"
                + " against the reported GD fate: settles on the orbit, approaches it, circles it, or goes elsewhere.")
public final class VerifyGdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--from", paramLabel = "theta0|record", description = "Start plain GD from θ_0 or from the trajectory record"
            + " just before gd_unstable_step (default: theta0 where gd_theta0_work affords it, else record).")
    String from;
    @Option(names = "--steps", description = "Plain GD steps to run (default: to the fate's step plus " + "20"
            + " settling times of its cycle, at most 2e8).")
    Double steps;
    @Option(names = "--json", description = "Print {run, verification} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (steps != null && !(steps >= 1 && steps == Math.rint(steps) && steps < 1e15)) {
            throw new UserError("--steps = " + steps + ": must be a whole number of steps >= 1");
        }
        String header;
        VerifyGd.Report<?> rep;
        if (run.committee()) {
            VerifyGd.Report<CommitteeRunSummary> c = VerifyGd.verify(run.committeeConfig(), from, steps == null ? null : steps.longValue());
            CommitteeRunSummary s = c.run();
            header = String.format(Locale.ROOT, "committee machine d=%d  g=%s  N=%d  σ²=%s  H=%d  data_seed=%d  init_seed=%d  η=%s",
                    s.inputDim(), s.activation(), s.n(), PhaseTable.num(s.sigma2()), s.hidden(), s.dataSeed(), s.initSeed(),
                    PhaseTable.num(s.eta()));
            rep = c;
        } else {
            VerifyGd.Report<RunSummary> r = VerifyGd.verify(run.config(), from, steps == null ? null : steps.longValue());
            RunSummary s = r.run();
            header = String.format(Locale.ROOT, "run %s  N=%d  σ²=%s  H=%d  data_seed=%d  init_seed=%d  η=%s", s.taskId(), s.n(),
                    PhaseTable.num(s.sigma2()), s.hidden(), s.dataSeed(), s.initSeed(), PhaseTable.num(s.eta()));
            rep = r;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (rep.verification() == null) {
            out.printf(Locale.ROOT, "%s: GD never turns unstable (gd_fate %s): plain GD is the flow's path; nothing to verify%n",
                    header, rep.gd().gdFate());
            out.flush();
            return 0;
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("run", rep.run() instanceof CommitteeRunSummary c ? Json.committeeRun(c) : rep.run());
            doc.put("verification", rep.verification());
            out.println(Json.mapper().writeValueAsString(doc));
        } else {
            out.print(render(header, rep.gd(), rep.from(), rep.verification()));
        }
        out.flush();
        return rep.verification().verdict().equals("contradicts") ? 1 : 0;
    }

    static String render(String header, GdFateView s, String start, GdVerification.Result v) {
        StringBuilder b = new StringBuilder();
        b.append(header).append(String.format("%n"));
        b.append(String.format(Locale.ROOT, "reported  %s%s (from %s)%n", s.gdFate(), s.gdCertified() ? ", certified" : ", not certified",
                s.gdStart()));
        if (s.gdEvidence() != null) b.append("  evidence: ").append(s.gdEvidence()).append(String.format("%n"));
        b.append(String.format(Locale.ROOT, "plain GD  from %s (step %d), %d steps, nothing else in the loop%n",
                start.equals(VerifyGd.FROM_THETA0) ? "θ_0" : "the record before gd_unstable_step", v.startStep(), v.steps()));
        b.append(String.format(Locale.ROOT, "  %12s  %14s  %12s%n", "step", "to the orbit", "GD's step"));
        List<GdVerification.Sample> shown = v.samples().stream().filter(p -> p.step() - v.startStep() >= v.steps() / 1000).toList();
        int every = Math.max(1, (shown.size() + 29) / 30);
        for (int i = 0; i < shown.size(); i++) {
            if (i % every != 0 && i != shown.size() - 1) continue;
            GdVerification.Sample p = shown.get(i);
            b.append(String.format(Locale.ROOT, "  %12d  %14.4g  %12.4g%n", p.step(), p.distance(), p.stepSize()));
        }
        b.append(String.format(Locale.ROOT, "seen      %s: %s%n", v.seen().label(), v.explanation()));
        b.append(String.format(Locale.ROOT, "verdict   %s%n", v.verdict()));
        return b.toString();
    }
}
