package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import saddlesweep.job.SweepJob;
import saddlesweep.run.RunResult;

/**
 * Chunks in flight on Spark local[2]: commits in completion order, identical rows whatever the chunks in flight
 * and partitions, the order recorded and kept across resumes, and a replay with stragglers keeping the slots
 * busy where a barrier after every chunk would not.
 */
class PipelinedDriverTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Map<ResultTable, List<String>> ref;
    static Path jobFile;
    static SweepJob job;

    @BeforeAll
    static void reference() {
        spark = TestSpark.session();
        ref = SweepFixture.reference(spark);
        jobFile = SweepFixture.writeJob(dir.resolve("jobs"), "tiny", 0.01);
        job = SweepFixture.job(jobFile);
    }

    private static void assertSameAsReference(Path root) {
        for (ResultTable t : ResultTable.values()) {
            assertEquals(ref.get(t), SweepFixture.rows(spark, root, t, "tiny"), t.dirName() + " differs from the reference");
        }
    }

    private static TaskOrder order() {
        return TaskOrder.ofDefinition(job.size(), job.definitionHash());
    }

    private static FileTime marked(Path root, long from, long to) throws IOException {
        return Files.getLastModifiedTime(root.resolve("_sweeps/tiny/commits/" + ChunkCommit.id(from, to) + ChunkCommit.SUFFIX));
    }

    @Test
    void aChunkHeldUpByAStragglerIsCommittedAfterLaterOnes() throws IOException {
        String straggler = job.task(order().index(0)).taskId();   // the first task of the first chunk
        RunTask slowFirst = c -> {
            if (c.taskId().equals(straggler)) {
                try {
                    Thread.sleep(6000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return RunTask.PIPELINE.run(c);
        };
        Path out = dir.resolve("out-of-order");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SweepOutcome o = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withChunkSize(2).withInFlight(6),
                slowFirst, console);
        assertEquals(12, o.computed());
        FileTime first = marked(out, 0, 2);
        int before = 0;
        for (long from = 2; from < 12; from += 2) if (marked(out, from, from + 2).compareTo(first) < 0) before++;
        assertTrue(before >= 3, before + " of the 5 later chunks were committed before the first:\n" + console);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("chunks of 2, 6 in flight"), console.toString());
        assertSameAsReference(out);
    }

    @Test
    void rowsDoNotDependOnChunksInFlightOrPartitions() {
        Path barrier = dir.resolve("one-in-flight");
        SweepFixture.run(spark, barrier, jobFile, SweepOptions.defaults().withChunkSize(3).withInFlight(1).withPartitions(1));
        assertSameAsReference(barrier);
        Path wide = dir.resolve("twelve-in-flight");
        SweepFixture.run(spark, wide, jobFile, SweepOptions.defaults().withChunkSize(1).withInFlight(12).withPartitions(1));
        assertSameAsReference(wide);
    }

    @Test
    void theOrderIsRecordedAndKeptWhenAResumeUsesAnotherChunkSize() throws IOException {
        Path out = dir.resolve("resume-order");
        SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withChunkSize(4).withMaxChunks(1));
        TaskOrder recorded = TaskOrder.parse(Files.readString(out.resolve("_sweeps/tiny/order")));
        assertEquals(order(), recorded);
        assertEquals(TaskOrder.Kind.shuffled, recorded.kind());
        // the first chunk holds the tasks of positions 0..3 of the shuffle, not grid tasks 0..3
        List<String> expected = new ArrayList<>();
        for (long p = 0; p < 4; p++) expected.add(job.task(recorded.index(p)).taskId());
        List<String> ids = new ArrayList<>();
        for (Row r : spark.read().parquet(out.resolve("runs/sweep=tiny/chunk-" + ChunkCommit.id(0, 4) + ".parquet").toString())
                .select("task_id").collectAsList()) ids.add(r.getString(0));
        ids.sort(null);
        expected.sort(null);
        assertEquals(expected, ids);
        List<String> grid = new ArrayList<>();
        for (long i = 0; i < 4; i++) grid.add(job.task(i).taskId());
        grid.sort(null);
        assertTrue(!grid.equals(ids), "the first chunk is the grid's first four tasks");

        SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withChunkSize(3).withMaxChunks(1).withPartitions(2));
        assertEquals(recorded.toText(), Files.readString(out.resolve("_sweeps/tiny/order")));
        SweepOutcome rest = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults().withChunkSize(5));
        assertEquals(5, rest.computed());
        assertSameAsReference(out);
    }

    @Test
    void aSweepStartedInGridOrderResumesInGridOrder() throws IOException {
        // what a driver of the previous version leaves after one chunk: the definition, the commit of grid
        // tasks 0..3 as positions 0..3, and no order file
        Path out = dir.resolve("legacy");
        ResultsRoot root = SweepFixture.root(spark, out);
        root.writeTextAtomically(new org.apache.hadoop.fs.Path(root.sweepMeta("tiny"), "job.yaml"), Files.readString(jobFile));
        root.writeTextAtomically(new org.apache.hadoop.fs.Path(root.sweepMeta("tiny"), "job.sha256"), job.definitionHash() + "\n");
        List<RunResult> results = new ArrayList<>();
        for (long i = 0; i < 4; i++) results.add(RunTask.PIPELINE.run(job.task(i)).withSweep("tiny"));
        new ChunkCommitter(root, "tiny").commit(0, 4, results);

        SweepOutcome o = SweepFixture.run(spark, out, jobFile, SweepOptions.defaults());
        assertEquals(8, o.computed());
        assertEquals(TaskOrder.grid(12), TaskOrder.parse(Files.readString(out.resolve("_sweeps/tiny/order"))));
        assertSameAsReference(out);
    }

    @Test
    void aReplayWithStragglersKeepsTheSlotsBusyWhereABarrierWouldNot() throws IOException {
        // 8 chunks of 8 sleeping tasks, each with one 1 s straggler and seven 20 ms tasks (placed through the
        // replay job's shuffle): with a barrier each chunk takes 1 s of 2 slots for 1.14 s of work (57 %)
        int chunk = 8;
        int tasks = 64;
        Path yaml = dir.resolve("replay.yaml");
        Files.writeString(yaml, ReplaySweep.jobYaml(tasks));
        SweepJob replay = saddlesweep.job.JobParser.parse(yaml, true);
        TaskOrder o = TaskOrder.ofDefinition(replay.size(), replay.definitionHash());
        long[] durations = new long[tasks];
        for (long p = 0; p < tasks; p++) durations[(int) replay.task(o.index(p)).initSeed()] = p % chunk == 0 ? 1000 : 20;
        long workMs = 0;
        for (long d : durations) workMs += d;

        SweepOutcome pipelined = ReplaySweep.replay(spark, durations, SweepOptions.defaults().withChunkSize(chunk),
                new java.io.PrintStream(new ByteArrayOutputStream()));
        SweepOutcome barrier = ReplaySweep.replay(spark, durations, SweepOptions.defaults().withChunkSize(chunk).withInFlight(1),
                new java.io.PrintStream(new ByteArrayOutputStream()));
        double pipelinedOutside = workMs / 1e3 / (2 * pipelined.jobSeconds());
        double barrierOutside = workMs / 1e3 / (2 * barrier.jobSeconds());
        String figures = "listener " + pipelined.utilisation() + " pipelined vs " + barrier.utilisation()
                + " with a barrier; work / (slots x wall of the jobs) " + pipelinedOutside + " vs " + barrierOutside;
        System.err.println("replay with stragglers: " + figures);
        assertTrue(pipelined.utilisation() >= 0.8, figures);
        assertTrue(barrier.utilisation() <= 0.75, figures);
        assertTrue(pipelinedOutside - barrierOutside >= 0.15, figures);
        // the listener's task time covers at least the sleeps (plus Spark's own time per task)
        assertTrue(pipelined.utilisation() >= pipelinedOutside - 0.02, figures);
        assertTrue(barrier.utilisation() >= barrierOutside - 0.02, figures);
    }
}
