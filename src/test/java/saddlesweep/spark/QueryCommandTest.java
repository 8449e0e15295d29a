package saddlesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code query} over a real results root: the four views, the three formats, scripts, bad SQL. */
class QueryCommandTest {

    @TempDir
    static Path dir;
    static Path out;
    static SparkSession spark;

    @BeforeAll
    static void sweep() {
        spark = TestSpark.session();
        out = SweepFixture.referenceRoot(spark);   // the fixture's 12-task sweep (queries only read it)
    }

    @Test
    void textIsAlignedUntruncatedWithCompactArrays() {
        CliCapture.Result r = CliCapture.run("query", out.toString(),
                "select task_id, hidden, attractor from runs order by task_id");
        assertEquals(0, r.exit(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(1 + 1 + SweepFixture.TASKS + 1, lines.size(), r.stdout());
        assertTrue(lines.get(0).matches("task_id\\s+hidden\\s+attractor"), lines.get(0));
        assertTrue(lines.get(1).matches("-+  -+  -+"), lines.get(1));
        assertEquals("(12 rows)", lines.get(lines.size() - 1));
        List<Row> rows = spark.read().parquet(out.resolve("runs").toString()).orderBy("task_id")
                .select("task_id", "hidden", "attractor").collectAsList();
        int column = lines.get(0).indexOf("attractor");
        for (int i = 0; i < rows.size(); i++) {
            String line = lines.get(2 + i);
            Row row = rows.get(i);
            assertTrue(line.startsWith(row.getString(0) + "  "), line);
            List<Double> a = row.getList(2);
            String expected = "[" + String.join(",", a.stream().map(String::valueOf).toList()) + "]";
            assertEquals(expected, line.substring(column), "full precision, compact array");
        }
    }

    @Test
    void csvHasAHeaderAndQuotesArrays() {
        CliCapture.Result r = CliCapture.run("query", out.toString(), "--format", "csv",
                "select task_id, n, attractor from runs order by task_id");
        assertEquals(0, r.exit(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals("task_id,n,attractor", lines.get(0));
        assertEquals(SweepFixture.TASKS + 1, lines.size());
        assertTrue(lines.get(1).matches("[0-9a-f]{16},20,\"\\[[-0-9.E,]+\\]\""), lines.get(1));
    }

    @Test
    void jsonLinesCarryNullsAndArrays() throws Exception {
        CliCapture.Result r = CliCapture.run("query", out.toString(), "--format", "json",
                "select r.task_id, case when r.status = 'failed' then r.error end as error, r.attractor, a.`distinct` "
                        + "from runs r join attractors a "
                        + "using (n, sigma2, hidden, data_seed) order by task_id");
        assertEquals(0, r.exit(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(SweepFixture.TASKS, lines.size());
        ObjectMapper m = new ObjectMapper();
        for (String l : lines) {
            JsonNode n = m.readTree(l);
            assertEquals(16, n.get("task_id").asText().length());
            assertTrue(n.has("error") && n.get("error").isNull(), l);
            assertTrue(n.get("attractor").isArray() && n.get("attractor").size() >= 2, l);
            assertTrue(n.get("distinct").isInt(), l);
        }
    }

    @Test
    void scriptStatementsRunInOrderAndEveryViewIsThere() throws Exception {
        Path sql = dir.resolve("q.sql");
        Files.writeString(sql, """
                -- counts; a ';' inside a literal does not split
                create or replace temp view counts as
                  select (select count(*) from runs) r, (select count(*) from attractors) a,
                         (select count(distinct task_id) from trajectory) t,
                         (select count(distinct task_id) from events) e;
                select r, a, t, e >= 1 as has_events, 'x;y' as s from counts;
                """);
        CliCapture.Result r = CliCapture.run("query", out.toString(), "-f", sql.toString(), "--format", "csv");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("r,a,t,has_events,s", "12,4,12,true,x;y"), r.stdout().lines().toList());
    }

    @Test
    void badSqlEndsWithOneLine() {
        for (String bad : List.of("select nope from runs", "selec 1", "select * from nosuchtable")) {
            CliCapture.Result r = CliCapture.run("query", out.toString(), bad);
            assertEquals(2, r.exit(), r.stderr());
            assertEquals(1, r.errorLines().size(), r.stderr());
            assertTrue(r.errorLines().get(0).startsWith("error: ["), r.stderr());
        }
        CliCapture.Result missing = CliCapture.run("query", dir.resolve("nothing-here").toString(), "select 1");
        assertEquals(2, missing.exit());
        assertEquals(1, missing.errorLines().size(), missing.stderr());
    }
}
