package saddlesweep.spark;

import java.io.IOException;

import org.apache.hadoop.fs.Path;

import saddlesweep.error.UserError;
import saddlesweep.job.SweepJob;

/** A sweep's execution order in its metadata, {@code _sweeps/S/order} (see {@link TaskOrder}). */
final class OrderFile {

    static final String NAME = "order";

    private OrderFile() {
    }

    /** The order of {@code job}'s sweep, written on the sweep's first start and read on every later one. */
    static TaskOrder prepare(ResultsRoot root, SweepJob job) throws IOException {
        Path file = new Path(root.sweepMeta(job.name()), NAME);
        TaskOrder order = read(root, job);
        if (root.readText(file) == null) root.writeTextAtomically(file, order.toText());
        return order;
    }

    /**
     * The recorded order; when none is recorded, the one a first start would record: the shuffled order keyed by
     * the definition hash, or the grid order for a sweep that has commits from a driver that ran in grid order.
     */
    static TaskOrder read(ResultsRoot root, SweepJob job) throws IOException {
        Path file = new Path(root.sweepMeta(job.name()), NAME);
        String text = root.readText(file);
        if (text != null) {
            TaskOrder order;
            try {
                order = TaskOrder.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UserError(file + ": unreadable execution order; restore it or start again with --overwrite");
            }
            if (order.size() != job.size()) {
                throw new UserError(file + ": execution order of " + order.size() + " tasks for a grid of " + job.size());
            }
            return order;
        }
        boolean legacy = root.list(root.commits(job.name())).stream().anyMatch(n -> n.endsWith(ChunkCommit.SUFFIX));
        return legacy ? TaskOrder.grid(job.size()) : TaskOrder.ofDefinition(job.size(), job.definitionHash());
    }
}
