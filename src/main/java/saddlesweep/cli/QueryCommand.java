package saddlesweep.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder for the {@code query} subcommand (being built). */
@Command(name = "query", description = "(not built yet)")
public final class QueryCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("query is not built yet");
    }
}
