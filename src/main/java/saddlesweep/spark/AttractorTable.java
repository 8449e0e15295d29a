package saddlesweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import saddlesweep.analysis.AttractorClustering;
import saddlesweep.analysis.AttractorClustering.Cluster;
import saddlesweep.analysis.AttractorClustering.Member;
import saddlesweep.model.Symmetry;
import saddlesweep.run.RunSummary;
import scala.Tuple2;

/**
 * The {@code attractors} table of a sweep: one row per data set, built from the committed {@code runs} by
 * grouping on (n, sigma2, hidden, data_seed) in Spark and clustering each group with
 * {@link AttractorClustering}. The partition is replaced atomically: the new file is moved in, then the
 * marker {@code _sweeps/S/attractors.done} is switched to it, then older files are removed; on start,
 * {@link #recover} removes any file the marker does not name.
 */
public final class AttractorTable {

    static final String MARKER = "attractors.done";
    private static final String CONVERGED = "converged";

    /** The data set a run belongs to. */
    record DataSetKey(int n, double sigma2, int hidden, long dataSeed) implements Serializable {
    }

    /** The columns of a run that the table needs. */
    record RunOutcome(String taskId, String status, double[] attractor, double trainLoss, double genExcess,
                      double optTrainLoss) implements Serializable {
    }

    private final ResultsRoot root;
    private final String sweep;

    public AttractorTable(ResultsRoot root, String sweep) {
        this.root = root;
        this.sweep = sweep;
    }

    /** Whether the table was built and its marker written (after the last chunk). */
    public boolean isBuilt() throws IOException {
        return root.exists(marker());
    }

    /** Rebuilds the partition from the committed runs; returns the number of rows (data sets). */
    public long rebuild(SparkSession spark, double clusterTol) throws IOException {
        Path runs = root.partition(ResultTable.RUNS, sweep);
        List<AttractorRow> rows = new ArrayList<>();
        if (root.exists(runs) && !root.list(runs).isEmpty()) {
            JavaRDD<Row> df = spark.read()
                    .schema(RecordParquetFile.fileSchema(RunSummary.class, Set.of(ResultTable.PARTITION_COLUMN)))
                    .parquet(runs.toString())
                    .select("task_id", "n", "sigma2", "hidden", "data_seed", "status", "attractor",
                            "train_loss", "gen_excess", "opt_train_loss")
                    .javaRDD();
            String name = sweep;
            rows = df.mapToPair(r -> new Tuple2<>(
                            new DataSetKey(r.getInt(1), r.getDouble(2), r.getInt(3), r.getLong(4)),
                            new RunOutcome(r.getString(0), r.getString(5), doubles(r, 6), r.getDouble(7),
                                    r.getDouble(8), r.getDouble(9))))
                    .groupByKey()
                    .map(g -> summarize(name, g._1(), g._2(), clusterTol))
                    .collect();
            rows = new ArrayList<>(rows);
            rows.sort(Comparator.comparingInt(AttractorRow::n).thenComparingDouble(AttractorRow::sigma2)
                    .thenComparingInt(AttractorRow::hidden).thenComparingLong(AttractorRow::dataSeed));
        }
        swapIn(rows);
        return rows.size();
    }

    /** Removes the table's marker, so that the table counts as not built and is rebuilt at the end of the sweep. */
    public void invalidate() throws IOException {
        root.delete(marker());
    }

    /** Removes attractors files that the marker does not name (left by an interrupted swap). */
    public void recover() throws IOException {
        String current = root.readText(marker());
        Path part = root.partition(ResultTable.ATTRACTORS, sweep);
        for (String f : root.list(part)) {
            if (!f.equals(current == null ? null : current.trim())) root.delete(new Path(part, f));
        }
    }

    private void swapIn(List<AttractorRow> rows) throws IOException {
        Path staging = root.newStagingDir(sweep, "attractors");
        String file = "attractors-" + UUID.randomUUID() + ".parquet";
        Path part = root.partition(ResultTable.ATTRACTORS, sweep);
        Path staged = new Path(staging, file);
        ResultsRoot.io(staged, () -> RecordParquetFile.write(staged, root.conf(), AttractorRow.class,
                Set.of(ResultTable.PARTITION_COLUMN), rows.iterator()));
        root.moveIntoPlace(staged, new Path(part, file));
        root.writeTextAtomically(marker(), file + "\n");
        for (String f : root.list(part)) if (!f.equals(file)) root.delete(new Path(part, f));
        root.delete(staging);
    }

    private Path marker() {
        return new Path(root.sweepMeta(sweep), MARKER);
    }

    /** The row of one data set from all its runs. */
    static AttractorRow summarize(String sweep, DataSetKey key, Iterable<RunOutcome> outcomes, double clusterTol) {
        long runs = 0;
        Double optTrainLoss = null;
        String optFrom = null;
        List<Member> members = new ArrayList<>();
        for (RunOutcome o : outcomes) {
            runs++;
            // every run of the data set has the same L_N(θ*); take the smallest task id's, deterministically
            if (optFrom == null || o.taskId().compareTo(optFrom) < 0) {
                optFrom = o.taskId();
                optTrainLoss = o.optTrainLoss();
            }
            if (CONVERGED.equals(o.status()) && o.attractor() != null) {
                members.add(new Member(o.taskId(), o.attractor(), o.trainLoss(), o.genExcess()));
            }
        }
        List<Cluster> clusters = AttractorClustering.cluster(members, clusterTol);
        if (clusters.isEmpty()) {
            return new AttractorRow(sweep, key.n(), key.sigma2(), key.hidden(), key.dataSeed(), runs, 0, 0, null, 0,
                    null, null, null, optTrainLoss, clusterTol);
        }
        Cluster top = clusters.get(0);
        Member rep = top.representative();
        return new AttractorRow(sweep, key.n(), key.sigma2(), key.hidden(), key.dataSeed(), runs, members.size(),
                clusters.size(), (double) top.size() / members.size(), top.size(),
                Symmetry.canonical(rep.attractor()), rep.trainLoss(), rep.genExcess(),
                optTrainLoss, clusterTol);
    }

    private static double[] doubles(Row r, int i) {
        if (r.isNullAt(i)) return null;
        List<Object> l = r.getList(i);
        double[] a = new double[l.size()];
        for (int k = 0; k < a.length; k++) a[k] = (Double) l.get(k);
        return a;
    }
}
