package dev.vbp.engine.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of ledger files come from when they are not local files: a cluster's file system
 * (HDFS, S3) behind the same parser. A {@link LedgerScan} reads local files through a {@code FileChannel}
 * and needs none of this; {@link LedgerSplits} takes one so a split can be read wherever it runs.
 *
 * <p>Files are named by the {@link Path} reports show; the storage knows where each one really is.
 */
public interface LedgerStorage {

    /** The file's bytes as stored (compressed for gzip), from {@code position} on. */
    InputStream open(Path file, long position) throws IOException;

    /** The file's size in bytes as stored. */
    long size(Path file) throws IOException;
}
