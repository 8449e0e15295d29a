package saddlesweep.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import saddlesweep.cli.Main;

/** Runs {@code Main.execute} in this JVM, capturing stdout and stderr. */
public final class CliCapture {

    public record Result(int exit, String stdout, String stderr) {
        public List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private CliCapture() {
    }

    public static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
