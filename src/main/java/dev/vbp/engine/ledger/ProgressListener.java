package dev.vbp.engine.ledger;

/**
 * Told how a scan is going, at most a few times per second, on the thread that called
 * {@link LedgerScan#run}. Bytes are bytes of the input files as stored (compressed bytes for gzip), so
 * {@code bytesDone / bytesTotal} is the fraction done.
 */
@FunctionalInterface
public interface ProgressListener {
    void progress(long bytesDone, long bytesTotal, long linesDone);

    ProgressListener NONE = (done, total, lines) -> { };
}
