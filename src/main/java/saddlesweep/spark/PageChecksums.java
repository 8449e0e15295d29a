package saddlesweep.spark;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Parquet's own page checksums (a CRC-32 of each page's bytes in its header, written by parquet-mr by default),
 * checked by reading every page of a file. What the check for files without a recorded SHA-256 (chunks
 * committed before content hashes) rests on; it does not cover page headers or the footer.
 */
public final class PageChecksums {

    /** The Hadoop key that makes parquet-mr verify each page's checksum as it reads it (default false). */
    public static final String VERIFY = "parquet.page.verify-checksum.enabled";

    private PageChecksums() {
    }

    /** Reads every page of every row group, checking each page's checksum; throws on the first mismatch. */
    public static void verify(Path p, Configuration conf) throws IOException {
        Configuration c = new Configuration(conf);
        c.setBoolean(VERIFY, true);
        ParquetReadOptions options = HadoopReadOptions.builder(c, p).build();
        try (ParquetFileReader r = new ParquetFileReader(HadoopInputFile.fromPath(p, c), options)) {
            while (r.readNextRowGroup() != null) {
                // the pages are read and checked; decoding is not needed
            }
        }
    }
}
