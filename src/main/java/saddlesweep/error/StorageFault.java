package saddlesweep.error;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The results storage failed under a running driver (full disk, permission denied, a read-only or vanished
 * results root): reported as one line naming the path and the problem, exit status {@link #EXIT}. Whatever was
 * committed before stays committed; the half-written chunk is removed on the next start, which resumes.
 */
public class StorageFault extends RuntimeException {

    public static final int EXIT = 3;

    private final String path;

    public StorageFault(String path, String problem, Throwable cause) {
        super(path + ": " + problem + "; committed results are kept, fix the storage and run the same command"
                + " again to resume", cause);
        this.path = path;
    }

    /** A fault of the operation on {@code path}, its problem told from the exception. */
    public static StorageFault of(Object path, Throwable cause) {
        return new StorageFault(String.valueOf(path), problem(cause), cause);
    }

    public String path() {
        return path;
    }

    /** What went wrong, in a few words: from the exception types and messages of the cause chain. */
    static String problem(Throwable cause) {
        String first = null;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            String name = t.getClass().getSimpleName();
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) return "no space left on device";
            if (m.contains("Read-only file system")) return "read-only file system";
            if (t instanceof AccessDeniedException || name.equals("AccessControlException")
                    || m.contains("Permission denied")) return "permission denied";
            if (t instanceof FileNotFoundException || t instanceof NoSuchFileException) return "no such file or directory";
            if (first == null && !m.isBlank()) first = m.lines().findFirst().orElse(m).trim();
        }
        return first != null ? first : cause.getClass().getSimpleName();
    }
}
