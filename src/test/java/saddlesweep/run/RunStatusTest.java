package saddlesweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import saddlesweep.model.Teacher;
import saddlesweep.train.RunStatus;
import saddlesweep.train.TrainingSettings;

/**
 * The status of a whole run says what happened: {@code horizon} is a run the flow tail followed to
 * horizon_steps, {@code budget} one whose plain GD spent max_steps; and the rule by which an old
 * {@code max_steps} is read ({@link RunStatus#ofOldMaxSteps}) gives back each run's status from its row.
 */
class RunStatusTest {

    /** Teacher w = (1, 4), v = (2, −1), H = 2: drifts towards infinity, so no tolerance stops it early. */
    private static final Teacher DRIFTS = new Teacher(new double[] {1, 4}, new double[] {2, -1});

    private static RunSummary run(TrainingSettings t) {
        return RunPipeline.run(RunConfig.of(DRIFTS, 50, 0.01, 2, 1, 1).withTraining(t.withPolish(false))).run();
    }

    /** What the old label max_steps reads as, from the columns of the row. */
    private static RunStatus fromOldRow(RunSummary s) {
        return RunStatus.ofOldMaxSteps(TrainingSettings.TAIL_FLOW.equals(s.tail()) && s.gdSteps() < s.steps());
    }

    @Test
    void labelsAreDistinctAndReadBack() {
        Set<String> labels = Arrays.stream(RunStatus.values()).map(RunStatus::label).collect(Collectors.toSet());
        assertEquals(RunStatus.values().length, labels.size());
        for (RunStatus s : RunStatus.values()) assertEquals(s, RunStatus.of(s.label()));
        assertTrue(!labels.contains(RunStatus.OLD_MAX_STEPS));
        assertThrows(IllegalArgumentException.class, () -> RunStatus.of(RunStatus.OLD_MAX_STEPS));
    }

    @Test
    void plainGradientDescentSpendsItsBudget() {
        RunSummary s = run(TrainingSettings.defaults().withTail(TrainingSettings.TAIL_GD).withMaxSteps(3000));
        assertEquals("budget", s.status(), s.error());
        assertEquals(3000, s.steps());
        assertEquals(3000, s.gdSteps());
        assertEquals(RunStatus.BUDGET, fromOldRow(s));
    }

    @Test
    void theFlowTailFollowsTheRunToTheHorizon() {
        RunSummary s = run(TrainingSettings.defaults().withMaxSteps(3000).withHorizonSteps(200_000));
        assertEquals("horizon", s.status(), s.error());
        assertEquals(200_000, s.steps());
        assertTrue(s.gdSteps() <= 3000 && s.gdSteps() < s.steps(), "GD handed over at " + s.gdSteps());
        assertEquals(RunStatus.HORIZON, fromOldRow(s));
    }

    @Test
    void aFlowRunWhoseBudgetReachesTheHorizonIsBudgetWhenGdSpendsIt() {
        // max_steps ≥ horizon_steps: GD runs to max_steps unless it hands over, and no tail goes further
        RunSummary s = run(TrainingSettings.defaults().withMaxSteps(1500).withHorizonSteps(1500));
        assertEquals(s.gdSteps() < s.steps() ? "horizon" : "budget", s.status(), s.error());
        assertEquals(RunStatus.of(s.status()), fromOldRow(s));
    }
}
