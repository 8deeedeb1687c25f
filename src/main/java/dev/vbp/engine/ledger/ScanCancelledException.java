package dev.vbp.engine.ledger;

/**
 * The thread running a scan was interrupted (Ctrl-C in {@code vbp shell}): the workers stop at their next
 * buffer refill and nothing of the partial result is kept.
 */
public final class ScanCancelledException extends RuntimeException {
    public ScanCancelledException() {
        super("ledger scan cancelled");
    }
}
