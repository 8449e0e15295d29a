package saddlesweep.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import saddlesweep.error.StorageFault;

/**
 * A results root and the file operations of the commit protocol, on any Hadoop file system (local paths use
 * the raw local file system: no checksum side files). Layout, for a sweep named {@code S}:
 * <pre>
 *   runs/sweep=S/chunk-C.parquet          one file per committed chunk C (likewise events/, trajectory/)
 *   attractors/sweep=S/attractors-U.parquet
 *   _sweeps/S/job.yaml, _sweeps/S/job.sha256   the sweep's definition
 *   _sweeps/S/commits/C.done               commit marker of chunk C (row counts, SHA-256 of its files)
 *   _sweeps/S/attractors.done              names the current attractors file (and its SHA-256)
 *   _staging/S/...                         files being written (removed on start)
 *   _locks/S.lock                          held by the sweep's running driver (see SweepLock)
 * </pre>
 * Names starting with {@code _} are ignored by Spark's readers, so {@code spark.read.parquet("ROOT/runs")}
 * sees committed data and a {@code sweep} column from the directory names.
 */
public final class ResultsRoot {

    private final Path root;
    private final Configuration conf;
    private final FileSystem fs;

    public ResultsRoot(String location, Configuration hadoopConf) throws IOException {
        this.conf = new Configuration(hadoopConf);
        conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        Path p = new Path(location);
        this.fs = p.getFileSystem(conf);
        this.root = fs.makeQualified(p);
    }

    public Path root() {
        return root;
    }

    public Configuration conf() {
        return conf;
    }

    public Path table(ResultTable t) {
        return new Path(root, t.dirName());
    }

    public Path partition(ResultTable t, String sweep) {
        return new Path(table(t), ResultTable.PARTITION_COLUMN + "=" + sweep);
    }

    public Path sweepMeta(String sweep) {
        return new Path(new Path(root, "_sweeps"), sweep);
    }

    public Path commits(String sweep) {
        return new Path(sweepMeta(sweep), "commits");
    }

    public Path staging(String sweep) {
        return new Path(new Path(root, "_staging"), sweep);
    }

    /** A fresh staging directory for one attempt (unique, so retries and other drivers never collide). */
    public Path newStagingDir(String sweep, String what) throws IOException {
        Path d = new Path(staging(sweep), what + "-" + UUID.randomUUID());
        mkdirs(d);
        return d;
    }

    public boolean exists(Path p) throws IOException {
        return io(p, () -> fs.exists(p));
    }

    public void mkdirs(Path p) throws IOException {
        io(p, () -> {
            if (fs.mkdirs(p)) return null;
            // Hadoop's local file system only says false: ask the OS why (read-only, full, permission denied)
            if ("file".equals(p.toUri().getScheme())) {
                java.nio.file.Files.createDirectories(java.nio.file.Paths.get(p.toUri()));
                return null;
            }
            throw new IOException("cannot create directory");
        });
    }

    /** Deletes a file or directory tree; absent is fine. */
    public void delete(Path p) throws IOException {
        io(p, () -> fs.delete(p, true));
    }

    /** Moves a file into place (atomic on POSIX and HDFS); an existing target is replaced. */
    public void moveIntoPlace(Path from, Path to) throws IOException {
        mkdirs(to.getParent());
        io(to, () -> {
            if (fs.exists(to)) fs.delete(to, false);
            if (!fs.rename(from, to)) throw new IOException("cannot rename " + from + " to " + to);
            return null;
        });
    }

    /** Names of the entries of a directory (empty when it does not exist), sorted. */
    public List<String> list(Path dir) throws IOException {
        return io(dir, () -> {
            List<String> names = new ArrayList<>();
            try {
                for (FileStatus s : fs.listStatus(dir)) names.add(s.getPath().getName());
            } catch (FileNotFoundException e) {
                return names;
            }
            names.sort(null);
            return names;
        });
    }

    /** The length of a file in bytes, or −1 when it does not exist. */
    public long length(Path p) throws IOException {
        return io(p, () -> {
            try {
                return fs.getFileStatus(p).getLen();
            } catch (FileNotFoundException e) {
                return -1L;
            }
        });
    }

    /** Writes a small text file atomically: to a temporary name beside it, then renamed. */
    public void writeTextAtomically(Path p, String text) throws IOException {
        Path tmp = new Path(p.getParent(), "." + p.getName() + ".tmp-" + UUID.randomUUID());
        mkdirs(p.getParent());
        io(tmp, () -> {
            try (OutputStream out = fs.create(tmp, false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        moveIntoPlace(tmp, p);
    }

    /** An operation of the file system on one path. */
    @FunctionalInterface
    public interface IoOp<T> {
        T run() throws IOException;
    }

    /**
     * Runs an operation on {@code p}, turning a storage failure (an IOException, the FSError that Hadoop's
     * local file system throws on a full disk, or a runtime exception caused by either) into a
     * {@link StorageFault} that names {@code p}.
     */
    public static <T> T io(Path p, IoOp<T> op) {
        try {
            return op.run();
        } catch (IOException | FSError | UncheckedIOException e) {
            throw StorageFault.of(display(p), e);
        } catch (RuntimeException e) {
            // e.g. Parquet's close wrapping the IOException of a full disk
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof IOException || t instanceof FSError) throw StorageFault.of(display(p), e);
            }
            throw e;
        }
    }

    /** A path as users write it: without {@code file:} for local paths. */
    public static String display(Path p) {
        return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    }

    /**
     * Creates a small file with {@code text} unless it exists, atomically: O_EXCL on local paths (Hadoop's local
     * file system only checks first), the name node's exclusive create on HDFS. Returns false when the file
     * was already there.
     */
    public boolean createExclusively(Path p, String text) throws IOException {
        mkdirs(p.getParent());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return io(p, () -> {
            if ("file".equals(p.toUri().getScheme())) {
                try {
                    java.nio.file.Files.write(java.nio.file.Paths.get(p.toUri()), bytes, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    return true;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    return false;
                }
            }
            try (OutputStream out = fs.create(p, false)) {
                out.write(bytes);
                return true;
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                return false;
            }
        });
    }

    /** The modification time of a file (ms since the epoch), or −1 when it does not exist. */
    public long modificationTime(Path p) throws IOException {
        return io(p, () -> {
            try {
                return fs.getFileStatus(p).getModificationTime();
            } catch (FileNotFoundException e) {
                return -1L;
            }
        });
    }

    /** Sets a file's modification time to now. */
    public void touch(Path p) throws IOException {
        io(p, () -> {
            fs.setTimes(p, System.currentTimeMillis(), -1);
            return null;
        });
    }

    /** The text of a small file, or null when it does not exist. */
    public String readText(Path p) throws IOException {
        return io(p, () -> {
            try (InputStream in = fs.open(p)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (FileNotFoundException e) {
                return null;
            }
        });
    }

    /** The SHA-256 (hex) of a file's bytes, read through once. */
    public String sha256(Path p) throws IOException {
        return io(p, () -> {
            try (InputStream in = fs.open(p)) {
                return ContentHash.sha256(in);
            }
        });
    }

    /** Whether a table directory holds at least one Parquet file in some partition. */
    public boolean hasData(ResultTable t) throws IOException {
        for (String part : list(table(t))) {
            if (!part.startsWith(ResultTable.PARTITION_COLUMN + "=")) continue;
            for (String f : list(new Path(table(t), part))) if (f.endsWith(".parquet")) return true;
        }
        return false;
    }
}
