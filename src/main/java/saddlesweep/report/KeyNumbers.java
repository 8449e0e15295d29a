package saddlesweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;

import saddlesweep.spark.ResultTable;

/**
 * The numbers at the top of the report, as HTML: the sweep's grid, runs per status and per attractor kind
 * (by H), slow passages by kind, and the attractor clustering per H.
 */
final class KeyNumbers {

    private KeyNumbers() {
    }

    static String html(ReportSource source) {
        StringBuilder sb = new StringBuilder();
        Row g = source.sql("select count(*) as runs, count(distinct n) as ns, count(distinct sigma2) as s2s, "
                + "count(distinct hidden) as hs, count(distinct data_seed) as ds, count(distinct init_seed) as inits, "
                + "concat_ws(', ', array_sort(collect_set(cast(n as string)))) as n_values, "
                + "concat_ws(', ', array_sort(collect_set(cast(sigma2 as string)))) as s2_values, "
                + "concat_ws(', ', array_sort(collect_set(cast(hidden as string)))) as h_values, "
                + "concat_ws('; ', array_sort(collect_set(concat(coalesce(teacher, 'teacher'), ': w* = ', "
                + "cast(teacher_w as string), ', v* = ', cast(teacher_v as string))))) as teachers, "
                + "concat_ws(', ', array_sort(collect_set(cast(eta as string)))) as etas, "
                + "concat_ws(', ', array_sort(collect_set(cast(init_scale as string)))) as scales, "
                + "concat_ws(', ', array_sort(collect_set(cast(input_std as string)))) as stds, "
                + "sum(wall_ms) as wall from runs").get(0);
        sb.append("<p>").append(Rows.lng(g, "runs")).append(" runs: N ∈ {").append(Numbers.html(g.getAs("n_values")))
                .append("}, σ² ∈ {").append(Numbers.html(g.getAs("s2_values"))).append("}, H ∈ {")
                .append(Numbers.html(g.getAs("h_values"))).append("}, ").append(Rows.lng(g, "ds"))
                .append(" data seed(s) × ").append(Rows.lng(g, "inits")).append(" init seed(s); η ∈ {")
                .append(Numbers.html(g.getAs("etas"))).append("}, init_scale ∈ {").append(Numbers.html(g.getAs("scales")))
                .append("}, input_std ∈ {").append(Numbers.html(g.getAs("stds"))).append("}. Teacher(s) ")
                .append(Numbers.html(String.valueOf(g.<String>getAs("teachers")))).append(". Total compute ")
                .append(Numbers.g3(Rows.lng(g, "wall") / 1000.0)).append(" s.</p>\n");

        List<Row> outcomes = source.sql("select hidden, status, attractor_kind, count(*) as c from runs "
                + "group by hidden, status, attractor_kind");
        sb.append(crossTable("Runs by status", outcomes, "status"));
        sb.append(crossTable("Runs by attractor kind", outcomes, "attractor_kind"));
        if (source.has(ResultTable.EVENTS)) {
            sb.append(crossTable("Events by kind (slow passages and attractors)", source.sql(
                    "select r.hidden, e.kind, count(*) as c from events e join runs r on e.task_id = r.task_id "
                            + "group by r.hidden, e.kind"), "kind"));
        }
        if (source.has(ResultTable.ATTRACTORS)) {
            sb.append("<h3>Attractors per data set (modulo symmetry)</h3>\n<table>\n<tr><th>H</th><th>data sets</th>"
                    + "<th>with a converged run</th><th>mean distinct attractors</th><th>mean top share</th>"
                    + "<th>single attractor</th></tr>\n");
            for (Row r : source.sql("select hidden, count(*) as sets, count(top_share) as conv, "
                    + "avg(case when converged > 0 then `distinct` end) as dist, avg(top_share) as share, "
                    + "sum(case when `distinct` = 1 then 1 else 0 end) as single from attractors "
                    + "group by hidden order by hidden")) {
                long sets = Rows.lng(r, "sets");
                long conv = Rows.lng(r, "conv");
                sb.append("<tr><td>").append(r.<Integer>getAs("hidden")).append("</td><td>").append(sets)
                        .append("</td><td>").append(Numbers.countShare(conv, sets)).append("</td><td>")
                        .append(Numbers.g3(Rows.dbl(r, "dist"))).append("</td><td>")
                        .append(Numbers.percent(Rows.dbl(r, "share"))).append("</td><td>")
                        .append(Numbers.countShare(Rows.lng(r, "single"), conv)).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        return sb.toString();
    }

    /** A table with one row per H, one column per value of {@code key}, counts (column c, summed) and shares of the row. */
    private static String crossTable(String title, List<Row> rows, String key) {
        TreeMap<Integer, Map<String, Long>> byH = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>();
        for (Row r : rows) {
            String k = r.getAs(key) == null ? "(null)" : r.getAs(key);
            keys.add(k);
            byH.computeIfAbsent(r.getAs("hidden"), h -> new TreeMap<>()).merge(k, Rows.lng(r, "c"), Long::sum);
        }
        List<String> cols = new ArrayList<>(keys);
        StringBuilder sb = new StringBuilder("<h3>").append(Numbers.html(title)).append("</h3>\n<table>\n<tr><th>H</th>");
        for (String c : cols) sb.append("<th>").append(Numbers.html(c)).append("</th>");
        sb.append("<th>total</th></tr>\n");
        Map<String, Long> totals = new TreeMap<>();
        long grand = 0;
        for (var e : byH.entrySet()) {
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            grand += total;
            sb.append("<tr><td>").append(e.getKey()).append("</td>");
            for (String c : cols) {
                long v = e.getValue().getOrDefault(c, 0L);
                totals.merge(c, v, Long::sum);
                sb.append("<td>").append(cell(v, total)).append("</td>");
            }
            sb.append("<td>").append(total).append("</td></tr>\n");
        }
        if (byH.size() > 1) {
            sb.append("<tr class=\"total\"><td>all</td>");
            for (String c : cols) sb.append("<td>").append(cell(totals.getOrDefault(c, 0L), grand)).append("</td>");
            sb.append("<td>").append(grand).append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String cell(long v, long total) {
        return v + (total > 0 ? " <span class=\"share\">(" + Numbers.percent((double) v / total) + ")</span>" : "");
    }
}
