package saddlesweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import saddlesweep.analysis.AttractorClustering;
import saddlesweep.analysis.AttractorClustering.Cluster;
import saddlesweep.analysis.AttractorClustering.Member;
import saddlesweep.analysis.FunctionDistance;
import saddlesweep.committee.Activation;
import saddlesweep.committee.ClosureMoments;
import saddlesweep.committee.CommitteeClosure;
import saddlesweep.committee.CommitteeSymmetry;
import saddlesweep.gdfate.GdAttractor;
import saddlesweep.gdfate.GdFateKind;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Teacher;
import saddlesweep.run.RunSummary;
import saddlesweep.train.RunStatus;
import scala.Tuple2;

/**
 * The {@code attractors} table of a sweep: one row per data set and setting, built from the committed
 * {@code runs} by grouping on every grid axis but init_seed (teacher, input_std, eta, init_scale, n, sigma2,
 * hidden, data_seed) in Spark and clustering each group with
 * {@link AttractorClustering}. The partition is replaced atomically: the new file is moved in, then the
 * marker {@code _sweeps/S/attractors.done} (its name and SHA-256) is switched to it, then older files are removed; on start,
 * {@link #recover} removes any file the marker does not name.
 */
public final class AttractorTable {

    static final String MARKER = "attractors.done";
    private static final String CONVERGED = RunStatus.CONVERGED.label();

    /**
     * The data set and setting a run belongs to: every grid axis but init_seed (teacher by name, and the input
     * dimension: size(teacher_w) / size(teacher_v), which input_dim varies for one teacher).
     */
    record DataSetKey(String teacher, int inputDim, double inputStd, double eta, double initScale, int n, double sigma2,
                      int hidden, long dataSeed) implements Serializable {
    }

    /** The run columns the table needs, read in this order. */
    static final String[] RUN_COLUMNS = {"task_id", "status", "attractor", "train_loss", "gen_excess", "opt_train_loss",
            "teacher_w", "teacher_v", "teacher", "input_std", "eta", "init_scale", "n", "sigma2", "hidden", "data_seed",
            "certified", "limit_model", "limit_params", "limit_train_loss", "limit_gen_excess",
            "gd_fate", "gd_certified", "gd_period", "gd_orbit", "gd_train_loss", "gd_gen_excess"};

    /** The columns of a run that the table needs. */
    record RunOutcome(String taskId, String status, double[] attractor, double trainLoss, double genExcess,
                      double optTrainLoss, double[] teacherW, double[] teacherV, boolean certified, String limitModel,
                      double[] limitParams, double limitTrainLoss, double limitGenExcess, String gdFate,
                      boolean gdCertified, int gdPeriod, double[] gdOrbit, double gdTrainLoss, double gdGenExcess)
            implements Serializable {
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
    public long rebuild(SparkSession spark, double clusterTol, double fnClusterTol) throws IOException {
        Path runs = root.partition(ResultTable.RUNS, sweep);
        List<AttractorRow> rows = new ArrayList<>();
        if (root.exists(runs) && !root.list(runs).isEmpty()) {
            JavaRDD<Row> df = spark.read()
                    .schema(RecordParquetFile.fileSchema(RunSummary.class, Set.of(ResultTable.PARTITION_COLUMN)))
                    .parquet(runs.toString())
                    .select(Arrays.stream(RUN_COLUMNS).map(ResultViews::column).toArray(Column[]::new))
                    .javaRDD();
            String name = sweep;
            rows = df.mapToPair(r -> new Tuple2<>(
                            new DataSetKey(r.getString(8), r.isNullAt(6) || r.isNullAt(7) ? 1 : r.getList(6).size() / r.getList(7).size(), r.getDouble(9), r.getDouble(10), r.getDouble(11),
                                    r.getInt(12), r.getDouble(13), r.getInt(14), r.getLong(15)),
                            new RunOutcome(r.getString(0), r.getString(1), doubles(r, 2), r.getDouble(3),
                                    r.getDouble(4), r.getDouble(5), doubles(r, 6), doubles(r, 7),
                                    !r.isNullAt(16) && r.getBoolean(16), r.isNullAt(17) ? null : r.getString(17),
                                    doubles(r, 18), r.isNullAt(19) ? Double.NaN : r.getDouble(19),
                                    r.isNullAt(20) ? Double.NaN : r.getDouble(20),
                                    r.isNullAt(21) ? null : r.getString(21), !r.isNullAt(22) && r.getBoolean(22),
                                    r.isNullAt(23) ? 0 : r.getInt(23), doubles(r, 24),
                                    r.isNullAt(25) ? Double.NaN : r.getDouble(25), r.isNullAt(26) ? Double.NaN : r.getDouble(26))))
                    .groupByKey()
                    .map(g -> summarize(name, g._1(), g._2(), clusterTol, fnClusterTol))
                    .collect();
            rows = new ArrayList<>(rows);
            rows.sort(Comparator.comparing(AttractorRow::teacher, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparingInt(r -> r.teacherW() == null || r.teacherV() == null ? 1 : r.teacherW().length / r.teacherV().length)
                    .thenComparingDouble(AttractorRow::inputStd).thenComparingDouble(AttractorRow::eta)
                    .thenComparingDouble(AttractorRow::initScale)
                    .thenComparingInt(AttractorRow::n).thenComparingDouble(AttractorRow::sigma2)
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
        AttractorsMarker current = AttractorsMarker.parse(root.readText(marker()));
        Path part = root.partition(ResultTable.ATTRACTORS, sweep);
        for (String f : root.list(part)) {
            if (current == null || !f.equals(current.file())) root.delete(new Path(part, f));
        }
    }

    private void swapIn(List<AttractorRow> rows) throws IOException {
        Path staging = root.newStagingDir(sweep, "attractors");
        String file = "attractors-" + UUID.randomUUID() + ".parquet";
        Path part = root.partition(ResultTable.ATTRACTORS, sweep);
        Path staged = new Path(staging, file);
        ResultsRoot.io(staged, () -> RecordParquetFile.write(staged, root.conf(), AttractorRow.class,
                Set.of(ResultTable.PARTITION_COLUMN), rows.iterator()));
        String sha256 = root.sha256(staged);
        root.moveIntoPlace(staged, new Path(part, file));
        root.writeTextAtomically(marker(), new AttractorsMarker(file, sha256).toText());
        for (String f : root.list(part)) if (!f.equals(file)) root.delete(new Path(part, f));
        root.delete(staging);
    }

    private Path marker() {
        return new Path(root.sweepMeta(sweep), MARKER);
    }

    /** The row of one data set from all its runs. */
    static AttractorRow summarize(String sweep, DataSetKey key, Iterable<RunOutcome> outcomes, double clusterTol,
                                  double fnClusterTol) {
        long runs = 0;
        Double optTrainLoss = null;
        String optFrom = null;
        double[] teacherW = null;
        double[] teacherV = null;
        List<Member> members = new ArrayList<>();
        List<Member> fnMembers = new ArrayList<>();
        Map<String, ClosureNetwork> limits = new HashMap<>();
        Map<String, CommitteeClosure> committeeLimits = new HashMap<>();
        List<Member> gdMembers = new ArrayList<>();
        Map<String, GdAttractor> gdAttractors = new HashMap<>();
        Map<String, String> gdFates = new HashMap<>();
        long gdAperiodic = 0;
        long gdUncertified = 0;
        for (RunOutcome o : outcomes) {
            runs++;
            if (!o.gdCertified()) gdUncertified++;
            else if (GdFateKind.ofLabel(o.gdFate()) == GdFateKind.APERIODIC) gdAperiodic++;
            // every run of the data set has the same L_N(θ*); take the smallest task id's, deterministically
            if (optFrom == null || o.taskId().compareTo(optFrom) < 0) {
                optFrom = o.taskId();
                optTrainLoss = o.optTrainLoss();
                teacherW = o.teacherW();
                teacherV = o.teacherV();
            }
            if (CONVERGED.equals(o.status()) && o.attractor() != null) {
                members.add(new Member(o.taskId(), o.attractor(), o.trainLoss(), o.genExcess()));
            }
            if (o.certified() && o.limitModel() != null && o.limitParams() != null) {
                if (key.inputDim() > 1) committeeLimits.put(o.taskId(), CommitteeClosure.parse(o.limitModel(), o.limitParams(), key.inputDim()));
                else limits.put(o.taskId(), ClosureNetwork.parse(o.limitModel(), o.limitParams()));
                fnMembers.add(new Member(o.taskId(), o.limitParams(), o.limitTrainLoss(), o.limitGenExcess()));
            }
            Member gdMember = null;
            if (key.inputDim() > 1) {
                gdMember = gdPoint(o);          // a committee machine's: in parameters
            } else {
                GdAttractor gd = GdAttractor.of(o.gdFate(), o.gdCertified(), o.gdPeriod(), o.gdOrbit(), key.hidden(),
                        o.certified() ? limits.get(o.taskId()) : null);
                if (gd != null) {
                    gdAttractors.put(o.taskId(), gd);
                    gdMember = new Member(o.taskId(), o.gdOrbit(), o.gdTrainLoss(), o.gdGenExcess());
                }
            }
            if (gdMember != null) {
                gdFates.put(o.taskId(), o.gdFate());
                gdMembers.add(gdMember);
            }
        }
        // function space: limits within fn_cluster_tol in population L² distance are one attractor (a committee
        // machine's by the moments of its closure functions; their GD attractors are clustered in parameters below)
        double fnTol = fnClusterTol;
        int dim = key.inputDim();
        PopulationExcess pop = teacherW == null || dim > 1 ? null
                : new PopulationExcess(new Teacher(teacherW, teacherV), key.inputStd());
        UnaryOperator<double[]> canonical = dim == 1 ? Symmetry::canonical : t -> CommitteeSymmetry.canonical(t, dim);
        List<Cluster> fn = dim > 1
                ? AttractorClustering.cluster(fnMembers, (a, b) -> ClosureMoments.distance(committeeLimits.get(a.taskId()),
                        committeeLimits.get(b.taskId()), key.inputStd(), Activation.TANH) <= fnTol)
                : pop == null ? List.of() : AttractorClustering.cluster(fnMembers,
                (a, b) -> FunctionDistance.between(pop, limits.get(a.taskId()), limits.get(b.taskId())) <= fnTol);
        Cluster fnTop = fn.isEmpty() ? null : fn.get(0);
        String fnTopId = fnTop == null ? null : fnTop.representative().taskId();
        ClosureNetwork fnRep = fnTopId == null || dim > 1 ? null : limits.get(fnTopId);
        CommitteeClosure fnCommittee = fnTopId == null || dim == 1 ? null : committeeLimits.get(fnTopId);
        String fnLabel = fnRep != null ? fnRep.label() : fnCommittee != null ? fnCommittee.label() : null;
        double[] fnParams = fnRep != null ? fnRep.params() : fnCommittee != null ? fnCommittee.canonicalParams() : null;
        // GD's attractors at its η, in function space too: orbits whose point sets match in some phase are one; for a
        // committee machine in parameters: canonical end points or canonical orbits (one form per orbit, whatever its
        // phase) within cluster_tol
        List<Cluster> gd = dim > 1 ? AttractorClustering.cluster(gdMembers, clusterTol, UnaryOperator.identity())
                : pop == null ? List.of() : AttractorClustering.cluster(gdMembers,
                (a, b) -> gdAttractors.get(a.taskId()).same(gdAttractors.get(b.taskId()), pop, fnTol));
        Cluster gdTop = gd.isEmpty() ? null : gd.get(0);
        String gdTopId = gdTop == null ? null : gdTop.representative().taskId();
        List<Cluster> clusters = AttractorClustering.cluster(members, clusterTol, canonical);
        Cluster top = clusters.isEmpty() ? null : clusters.get(0);
        Member rep = top == null ? null : top.representative();
        return new AttractorRow(sweep, key.n(), key.sigma2(), key.hidden(), key.dataSeed(),
                key.teacher(), teacherW, teacherV, key.inputStd(), key.eta(), key.initScale(), runs, members.size(),
                clusters.size(), top == null ? null : (double) top.size() / members.size(), top == null ? 0 : top.size(),
                rep == null ? null : canonical.apply(rep.attractor()), rep == null ? null : rep.trainLoss(),
                rep == null ? null : rep.genExcess(), optTrainLoss, clusterTol,
                fnMembers.size(), fn.size(), fnTop == null ? null : (double) fnTop.size() / fnMembers.size(),
                fnTop == null ? 0 : fnTop.size(), fnLabel, fnParams, fnTop == null ? null : fnTop.representative().trainLoss(),
                fnTop == null ? null : fnTop.representative().genExcess(), fnTol,
                gdMembers.size(), gd.size(), gdTop == null ? null : (double) gdTop.size() / gdMembers.size(),
                gdTop == null ? 0 : gdTop.size(), gdTopId == null ? null : gdFates.get(gdTopId),
                gdTopId == null ? null : gdTop.representative().attractor(),
                gdTop == null ? null : gdTop.representative().trainLoss(), gdTop == null ? null : gdTop.representative().genExcess(),
                gdAperiodic, gdUncertified);
    }

    /**
     * A committee machine's GD attractor in parameters: the flow's certified end point when GD shares the flow's
     * certified fate, GD's canonical orbit when it is a certified fixed point or cycle; else null.
     */
    private static Member gdPoint(RunOutcome o) {
        GdFateKind kind = GdFateKind.ofLabel(o.gdFate());
        if (!o.gdCertified()) return null;
        if (kind == GdFateKind.FLOW && o.certified() && o.attractor() != null) {
            return new Member(o.taskId(), o.attractor(), o.trainLoss(), o.genExcess());
        }
        if ((kind == GdFateKind.FIXED_POINT || kind == GdFateKind.PERIODIC) && o.gdOrbit() != null) {
            return new Member(o.taskId(), o.gdOrbit(), o.gdTrainLoss(), o.gdGenExcess());
        }
        return null;
    }

    private static double[] doubles(Row r, int i) {
        if (r.isNullAt(i)) return null;
        List<Object> l = r.getList(i);
        double[] a = new double[l.size()];
        for (int k = 0; k < a.length; k++) a[k] = (Double) l.get(k);
        return a;
    }
}
