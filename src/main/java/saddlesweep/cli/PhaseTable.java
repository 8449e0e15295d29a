package saddlesweep.cli;

import java.util.Arrays;
import java.util.Locale;

import saddlesweep.gdfate.GdFateKind;
import saddlesweep.run.GdFateView;
import saddlesweep.run.RunConfig;
import saddlesweep.run.RunEvent;
import saddlesweep.run.RunResult;
import saddlesweep.run.RunSummary;

/** The human-readable report of one run: header, phase table (slow passages and attractor), theory checks. */
public final class PhaseTable {

    private PhaseTable() {
    }

    public static String render(RunConfig c, RunResult r) {
        RunSummary s = r.run();
        StringBuilder b = new StringBuilder();
        b.append(fmt("run %s  teacher w*=%s v*=%s  N=%d  σ²=%s  H=%d  data_seed=%d  init_seed=%d  η=%s%n",
                s.taskId(), vec(s.teacherW()), vec(s.teacherV()), s.n(), num(s.sigma2()), s.hidden(),
                s.dataSeed(), s.initSeed(), num(s.eta())));
        b.append(fmt("status %s after %d steps (%d ms)%s%n", s.status(), s.steps(), s.wallMs(),
                s.error() == null ? "" : "  error: " + s.error()));
        b.append(fmt("%n%-13s %10s %10s %10s %12s %12s %10s %5s %4s %-11s %s%n", "phase", "enter", "dip", "exit",
                "L_N", "E", "|grad L_N|", "index", "null", "singular", "critical point (canonical w.., v..)"));
        for (RunEvent e : r.events()) {
            b.append(fmt("%-13s %10d %10d %10d %12s %12s %10s %5d %4d %-11s %s%s%n", e.kind(), e.stepEnter(),
                    e.stepDip(), e.stepExit(), num(e.trainLoss()), num(e.genExcess()), num(e.gradNorm()),
                    e.morseIndex(), e.nullDim(), e.singularity(), vec(e.point()), e.refined() ? "" : e.kind().equals("attractor") ? " (not polished)" : " (not refined)"));
        }
        b.append(fmt("%nattractor  %s%s  θ=%s%n", s.attractorKind(), s.polished() ? " (Newton-polished)" : "",
                vec(s.attractor())));
        b.append(fmt("  L_N=%s  E=%s  |grad|=%s  eigenvalues=%s  drift=%s per decade%n", num(s.trainLoss()),
                num(s.genExcess()), num(s.gradNorm()), vec(s.attractorEigenvalues()), num(s.attractorDrift())));
        b.append(fmt("flow fate (η → 0)  %s%s%s", s.attractorKind(),
                s.infinityMechanism() == null ? "" : " (" + s.infinityMechanism() + ")",
                s.certified() ? ", certified" : ", not certified"));
        if (s.limitModel() != null) {
            b.append(fmt("  limit %s %s  L_N=%s  E=%s  approach %s (rate %s)", s.limitModel(), vec(s.limitParams()),
                    num(s.limitTrainLoss()), num(s.limitGenExcess()), s.approach(), num(s.approachRate())));
        } else if (!s.certified() && s.error() != null) {
            b.append(fmt("  (%s)", s.error()));
        }
        b.append(fmt("%n"));
        b.append(fmt("  tail %s: %d GD steps, followed to %d of %d GD-equivalent steps, %d flow evaluations%n",
                s.tail(), s.gdSteps(), s.steps(), s.horizonSteps(), s.flowEvaluations()));
        b.append(gdFate(s, s.eta(), s.steps()));
        b.append(fmt("theory  L_N(θ*)=%s  |grad L_N(θ*)|=%s  E_opt=%s  |attractor − θ*|=%s%n",
                num(s.optTrainLoss()), num(s.optGradNorm()), num(s.optGenExcess()), num(s.optDistance())));
        b.append(fmt("  overfitting: L_N(attractor) %s L_N(θ*), E(attractor) − min E = %s (min E %s at step %d)%n",
                s.trainLoss() < s.optTrainLoss() ? "<" : ">=", num(s.genExcess() - s.minGenExcess()),
                num(s.minGenExcess()), s.minGenStep()));
        return b.toString();
    }

    /** GD's own fate at the run's η (the run's last step {@code steps}), under the flow's. */
    static String gdFate(GdFateView s, double eta, long steps) {
        StringBuilder b = new StringBuilder();
        String cert = s.gdCertified() ? ", certified" : ", not certified";
        if (GdFateKind.ofLabel(s.gdFate()) == GdFateKind.FLOW) {
            b.append(fmt("GD fate (η = %s)  flow%s: GD never turns unstable (η·λ_max < 2 up to step %d), its fate is the flow's%n",
                    num(eta), cert, steps));
            return b.toString();
        }
        b.append(fmt("GD fate (η = %s)  %s%s", num(eta), s.gdFate(), cert));
        if (s.gdStep() != null) b.append(fmt(" at step %d", s.gdStep()));
        b.append(fmt("  (%s%s)%n", start(s), s.gdUnstableStep() != null
                ? fmt("; η·λ_max ≥ 2 from the record at step %d", s.gdUnstableStep()) : ""));
        if (s.gdEvidence() != null) b.append(fmt("  evidence: %s%n", s.gdEvidence()));
        if (s.gdOrbit() != null && s.gdPeriod() > 0) {
            int d = s.gdOrbit().length / s.gdPeriod();
            GdFateKind kind = GdFateKind.ofLabel(s.gdFate());
            if (kind == GdFateKind.APERIODIC || kind == GdFateKind.UNRESOLVED) {
                b.append(fmt("  the stable %d-cycle GD %s:%n", s.gdPeriod(), kind == GdFateKind.APERIODIC
                        ? "circles without settling on it" : "was last seen near"));
            }
            for (int j = 0; j < s.gdPeriod(); j++) {
                b.append(fmt("  %s %s%n", s.gdPeriod() == 1 ? "point" : "p" + j, vec(Arrays.copyOfRange(s.gdOrbit(), j * d, (j + 1) * d))));
            }
            b.append(fmt("  mean L_N=%s  E=%s  amplitude %s  largest multiplier %s%s  settling time %s steps  η·λ_max at the mean %s%n",
                    num(s.gdTrainLoss()), num(s.gdGenExcess()), num(s.gdAmplitude()), String.format(Locale.ROOT, "%.10f", s.gdMultiplier()),
                    s.gdNeutral() > 0 ? " (" + s.gdNeutral() + " neutral)" : "", num(s.gdSettlingSteps()),
                    String.format(Locale.ROOT, "%.6f", s.gdSharpness())));
        } else if (!Double.isNaN(s.gdTrainLoss())) {
            b.append(fmt("  mean L_N=%s  E=%s  η·λ_max %s%n", num(s.gdTrainLoss()), num(s.gdGenExcess()), num(s.gdSharpness())));
        }
        if (!Double.isNaN(s.gdLyapunov())) {
            b.append(fmt("  largest Lyapunov exponent %s ± %s per step (tangent map)%n", num(s.gdLyapunov()), num(s.gdLyapunovError())));
        }
        return b.toString();
    }

    /** Where the plain GD that the fate is about started. */
    private static String start(GdFateView s) {
        if (s.gdStart() == null) return "GD not followed";
        return switch (s.gdStart()) {
            case "theta0" -> fmt("plain GD from θ_0, checked from step %d on, just before η·λ_max reaches 2", s.gdHandoverStep());
            case "record" -> fmt("plain GD from the trajectory record before gd_unstable_step, checked from step %d on, just before"
                    + " η·λ_max reaches 2", s.gdHandoverStep());
            case "handover" -> fmt("plain GD from the flow's state at step %d, just before η·λ_max reaches 2", s.gdHandoverStep());
            case "catapult" -> "after a catapult, the flow GD follows";
            default -> s.gdStart();
        };
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String vec(double[] v) {
        if (v == null) return "-";
        return Arrays.stream(v).mapToObj(PhaseTable::num).reduce((a, c) -> a + ", " + c).map(x -> "[" + x + "]").orElse("[]");
    }
}
