package dev.vbp.engine.ledger;

import java.util.function.Supplier;

/**
 * Runs a configured {@link LedgerScan}. Commands obtain every ledger result through one of these, so the
 * same command can run on this machine's cores ({@link #LOCAL}) or on a cluster (the vbp-spark module
 * plugs in a scanner that reads the same files as splits on executors) with the same figures.
 */
@FunctionalInterface
public interface LedgerScanner {

    <A extends LedgerAggregate<A>> LedgerResult<A> run(LedgerScan scan, Supplier<A> newAggregate, ProgressListener progress);

    /** The scan on this machine's threads. */
    LedgerScanner LOCAL = new LedgerScanner() {
        @Override
        public <A extends LedgerAggregate<A>> LedgerResult<A> run(LedgerScan scan, Supplier<A> newAggregate,
                                                                ProgressListener progress) {
            return scan.progress(progress).run(newAggregate);
        }
    };
}
