package saddlesweep.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder for the {@code report} subcommand (being built). */
@Command(name = "report", description = "(not built yet)")
public final class ReportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("report is not built yet");
    }
}
