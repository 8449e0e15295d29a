package saddlesweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.SparkSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import saddlesweep.error.UserError;
import saddlesweep.spark.QueryOutput;
import saddlesweep.spark.ResultsCheck;
import saddlesweep.spark.ResultViews;
import saddlesweep.spark.ResultsRoot;
import saddlesweep.spark.SparkSessions;
import saddlesweep.spark.SqlStatements;

/**
 * {@code query DIR "SQL"} or {@code query DIR -f FILE.sql}: Spark SQL over a results root, with the tables
 * {@code runs}, {@code events}, {@code trajectory}, {@code attractors} registered as views. Statements
 * separated by {@code ;} run in order; each one that returns rows is printed.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run Spark SQL over a results root; the tables runs, events, trajectory, attractors are views.")
public final class QueryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "results root (as given to sweep --out)")
    String dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SQL", description = "statements, separated by ';'")
    String sql;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE.sql", description = "read the statements from a file")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned, default), csv (with header) or json (one object per line)")
    QueryOutput.Format format;

    @Override
    public Integer call() throws Exception {
        if ((sql == null) == (file == null)) throw new UserError("give the SQL either as an argument or with -f FILE.sql, not both");
        String script;
        try {
            script = sql != null ? sql : Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError("-f " + file + ": no such file");
        }
        List<String> statements = SqlStatements.split(script);
        if (statements.isEmpty()) throw new UserError("no SQL statement given");
        if (!dir.contains("://") && !Files.isDirectory(Path.of(dir))) throw new UserError(dir + ": no such results directory");

        SparkSession spark = SparkSessions.getOrCreate("saddlesweep query");
        ResultsRoot root = new ResultsRoot(dir, spark.sparkContext().hadoopConfiguration());
        ResultsCheck.requireIntact(root);
        List<String> views = ResultViews.register(spark, root);
        if (views.isEmpty()) throw new UserError(dir + ": no result tables (runs, events, trajectory, attractors) found");
        boolean first = true;
        for (String statement : statements) {
            try {
                if (!first && format == QueryOutput.Format.text) System.out.println();
                QueryOutput.print(spark.sql(statement), format, System.out);
                first = false;
            } catch (Exception e) {
                // Spark's AnalysisException is a checked exception (Scala), hence Exception here
                SparkThrowable st = sparkError(e);
                if (st == null) throw e;
                throw new UserError(firstLine(((Throwable) st).getMessage()));
            }
        }
        return 0;
    }

    private static SparkThrowable sparkError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SparkThrowable st) return st;
        }
        return null;
    }

    private static String firstLine(String m) {
        if (m == null) return "SQL error";
        for (String line : m.split("\n")) if (!line.isBlank()) return line.trim();
        return "SQL error";
    }
}
