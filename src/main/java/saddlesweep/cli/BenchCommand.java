package saddlesweep.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder for the {@code bench} subcommand (being built). */
@Command(name = "bench", description = "(not built yet)")
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("bench is not built yet");
    }
}
