package saddlesweep.cli;

import static saddlesweep.cli.PhaseTable.num;
import static saddlesweep.cli.PhaseTable.vec;

import java.util.Locale;

import saddlesweep.committee.CommitteePipeline;
import saddlesweep.committee.CommitteeRunSummary;
import saddlesweep.run.RunEvent;

/** The human-readable report of one committee-machine run (d &gt; 1): header, phase table, end point. */
final class CommitteeTable {

    private CommitteeTable() {
    }

    static String render(CommitteePipeline.Result r) {
        CommitteeRunSummary s = r.run();
        StringBuilder b = new StringBuilder();
        b.append(fmt("committee machine d=%d  g=%s  teacher θ*=%s (W* row by row, then v*)  N=%d  σ²=%s  H=%d  data_seed=%d  "
                + "init_seed=%d  η=%s%n", s.inputDim(), s.activation(), vec(s.teacher()), s.n(), num(s.sigma2()), s.hidden(), s.dataSeed(),
                s.initSeed(), num(s.eta())));
        b.append(fmt("status %s after %d steps (%d ms)%s%n", s.status(), s.steps(), s.wallMs(),
                s.error() == null ? "" : "  note: " + s.error()));
        b.append(fmt("%n%-13s %10s %10s %10s %12s %12s %10s %5s %4s %-11s %s%n", "phase", "enter", "dip", "exit",
                "L_N", "E", "|grad L_N|", "index", "null", "singular", "critical point (canonical W row by row, v)"));
        for (RunEvent e : r.events()) {
            b.append(fmt("%-13s %10d %10d %10d %12s %12s %10s %5d %4d %-11s %s%s%n", e.kind(), e.stepEnter(),
                    e.stepDip(), e.stepExit(), num(e.trainLoss()), num(e.genExcess()), num(e.gradNorm()),
                    e.morseIndex(), e.nullDim(), e.singularity(), vec(e.point()),
                    e.refined() ? "" : e.kind().equals("attractor") ? " (not at a minimum)" : " (not refined)"));
        }
        boolean atInfinity = s.limitModel() != null;
        b.append(fmt("%nend point  %s%s  L_N=%s  E=%s  |grad|=%s  eigenvalues=%s%n", s.attractorKind(),
                atInfinity ? " (" + s.infinityMechanism() + ", certified; the last record)" : s.certified() ? " (Newton-polished)" : "",
                num(s.trainLoss()), num(s.genExcess()), num(s.gradNorm()), vec(s.eigenvalues())));
        if (atInfinity) {
            b.append(fmt("  limit %s %s  L_N=%s  E=%s  approach %s (rate %s)%n", s.limitModel(), vec(s.limitParams()),
                    num(s.limitTrainLoss()), num(s.limitGenExcess()), s.approach(), num(s.approachRate())));
        }
        b.append(PhaseTable.gdFate(s.gd(), s.eta(), s.steps()));
        b.append(fmt("plateaus %d (%d steps), of which symmetric %d (%d steps); near-optimal %d%n", s.plateaus(),
                s.plateauSteps(), s.symmetricPlateaus(), s.symmetricPlateauSteps(), s.nearOptimal()));
        b.append(fmt("min E %s at step %d%n", num(s.minGenExcess()), s.minGenExcessStep()));
        if (!Double.isNaN(s.optTrainLoss())) {
            b.append(fmt("theory  L_N(θ*)=%s  |grad L_N(θ*)|=%s  E(θ*)=0  |end − θ*|=%s%n", num(s.optTrainLoss()),
                    num(s.optGradNorm()), num(s.optDistance())));
        }
        return b.toString();
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
