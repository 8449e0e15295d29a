package saddlesweep.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The commit marker of one chunk: the task index range [from, to) of the grid it covers, the rows it wrote,
 * its runs' statuses and the SHA-256 of each file it wrote, by table ({@code runs}, {@code events},
 * {@code trajectory}; no entry for a table without rows, and none at all in markers written before content
 * hashes existed). Its file ({@code _sweeps/S/commits/ID.done}) is written last, atomically; a chunk without
 * one is not committed and its files are removed on the next start.
 */
public record ChunkCommit(long from, long to, long runs, long events, long trajectory, Map<String, Long> statuses,
                          Map<String, String> sha256) {

    public static final String SUFFIX = ".done";
    private static final String STATUS = "status.";
    private static final String SHA256 = "sha256.";
    /** The marker's own check: the SHA-256 of its other entries (sorted {@code key=value} lines). */
    private static final String CHECK = "check";

    /** A marker whose own check does not match its entries: its text was altered after it was written. */
    public static final class AlteredMarker extends IllegalArgumentException {
        AlteredMarker() {
            super("commit marker altered since it was written (its check differs)");
        }
    }

    public ChunkCommit {
        statuses = Map.copyOf(statuses);
        sha256 = Map.copyOf(sha256);
    }

    /** A marker without content hashes (as written before they existed). */
    public ChunkCommit(long from, long to, long runs, long events, long trajectory, Map<String, Long> statuses) {
        this(from, to, runs, events, trajectory, statuses, Map.of());
    }

    /** The SHA-256 (hex) recorded for a table's file, or null when the marker records none. */
    public String sha256(ResultTable table) {
        return sha256.get(table.dirName());
    }

    /** Whether the marker records the content hashes of its files (markers written before them do not). */
    public boolean hashed() {
        return !sha256.isEmpty();
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
        statuses.forEach((k, v) -> p.setProperty(STATUS + k, Long.toString(v)));
        sha256.forEach((k, v) -> p.setProperty(SHA256 + k, v));
        p.setProperty(CHECK, check(p));
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Parses a marker's text. Throws {@link AlteredMarker} when its check does not match (markers written before
     * the check existed have none and are not checked), another runtime exception when it does not parse.
     */
    public static ChunkCommit parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String check = (String) p.remove(CHECK);
        if (check != null && !check.equals(check(p))) throw new AlteredMarker();
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, String> sha256 = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith(STATUS)) statuses.put(k.substring(STATUS.length()), Long.parseLong(p.getProperty(k)));
            if (k.startsWith(SHA256)) sha256.put(k.substring(SHA256.length()), p.getProperty(k));
        }
        return new ChunkCommit(Long.parseLong(p.getProperty("from")), Long.parseLong(p.getProperty("to")),
                Long.parseLong(p.getProperty("runs")), Long.parseLong(p.getProperty("events")),
                Long.parseLong(p.getProperty("trajectory")), statuses, sha256);
    }

    /** SHA-256 (hex) of the entries as sorted {@code key=value} lines: independent of the file's order and date line. */
    private static String check(Properties p) {
        StringBuilder s = new StringBuilder();
        for (String k : new TreeSet<>(p.stringPropertyNames())) s.append(k).append('=').append(p.getProperty(k)).append('\n');
        return ContentHash.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
