package dev.vbp.engine.ledger;

/**
 * One piece of work: a chunk of a plain file or a whole gzip file.
 *
 * @param index       position in the scan's unit order (files in order, chunks in order)
 * @param chunk       0 for the first chunk of a file
 * @param start       where the chunk nominally starts; for {@code chunk > 0} the worker starts after the
 *                    first newline at or after {@code start}, speculatively
 * @param nominalEnd  the worker stops at the first record that starts at or after this offset
 */
record ScanUnit(LedgerFormat format, int index, int chunk, long start, long nominalEnd) {

    boolean speculative() {
        return chunk > 0;
    }
}
