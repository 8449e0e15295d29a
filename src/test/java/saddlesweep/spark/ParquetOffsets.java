package saddlesweep.spark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Byte offsets inside a real Parquet file, from its own footer (the layout: column chunks of pages, then the
 * footer, its 4-byte length and "PAR1"), and a byte flipped at one of them: damage of the kind storage does.
 */
final class ParquetOffsets {

    private ParquetOffsets() {
    }

    private static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            return r.getFooter();
        }
    }

    private static ColumnChunkMetaData column(Path file, String column) throws IOException {
        for (ColumnChunkMetaData c : footer(file).getBlocks().get(0).getColumns()) {
            if (c.getPath().toDotString().equals(column)) return c;
        }
        throw new IllegalArgumentException(file + " has no column " + column);
    }

    /** The middle of the first row group's data pages of a column (e.g. {@code theta.list.element}). */
    static long dataPage(Path file, String column) throws IOException {
        ColumnChunkMetaData c = column(file, column);
        long end = c.getStartingPos() + c.getTotalSize();
        return (c.getFirstDataPageOffset() + end) / 2;
    }

    /** A byte inside the dictionary page of a column (past its header); fails when the column has none. */
    static long dictionaryPage(Path file, String column) throws IOException {
        ColumnChunkMetaData c = column(file, column);
        if (!c.hasDictionaryPage()) throw new IllegalArgumentException(column + " of " + file + " has no dictionary page");
        return c.getFirstDataPageOffset() - 4;   // the page's last bytes, before the first data page
    }

    /** The middle of the footer (the file metadata, not covered by any page checksum). */
    static long footerMiddle(Path file) throws IOException {
        long length = Files.size(file);
        long footerLength;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(length - 8);
            byte[] b = new byte[4];
            f.readFully(b);
            footerLength = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (long) (b[3] & 0xff) << 24;
        }
        return length - 8 - footerLength / 2;
    }

    /** The offset of the last occurrence of {@code text} in the file (e.g. a column name in the footer's schema). */
    static long lastOf(Path file, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = bytes.length - t.length; i >= 0; i--) {
            for (int k = 0; k < t.length; k++) if (bytes[i + k] != t[k]) continue outer;
            return i;
        }
        throw new IllegalArgumentException(file + " does not contain " + text);
    }

    /** Flips the lowest bit of the byte at {@code offset}; the file keeps its length. */
    static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x01);
        }
    }
}
