package dev.vbp.engine.onlinerate;

import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ledger sums the online rate needs: purchase lines (quantity ≥ 0) and returns (quantity < 0) grouped
 * apart, so a return can be netted against its purchase on the {@code lines} basis instead of counting as a
 * line of its own. Merging merges the two halves; both are sums, so any order gives the same result, and the
 * sums are Serializable, so vbp-spark can build them on executors.
 */
public final class OnlineRateSums implements LedgerAggregate<OnlineRateSums>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private GroupedSums purchases;
    private GroupedSums returns;

    OnlineRateSums(Set<GroupedSums.Dimension> dimensions) {
        purchases = new GroupedSums(dimensions);
        returns = new GroupedSums(dimensions);
    }

    public static Supplier<OnlineRateSums> of(Set<GroupedSums.Dimension> dimensions) {
        return new Recipe(Set.copyOf(dimensions));
    }

    /** Equal dimensions, equal aggregates: the shell may reuse a result (see {@link dev.vbp.engine.ledger.AggregateRecipe}). */
    private record Recipe(Set<GroupedSums.Dimension> dimensions) implements dev.vbp.engine.ledger.AggregateRecipe<OnlineRateSums> {
        @Override
        public OnlineRateSums get() {
            return new OnlineRateSums(dimensions);
        }
    }

    @Override
    public void add(LedgerLine line) {
        (line.quantity() < 0 ? returns : purchases).add(line);
    }

    @Override
    public OnlineRateSums merge(OnlineRateSums other) {
        purchases = purchases.merge(other.purchases);
        returns = returns.merge(other.returns);
        return this;
    }

    public long tolerance() {
        return purchases.tolerance();
    }

    /**
     * One group's figures: amount and net quantity (×10^4), the quantity of its purchase lines alone, purchase
     * lines and return lines.
     */
    public record Cell(GroupedSums.Key key, long amount, long quantity, long purchasedQuantity, long purchaseLines,
                       long returnLines, long mismatches) {
        /** All ledger lines. */
        public long lines() { return purchaseLines + returnLines; }

        /**
         * Lines with returns netted against purchases: the purchase lines in proportion to the quantity that
         * stays bought, rounded up — purchaseLines × net / purchased. A return that takes back one of n equal
         * purchases leaves n − 1 lines; a partial return leaves every purchase a line; a product returned whole
         * has none. (Which purchase a return belongs to is not in a ledger; the proportion needs no guess.)
         */
        public long nettedLines() {
            if (quantity <= 0 || purchaseLines == 0) return 0;
            if (quantity >= purchasedQuantity) return purchaseLines;
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(purchaseLines).multiply(java.math.BigInteger.valueOf(quantity))
                    .divideAndRemainder(java.math.BigInteger.valueOf(purchasedQuantity));
            return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
        }
    }

    /** Every group, purchases and returns of one key together, in key order. */
    public List<Cell> cells() {
        Map<GroupedSums.Key, long[]> m = new LinkedHashMap<>();
        for (GroupedSums.Group g : purchases.groups()) {
            m.put(g.key(), new long[]{g.amount(), g.quantity(), g.quantity(), g.lines(), 0, g.mismatches()});
        }
        for (GroupedSums.Group g : returns.groups()) {
            long[] c = m.computeIfAbsent(g.key(), k -> new long[6]);
            c[0] += g.amount();
            c[1] += g.quantity();
            c[4] += g.lines();
            c[5] += g.mismatches();
        }
        return m.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            return new Cell(e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5]);
        }).toList();
    }
}
