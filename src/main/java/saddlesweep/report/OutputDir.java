package saddlesweep.report;

import java.nio.file.Files;
import java.nio.file.Path;

import saddlesweep.error.UserError;

/** The report's output directory: an existing directory (files in it are replaced) or one that can be created. */
public final class OutputDir {

    private OutputDir() {
    }

    /** Checks {@code out} without creating anything. */
    public static void check(Path out) {
        Path p = out.toAbsolutePath();
        if (Files.exists(p) && !Files.isDirectory(p)) throw new UserError("--out " + out + ": is a file, not a directory");
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw new UserError("--out " + out + ": no such location");
        if (!Files.isDirectory(existing)) throw new UserError("--out " + out + ": " + existing + " is not a directory");
        if (!Files.isWritable(existing)) throw new UserError("--out " + out + ": " + existing + " is not writable");
    }
}
