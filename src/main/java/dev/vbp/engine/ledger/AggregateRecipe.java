package dev.vbp.engine.ledger;

import java.util.function.Supplier;

/**
 * A supplier of empty aggregates whose {@code equals} says when two scans build the same aggregate, so a
 * caller that keeps results (the interactive shell) may reuse one for unchanged files. Plain suppliers
 * (lambdas) are never reused.
 */
public interface AggregateRecipe<A extends LedgerAggregate<A>> extends Supplier<A> {}
