package saddlesweep.run;

import java.io.Serializable;

/** One row of the {@code trajectory} table: a point of the log-spaced record grid (θ as trained, not canonical). */
public record TrajectoryPoint(String sweep, String taskId, long step, double trainLoss, double genExcess,
                              double gradNorm, double[] theta) implements Serializable {

    public TrajectoryPoint withSweep(String name) {
        return new TrajectoryPoint(name, taskId, step, trainLoss, genExcess, gradNorm, theta);
    }
}
