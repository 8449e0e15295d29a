package saddlesweep.spark;

import java.io.Serializable;

import saddlesweep.run.RunConfig;
import saddlesweep.run.RunPipeline;
import saddlesweep.run.RunResult;

/** What an executor does with one task of the grid; {@link #PIPELINE} in production. Must be deterministic. */
@FunctionalInterface
public interface RunTask extends Serializable {

    RunTask PIPELINE = RunPipeline::run;

    RunResult run(RunConfig config);
}
