package saddlesweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

import saddlesweep.train.RunStatus;

/**
 * Chooses the run shown in figures 1–2 for each student width H: among the converged runs of that H (or, if
 * none converged, all its runs that did not fail), noisy ones (σ² &gt; 0) when there are any, the median one
 * when ordered by number of plateaus, then near-optimal passages, then steps (task id breaks ties).
 */
final class TypicalRuns {

    /** The run chosen for one H, and a sentence saying how. */
    record Choice(int hidden, String taskId, String why) {
    }

    private record Candidate(int hidden, String taskId, String status, double sigma2, int plateaus, int nearOptimal,
                             long steps) {
    }

    private TypicalRuns() {
    }

    /** One choice per H, ordered by H; widths whose runs all failed get a null task id and the reason. */
    static List<Choice> choose(ReportSource source) {
        Map<Integer, List<Candidate>> byH = new LinkedHashMap<>();
        for (Row r : source.sql("select hidden, task_id, status, sigma2, coalesce(plateaus, 0) as plateaus, "
                + "coalesce(near_optimal, 0) as near_optimal, steps from runs order by hidden, task_id")) {
            Candidate c = new Candidate(r.getAs("hidden"), r.getAs("task_id"), r.getAs("status"), r.getAs("sigma2"),
                    ((Number) r.getAs("plateaus")).intValue(), ((Number) r.getAs("near_optimal")).intValue(), r.getAs("steps"));
            byH.computeIfAbsent(c.hidden(), k -> new ArrayList<>()).add(c);
        }
        List<Choice> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Candidate>> e : byH.entrySet()) {
            List<Candidate> all = e.getValue();
            List<Candidate> pool = all.stream().filter(c -> RunStatus.CONVERGED.label().equals(c.status())).toList();
            String among = "converged runs";
            if (pool.isEmpty()) {
                pool = all.stream().filter(c -> !RunStatus.FAILED.label().equals(c.status())).toList();
                among = "runs (none converged)";
            }
            if (pool.isEmpty()) {
                out.add(new Choice(e.getKey(), null, "all " + all.size() + " runs with H = " + e.getKey() + " failed"));
                continue;
            }
            List<Candidate> noisy = pool.stream().filter(c -> c.sigma2() > 0).toList();
            if (!noisy.isEmpty() && noisy.size() < pool.size()) {
                pool = noisy;
                among = "noisy (σ² > 0) " + among;
            }
            List<Candidate> sorted = new ArrayList<>(pool);
            sorted.sort(Comparator.comparingInt(Candidate::plateaus).thenComparingInt(Candidate::nearOptimal)
                    .thenComparingLong(Candidate::steps).thenComparing(Candidate::taskId));
            Candidate median = sorted.get((sorted.size() - 1) / 2);
            String why = "A typical run with H = " + e.getKey() + ": the median of the " + pool.size() + " " + among
                    + " ordered by plateau count, near-optimal count and steps (" + median.plateaus() + " plateau(s), "
                    + median.nearOptimal() + " near-optimal passage(s), " + median.steps() + " steps).";
            out.add(new Choice(e.getKey(), median.taskId(), why));
        }
        return out;
    }
}
