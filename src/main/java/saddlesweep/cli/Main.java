package saddlesweep.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import saddlesweep.error.StorageFault;
import saddlesweep.error.UserError;

/**
 * The {@code saddlesweep} command line: {@code train}, {@code verify-gd}, {@code sweep}, {@code query}, {@code report},
 * {@code bench}.
 * Bad input ends with one line on stderr and exit status 2; a failure of the results storage with one line and
 * exit status 3.
 */
@Command(name = "saddlesweep", mixinStandardHelpOptions = true, version = "saddlesweep 0.1.0",
        description = "Learning dynamics of small MLPs as a Spark parameter sweep: plateaus, near-optimal saddles, overfitting attractors.",
        subcommands = {TrainCommand.class, VerifyGdCommand.class, SweepCommand.class, QueryCommand.class, ReportCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: train, verify-gd, sweep, query, report or bench");
    }

    /** Runs the command line and returns the exit status (does not call System.exit). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            Throwable t = ex;
            while (!(t instanceof UserError) && t.getCause() != null && t.getCause() != t) t = t.getCause();
            if (t instanceof UserError) {
                err.println("error: " + t.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof StorageFault) {
                    err.println("error: " + c.getMessage());
                    err.flush();
                    return StorageFault.EXIT;
                }
            }
            throw ex;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
