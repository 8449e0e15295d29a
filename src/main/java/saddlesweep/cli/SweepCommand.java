package saddlesweep.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder for the {@code sweep} subcommand (being built). */
@Command(name = "sweep", description = "(not built yet)")
public final class SweepCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("sweep is not built yet");
    }
}
