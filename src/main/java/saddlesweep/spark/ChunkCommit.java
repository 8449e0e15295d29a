package saddlesweep.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The commit marker of one chunk: the task index range [from, to) of the grid it covers, the rows it wrote
 * and its runs' statuses. Its file ({@code _sweeps/S/commits/ID.done}) is written last, atomically; a chunk
 * without one is not committed and its files are removed on the next start.
 */
public record ChunkCommit(long from, long to, long runs, long events, long trajectory, Map<String, Long> statuses) {

    public static final String SUFFIX = ".done";

    public ChunkCommit {
        statuses = Map.copyOf(statuses);
    }

    /** The chunk id used in file names: {@code c<from>-<to>}, zero-padded so that names sort by index. */
    public static String id(long from, long to) {
        return String.format("c%012d-%012d", from, to);
    }

    public String id() {
        return id(from, to);
    }

    public long size() {
        return to - from;
    }

    public String toText() {
        Properties p = new Properties();
        p.setProperty("from", Long.toString(from));
        p.setProperty("to", Long.toString(to));
        p.setProperty("runs", Long.toString(runs));
        p.setProperty("events", Long.toString(events));
        p.setProperty("trajectory", Long.toString(trajectory));
        statuses.forEach((k, v) -> p.setProperty("status." + k, Long.toString(v)));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static ChunkCommit parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> statuses = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("status.")) statuses.put(k.substring(7), Long.parseLong(p.getProperty(k)));
        }
        return new ChunkCommit(Long.parseLong(p.getProperty("from")), Long.parseLong(p.getProperty("to")),
                Long.parseLong(p.getProperty("runs")), Long.parseLong(p.getProperty("events")),
                Long.parseLong(p.getProperty("trajectory")), statuses);
    }
}
