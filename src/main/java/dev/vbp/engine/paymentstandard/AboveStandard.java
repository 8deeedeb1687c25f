package dev.vbp.engine.paymentstandard;

import dev.vbp.domain.Exact;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What patients pay above the payment standard, from one streaming pass over the ledgers: per institution and
 * generic, Σ max(0, pack price − payment per pack) × packs, beside the lines, packs and amount priced. A line's
 * pack price is its unit price, else amount / quantity. Returns (negative quantities) net against purchases.
 * Memory grows with institutions × generics, never with lines; merging adds sums, so it is associative and
 * commutative, and the aggregate is serialisable.
 */
public final class AboveStandard implements LedgerAggregate<AboveStandard>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Sums of one institution × generic. */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        long lines;
        long linesAbove;
        long packs; // scaled by 10^4
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal above = BigDecimal.ZERO;

        public long lines() { return lines; }
        public long linesAbove() { return linesAbove; }
        public BigDecimal packs() { return BigDecimal.valueOf(packs, LedgerLine.SCALE); }
        public BigDecimal amount() { return amount; }
        public BigDecimal above() { return above; }

        void merge(Sums o) {
            lines += o.lines;
            linesAbove += o.linesAbove;
            packs = Math.addExact(packs, o.packs);
            amount = amount.add(o.amount);
            above = above.add(o.above);
        }
    }

    /** An institution × generic key. */
    public record Key(String institution, String group) implements Serializable {}

    private final StandardPlan.Lookup lookup;
    private final Map<Key, Sums> sums = new HashMap<>();
    private long unknownProductLines;
    private long beforeStandardLines;
    private long unpricedLines;

    public AboveStandard(StandardPlan.Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void add(LedgerLine line) {
        String group = lookup.groupKey().get(line.product());
        if (group == null) {
            unknownProductLines++;
            return;
        }
        BigDecimal payment = lookup.packPayment(line.product(), line.date());
        if (payment == null) {
            beforeStandardLines++;
            return;
        }
        BigDecimal qty = line.quantityDecimal();
        BigDecimal price;
        if (line.hasUnitPrice()) price = line.unitPriceDecimal();
        else if (line.quantity() != 0) price = Exact.divide(line.amountDecimal(), qty);
        else {
            unpricedLines++;
            return;
        }
        Sums s = sums.computeIfAbsent(new Key(line.institution(), group), k -> new Sums());
        s.lines++;
        s.packs = Math.addExact(s.packs, line.quantity());
        s.amount = s.amount.add(line.hasUnitPrice() ? price.multiply(qty) : line.amountDecimal());
        if (price.compareTo(payment) > 0) {
            s.linesAbove++;
            s.above = s.above.add(price.subtract(payment).multiply(qty));
        }
    }

    @Override
    public AboveStandard merge(AboveStandard other) {
        other.sums.forEach((k, v) -> sums.computeIfAbsent(k, x -> new Sums()).merge(v));
        unknownProductLines += other.unknownProductLines;
        beforeStandardLines += other.beforeStandardLines;
        unpricedLines += other.unpricedLines;
        return this;
    }

    public Map<Key, Sums> sums() { return sums; }

    /** Lines of products no bid names (no generic, no standard). */
    public long unknownProductLines() { return unknownProductLines; }

    /** Lines dated before their generic's standard started. */
    public long beforeStandardLines() { return beforeStandardLines; }

    /** Lines with neither a unit price nor a quantity to divide the amount by. */
    public long unpricedLines() { return unpricedLines; }
}
