package dev.vbp.engine.ledger;

/**
 * A partial result built from ledger lines. The engine gives every piece of work (a chunk of a file, a
 * whole gzip file) its own instance and merges them in file-and-chunk order, so an aggregate must give the
 * same answer however the input is cut: {@code a.add(x..); b.add(y..); a.merge(b)} equals adding x.. then
 * y.. to one instance. The same contract lets partial aggregates be computed on other machines and merged.
 *
 * <p>On a cluster (vbp-spark, through {@link LedgerSplits}) partial aggregates are built wherever a split runs
 * and merged in whatever order they arrive: there an aggregate must be {@link java.io.Serializable} and
 * {@code merge} commutative as well as associative ({@code a.merge(b)} equals {@code b.merge(a)}), and nothing
 * in it may depend on which split came first.
 *
 * @param <A> the implementing type, so {@link #merge} returns something typed
 */
public interface LedgerAggregate<A extends LedgerAggregate<A>> {

    /**
     * Takes one accepted line. The line is a reused flyweight: copy what you keep, never the line itself.
     */
    void add(LedgerLine line);

    /**
     * Folds {@code other} (which holds lines that come after this one's in the input) into a combined
     * result and returns it; it may be {@code this}, updated in place. {@code other} is not used afterwards.
     */
    A merge(A other);
}
