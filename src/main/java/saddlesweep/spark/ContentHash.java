package saddlesweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file's bytes, as recorded in the commit markers: any byte changed anywhere in a committed file
 * (data page, dictionary page, page header, footer) changes it.
 */
public final class ContentHash {

    private static final int BUFFER = 1 << 20;

    private ContentHash() {
    }

    /** The SHA-256 (lower-case hex) of everything {@code in} holds, read to its end. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[BUFFER];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) md.update(buf, 0, n);
        return HexFormat.of().formatHex(md.digest());
    }

    /** The SHA-256 (lower-case hex) of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
