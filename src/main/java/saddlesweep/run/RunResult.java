package saddlesweep.run;

import java.io.Serializable;
import java.util.List;

/** A finished run: its {@code runs} row, its {@code events} rows and its {@code trajectory} rows. */
public record RunResult(RunSummary run, List<RunEvent> events, List<TrajectoryPoint> trajectory)
        implements Serializable {

    public RunResult withSweep(String name) {
        return new RunResult(run.withSweep(name),
                events.stream().map(e -> e.withSweep(name)).toList(),
                trajectory.stream().map(p -> p.withSweep(name)).toList());
    }
}
