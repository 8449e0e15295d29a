package saddlesweep.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.apache.hadoop.fs.Path;

import saddlesweep.error.UserError;
import saddlesweep.job.JobParser;
import saddlesweep.job.SweepJob;

/**
 * The check that {@code query} and {@code report} make before reading a results root: every sweep's committed
 * chunks against their markers ({@link ChunkVerifier}: files, footers, row counts and, with the job stored in
 * {@code _sweeps/S/job.yaml}, each chunk's task ids). A damaged root is refused with one line naming the damaged
 * file and the command that repairs it.
 */
public final class ResultsCheck {

    private ResultsCheck() {
    }

    /** Throws a {@link UserError} naming the first damaged file of the root, if any. */
    public static void requireIntact(ResultsRoot root) throws IOException {
        Path sweeps = new Path(root.root(), "_sweeps");
        for (String sweep : root.list(sweeps)) {
            if (sweep.startsWith(".")) continue;
            SweepJob job = storedJob(root, new Path(new Path(sweeps, sweep), "job.yaml"));
            List<ChunkVerifier.Damage> damages;
            if (job != null && job.name().equals(sweep)) {
                TaskOrder order = OrderFile.read(root, job);
                damages = new ChunkVerifier(root, sweep).verify(job.size(), p -> job.task(order.index(p)).taskId()).damages();
            } else {
                damages = new ChunkVerifier(root, sweep).verify(0, null).damages();
            }
            if (damages.isEmpty()) continue;
            ChunkVerifier.Damage d = damages.get(0);
            String more = damages.size() > 1 ? " (and " + (damages.size() - 1) + " more damaged)" : "";
            throw new UserError("damaged results: " + ResultsRoot.display(d.file()) + " is " + d.problem() + more + "; repair with: "
                    + repairCommand(new Path(new Path(sweeps, sweep), "job.yaml").toString(), root));
        }
    }

    /** The job stored with a sweep, or null when it is missing or does not parse (then task ids are not checked). */
    private static SweepJob storedJob(ResultsRoot root, Path file) throws IOException {
        String text = root.readText(file);
        if (text == null) return null;
        java.nio.file.Path tmp = Files.createTempFile("saddlesweep-job-", ".yaml");
        try {
            Files.writeString(tmp, text);
            return JobParser.parse(tmp, true);
        } catch (UserError e) {
            return null;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The command that verifies, repairs and completes a sweep. */
    public static String repairCommand(String jobFile, ResultsRoot root) {
        String job = jobFile.startsWith("file:") ? new Path(jobFile).toUri().getPath() : jobFile;
        return "./submit.sh sweep " + job + " --out " + ResultsRoot.display(root.root());
    }
}
