package saddlesweep.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.Path;

import saddlesweep.error.UserError;

/**
 * One driver per sweep name and results root: the lock file {@code _locks/S.lock}, created exclusively, holds
 * the driver's host, process id and start time, and its modification time is the driver's heartbeat (renewed
 * every {@code heartbeat}). Another driver of the same sweep is refused with one line while the lock is live.
 * A lock is stale, and is taken over, when its holder is a process of this host that no longer runs (a killed
 * driver restarted on the same machine goes on at once), or when its heartbeat is older than {@code staleAfter}
 * (a driver killed on another machine: the next one waits at most that long). Without the lock, a second
 * driver's start-up recovery would delete the first one's staged and not-yet-marked files, and the first one
 * could then mark a chunk whose files are gone.
 *
 * <p>Two drivers that find the same stale lock at the same moment can both take it over (the file system offers
 * no compare-and-delete); both then compute the same deterministic chunks, and the commit protocol keeps one
 * file per chunk, but the recovery race above is possible again. Restart one driver at a time.
 */
public final class SweepLock implements AutoCloseable {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE_AFTER = Duration.ofSeconds(60);
    /** Lock files held by this process (a lock of this process not in it was left by a driver that failed). */
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private final ResultsRoot root;
    private final Path file;
    private final ScheduledExecutorService heartbeat;

    private SweepLock(ResultsRoot root, Path file, Duration every) {
        this.root = root;
        this.file = file;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sweep-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long ms = every.toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The lock file of a sweep. */
    static Path path(ResultsRoot root, String sweep) {
        return new Path(new Path(root.root(), "_locks"), sweep + ".lock");
    }

    /** Takes the lock of {@code sweep} with the default heartbeat (10 s) and staleness (60 s). */
    public static SweepLock acquire(ResultsRoot root, String sweep, PrintStream console) throws IOException {
        return acquire(root, sweep, console, HEARTBEAT, STALE_AFTER);
    }

    static SweepLock acquire(ResultsRoot root, String sweep, PrintStream console, Duration heartbeat,
                             Duration staleAfter) throws IOException {
        Path file = path(root, sweep);
        Holder me = Holder.current();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (root.createExclusively(file, me.toText())) {
                HELD.add(file.toString());
                return new SweepLock(root, file, heartbeat);
            }
            String text = root.readText(file);
            long modified = root.modificationTime(file);
            if (text == null || modified < 0) continue;                       // released meanwhile: try again
            Holder holder = Holder.parse(text);
            long age = System.currentTimeMillis() - modified;
            Optional<String> stale = holder.pid() == me.pid() && holder.host().equals(me.host())
                    && !HELD.contains(file.toString())
                    ? Optional.of("left by this process, which no longer holds it")
                    : holder.staleness(me, age, staleAfter.toMillis());
            if (stale.isEmpty()) {
                throw new UserError("sweep '" + sweep + "' in " + root.root() + " is being run by another driver ("
                        + holder.describe() + ", heartbeat " + Math.max(0, age / 1000) + " s ago); wait for it to end"
                        + " or stop it (a stopped driver's lock is taken over after " + staleAfter.toSeconds() + " s)");
            }
            console.printf("sweep %s: taking over the lock of a driver that stopped (%s: %s)%n", sweep,
                    holder.describe(), stale.get());
            root.delete(file);
        }
        throw new IOException("could not take the lock " + file + " after 3 attempts");
    }

    private void beat() {
        try {
            root.touch(file);
        } catch (IOException | RuntimeException e) {
            // a missed heartbeat only makes the lock look older; the next one retries
        }
    }

    /** Stops the heartbeat and removes the lock file (on a failed storage the file may stay: see {@link #HELD}). */
    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        HELD.remove(file.toString());
        root.delete(file);
    }

    /** Who holds a lock: host name, process id, start time (ms since the epoch). */
    record Holder(String host, long pid, long started) {

        static Holder current() {
            return new Holder(hostName(), ProcessHandle.current().pid(), System.currentTimeMillis());
        }

        static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                String env = System.getenv("HOSTNAME");
                return env != null ? env : "unknown";
            }
        }

        String toText() {
            return "host=" + host + "\npid=" + pid + "\nstarted=" + started + "\n";
        }

        /** Parses {@link #toText}; unknown or missing fields give an unknown host and pid −1. */
        static Holder parse(String text) {
            String host = "unknown";
            long pid = -1;
            long started = -1;
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq < 0) continue;
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                try {
                    switch (key) {
                        case "host" -> host = value;
                        case "pid" -> pid = Long.parseLong(value);
                        case "started" -> started = Long.parseLong(value);
                        default -> { }
                    }
                } catch (NumberFormatException e) {
                    // leave the field unknown
                }
            }
            return new Holder(host, pid, started);
        }

        /** Why this lock is stale, seen from {@code me}, or empty when it is live. */
        Optional<String> staleness(Holder me, long ageMs, long staleAfterMs) {
            if (host.equals(me.host) && pid > 0 && pid != me.pid && ProcessHandle.of(pid).isEmpty()) {
                return Optional.of("no process " + pid + " on this host");
            }
            if (ageMs > staleAfterMs) return Optional.of("no heartbeat for " + ageMs / 1000 + " s");
            return Optional.empty();
        }

        String describe() {
            return "pid " + pid + " on " + host;
        }
    }
}
