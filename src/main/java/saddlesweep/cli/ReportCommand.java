package saddlesweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import saddlesweep.error.UserError;
import saddlesweep.report.OutputDir;
import saddlesweep.report.Report;
import saddlesweep.report.ReportSource;
import saddlesweep.spark.ResultsCheck;
import saddlesweep.spark.ResultsRoot;
import saddlesweep.spark.SparkSessions;

/**
 * {@code report DIR [--sweep NAME] [--task TASK_ID] --out OUTDIR}: PNG figures (1200×800) of one sweep and an
 * {@code index.html} with captions and key numbers. Bad input (no results, unknown sweep or task, OUTDIR a
 * file) is one line and exit status 2, with nothing written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Draw the figures of a sweep (dynamics of a typical run per H, phase diagram, overfitting, "
                + "plateaus, grad L_N(θ*) vs σ/√N) as PNG files with an index.html.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "results root (as given to sweep --out)")
    String dir;

    @Option(names = "--sweep", paramLabel = "NAME", description = "the sweep to report (needed when DIR holds several)")
    String sweep;

    @Option(names = "--task", paramLabel = "TASK_ID",
            description = "show this run in the dynamics figures (default: a typical run per H)")
    String task;

    @Option(names = "--out", paramLabel = "OUTDIR", defaultValue = "report",
            description = "output directory (default: ${DEFAULT-VALUE}); existing report files are replaced")
    Path out;

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        OutputDir.check(out);
        if (!dir.contains("://") && !Files.isDirectory(Path.of(dir))) throw new UserError(dir + ": no such results directory");
        SparkSession spark = SparkSessions.getOrCreate("saddlesweep report");
        // the report's queries aggregate small tables: a few shuffle partitions, not Spark's default 200
        if (!spark.sparkContext().getConf().contains("spark.sql.shuffle.partitions")) {
            spark.conf().set("spark.sql.shuffle.partitions", "4");
        }
        ResultsCheck.requireIntact(new ResultsRoot(dir, spark.sparkContext().hadoopConfiguration()));
        ReportSource source = ReportSource.open(spark, dir, sweep, task);
        new Report(source, task).write(out, System.out);
        return 0;
    }
}
