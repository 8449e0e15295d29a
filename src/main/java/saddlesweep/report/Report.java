package saddlesweep.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the report of one sweep: reads the data of every figure through Spark SQL, draws the figures that
 * the data supports into the output directory, and writes {@code index.html}. Figures are:
 * dynamics and parameters of one run per H (or of {@code --task}), phase diagram per H, overfitting per H,
 * plateau durations and shares, and ‖∇L_N(θ*)‖ vs σ/√N. A figure without data is left out with a reason,
 * printed and shown in the page.
 */
public final class Report {

    private final ReportSource source;
    private final String taskId;

    /** {@code taskId} (may be null) selects the run of figures 1–2; otherwise a typical run per H is shown. */
    public Report(ReportSource source, String taskId) {
        this.source = source;
        this.taskId = taskId;
    }

    /** Writes the report into {@code dir} (created if needed); prints one line per figure; returns the figures. */
    public List<FigureResult> write(Path dir, PrintStream log) {
        // read everything first, so that a failing query leaves no half-written directory
        List<CommitteeFigure.Trace> committee = CommitteeFigure.load(source);
        List<CommitteeFatesFigure.Group> committeeGroups = committee.isEmpty() ? List.of() : CommitteeFatesFigure.load(source);
        if (!source.hasScalarRuns()) return writeCommitteeOnly(dir, log, committee, committeeGroups);
        List<Integer> widths = source.sql("select distinct hidden from runs order by hidden").stream()
                .map(r -> r.<Integer>getAs(0)).toList();
        List<RunTrace> traces = new ArrayList<>();
        List<String> whys = new ArrayList<>();
        List<FigureResult> missingRuns = new ArrayList<>();
        if (taskId != null) {
            traces.add(RunTrace.load(source, taskId));
            whys.add("The run chosen with --task.");
        } else {
            for (TypicalRuns.Choice c : TypicalRuns.choose(source)) {
                if (c.taskId() == null) {
                    missingRuns.add(FigureResult.leftOut(DynamicsFigure.SECTION, "Dynamics, H = " + c.hidden(), c.why()));
                    continue;
                }
                traces.add(RunTrace.load(source, c.taskId()));
                whys.add(c.why());
            }
        }
        List<PhaseDiagramFigure.Cell> cells = PhaseDiagramFigure.load(source);
        List<OverfittingFigure.Group> groups = OverfittingFigure.load(source);
        List<PlateauDurationFigure.Plateau> plateaus = PlateauDurationFigure.load(source);
        List<PlateauShareFigure.Share> shares = PlateauShareFigure.load(source);
        List<PlateauLawFigure.Escape> escapes = PlateauLawFigure.load(source);
        TheoremFigure.Data theorem = TheoremFigure.load(source);
        List<BifurcationFigure.Point> bifurcation = BifurcationFigure.load(source);
        String keyNumbers = KeyNumbers.html(source);

        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        List<FigureResult> figures = new ArrayList<>(missingRuns);
        List<FigureResult> parameters = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            RunTrace t = traces.get(i);
            String suffix = taskId != null ? "task-" + safe(taskId) : "H" + t.run().hidden();
            figures.add(DynamicsFigure.write(t, whys.get(i), dir, "dynamics-" + suffix + ".png"));
            parameters.add(ParametersFigure.write(t, dir, "parameters-" + suffix + ".png"));
        }
        figures.addAll(parameters);
        figures.addAll(PhaseDiagramFigure.write(cells, widths, dir));
        figures.addAll(OverfittingFigure.write(groups, widths, dir));
        figures.add(PlateauDurationFigure.write(plateaus, dir));
        figures.add(PlateauShareFigure.write(shares, dir));
        figures.add(PlateauLawFigure.write(escapes, dir));
        figures.add(TheoremFigure.write(theorem, dir));
        figures.addAll(BifurcationFigure.write(bifurcation, dir));
        figures.addAll(committeeFigures(committee, committeeGroups, dir));
        IndexPage.write(dir, source, keyNumbers, figures);
        return logged(figures, dir, log);
    }

    /** A sweep of committee machines only: their figures, and the key numbers left to the committee query. */
    private List<FigureResult> writeCommitteeOnly(Path dir, PrintStream log, List<CommitteeFigure.Trace> committee,
                                                  List<CommitteeFatesFigure.Group> groups) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        List<FigureResult> figures = committeeFigures(committee, groups, dir);
        IndexPage.write(dir, source, "<p>Every run of this sweep is a committee machine (d &gt; 1 inputs): figures 1–9, drawn for "
                + "a scalar input, are left out; the sweep's numbers by d are in <code>jobs/queries/committee.sql</code>.</p>\n",
                figures);
        return logged(figures, dir, log);
    }

    private static List<FigureResult> committeeFigures(List<CommitteeFigure.Trace> committee,
                                                       List<CommitteeFatesFigure.Group> groups, Path dir) {
        List<FigureResult> out = new ArrayList<>();
        for (CommitteeFigure.Trace t : committee) {
            // committee-T.png, or committee-T-dD.png where input_dim runs teacher T in several dimensions
            boolean several = committee.stream().filter(o -> o.teacher().equals(t.teacher())).count() > 1;
            out.add(CommitteeFigure.write(t, dir, "committee-" + safe(t.teacher()) + (several ? "-d" + t.dim() : "") + ".png"));
        }
        if (!committee.isEmpty()) out.add(CommitteeFatesFigure.write(groups, dir));
        return out;
    }

    private static List<FigureResult> logged(List<FigureResult> figures, Path dir, PrintStream log) {
        for (FigureResult f : figures) {
            if (f.isDrawn()) log.println("wrote " + dir.resolve(f.file()));
            else log.println("left out " + f.title() + ": " + f.reason());
        }
        log.println("wrote " + dir.resolve(IndexPage.FILE) + " (" + FigureResult.files(figures).size() + " figures)");
        return figures;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
