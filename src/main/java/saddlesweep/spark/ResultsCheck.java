package saddlesweep.spark;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.fs.Path;

import saddlesweep.error.UserError;

/**
 * The check that {@code query} and {@code report} make before reading a results root: every sweep's committed
 * chunks against their markers ({@link ChunkVerifier}, footers and row counts). A damaged root is refused with
 * one line naming the damaged file and the command that repairs it.
 */
public final class ResultsCheck {

    private ResultsCheck() {
    }

    /** Throws a {@link UserError} naming the first damaged file of the root, if any. */
    public static void requireIntact(ResultsRoot root) throws IOException {
        Path sweeps = new Path(root.root(), "_sweeps");
        for (String sweep : root.list(sweeps)) {
            if (sweep.startsWith(".")) continue;
            List<ChunkVerifier.Damage> damages = new ChunkVerifier(root, sweep).verify(0, null).damages();
            if (damages.isEmpty()) continue;
            ChunkVerifier.Damage d = damages.get(0);
            String more = damages.size() > 1 ? " (and " + (damages.size() - 1) + " more damaged)" : "";
            throw new UserError("damaged results: " + d.file() + " is " + d.problem() + more + "; repair with: "
                    + repairCommand(new Path(new Path(sweeps, sweep), "job.yaml").toString(), root));
        }
    }

    /** The command that verifies, repairs and completes a sweep. */
    public static String repairCommand(String jobFile, ResultsRoot root) {
        String job = jobFile.startsWith("file:") ? new Path(jobFile).toUri().getPath() : jobFile;
        String out = "file".equals(root.root().toUri().getScheme()) ? root.root().toUri().getPath() : root.root().toString();
        return "./submit.sh sweep " + job + " --out " + out;
    }
}
