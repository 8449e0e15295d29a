package saddlesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures drawn from synthetic data (no Spark): slow passages and plateau statistics that a small real
 * sweep may not produce, and the left-out paths.
 */
class FigureRenderingTest {

    @TempDir
    Path dir;

    /** A run with a plateau, a near-optimal passage and a finite attractor at step 20000. */
    static RunTrace syntheticTrace() {
        List<RunTrace.Point> pts = new ArrayList<>();
        for (long s : new long[]{0, 1, 2, 3, 5, 8, 10, 20, 50, 100, 200, 300, 500, 800, 1000, 2000, 3000, 5000,
                8000, 10000, 15000, 20000}) {
            double t = Math.log10(Math.max(s, 1));
            double loss = 0.2 * Math.exp(-t) + 0.004;
            double e = 0.1 * Math.exp(-1.5 * t) + 1e-5 * t * t;
            double grad = 0.05 * Math.abs(Math.sin(2 * t)) + 1e-6;
            pts.add(new RunTrace.Point(s, loss, e, grad, new double[]{0.1 + t * 0.3, -0.05 * t, 0.2 * t, 0.5 - 0.1 * t}));
        }
        List<RunTrace.Event> events = List.of(
                new RunTrace.Event("plateau", 20, 50, 200, 1, "elimination"),
                new RunTrace.Event("near_optimal", 2000, 3000, 5000, 1, "elimination"),
                new RunTrace.Event("attractor", 20000, 20000, 20000, 0, "none"));
        RunTrace.Run run = new RunTrace.Run("abc123", 100, 0.01, 2, 1, 1, "converged", 20000, 0.0045, 4e-4,
                "degenerate", 0.0048, 0.0, 1e-5, 3000, 1, 1, 0.0045);
        return new RunTrace(run, pts, events);
    }

    @Test
    void dynamicsAndParametersOfARunWithPassages() {
        RunTrace t = syntheticTrace();
        FigureResult d = DynamicsFigure.write(t, "Synthetic.", dir, "dynamics.png");
        FigureResult p = ParametersFigure.write(t, dir, "parameters.png");
        assertTrue(d.isDrawn() && p.isDrawn());
        assertTrue(d.caption().contains("plateau (Morse index 1, steps 20–200, elimination set)"), d.caption());
        assertTrue(d.caption().contains("E_opt = 0"), d.caption());
        Pngs.assertFigure(dir.resolve("dynamics.png"));
        Pngs.assertFigure(dir.resolve("parameters.png"));
    }

    @Test
    void aRunWithoutTrajectoryIsLeftOut() {
        RunTrace t = syntheticTrace();
        RunTrace empty = new RunTrace(t.run(), List.of(), t.events());
        FigureResult d = DynamicsFigure.write(empty, "Synthetic.", dir, "dynamics.png");
        assertFalse(d.isDrawn());
        assertTrue(d.reason().contains("fewer than two recorded steps"), d.reason());
    }

    @Test
    void plateauDurationsAndShares() {
        List<PlateauDurationFigure.Plateau> plateaus = new ArrayList<>();
        for (int i = 0; i < 40; i++) plateaus.add(new PlateauDurationFigure.Plateau(1 + i % 2, (long) Math.pow(10, 1 + i / 10.0)));
        FigureResult d = PlateauDurationFigure.write(plateaus, dir);
        FigureResult s = PlateauShareFigure.write(List.of(new PlateauShareFigure.Share(1, 10, 3, 1, 0.4),
                new PlateauShareFigure.Share(2, 10, 8, 6, 1.5)), dir);
        assertTrue(d.isDrawn() && s.isDrawn());
        Pngs.assertFigure(dir.resolve(PlateauDurationFigure.FILE));
        Pngs.assertFigure(dir.resolve(PlateauShareFigure.FILE));
        assertFalse(PlateauDurationFigure.write(List.of(), dir).isDrawn());
        assertFalse(PlateauShareFigure.write(List.of(new PlateauShareFigure.Share(1, 10, 0, 0, 0)), dir).isDrawn());
    }

    @Test
    void singleNLeavesOutOverfittingAndSingleCellLeavesOutThePhaseDiagram() {
        List<OverfittingFigure.Group> groups = List.of(new OverfittingFigure.Group(1, 0.01, 50, 4, 1e-4, 5e-5, 2e-4,
                5e-5, 2e-5, 9e-5, 1));
        FigureResult o = OverfittingFigure.write(groups, List.of(1), dir).get(0);
        assertFalse(o.isDrawn());
        assertTrue(o.reason().contains("a single N"), o.reason());
        List<PhaseDiagramFigure.Cell> cells = List.of(new PhaseDiagramFigure.Cell(1, 50, 0.01, 1.0, 1, 2, 2, 8, 8, java.util.Map.of("finite", 8L)));
        FigureResult ph = PhaseDiagramFigure.write(cells, List.of(1), dir).get(0);
        assertFalse(ph.isDrawn());
        assertTrue(ph.reason().contains("at least two"), ph.reason());
    }

    @Test
    void greyPhaseCellsListTheRunsByKindMostFrequentFirstInShortLines() {
        assertEquals(List.of("23 at ∞,", "9 degenerate"),
                PhaseDiagramFigure.kindLines(java.util.Map.of("degenerate", 9L, "at_infinity", 23L)));
        assertEquals(List.of("12 at ∞,", "12 unresolved,", "2 degenerate"),
                PhaseDiagramFigure.kindLines(java.util.Map.of("unresolved", 12L, "degenerate", 2L, "at_infinity", 12L)));
        assertEquals(List.of("3 finite, 1 at ∞"), PhaseDiagramFigure.kindLines(java.util.Map.of("finite", 3L, "at_infinity", 1L)));
        assertEquals(List.of(), PhaseDiagramFigure.kindLines(java.util.Map.of()));
        for (String line : PhaseDiagramFigure.kindLines(java.util.Map.of("unresolved", 100L, "degenerate", 100L))) {
            assertTrue(line.length() <= 16, line);
        }
    }
}
