package saddlesweep.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder for the {@code train} subcommand (being built). */
@Command(name = "train", description = "(not built yet)")
public final class TrainCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("train is not built yet");
    }
}
