package dev.vbp.engine.usemonitor;

import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Supply of the selected products (供应量), from one streaming pass over ledger lines that say what was
 * delivered (a delivered quantity or a delivery status): per institution × selected firm × generic, the packs
 * ordered and delivered from the product's cycle start on. Lines that say nothing about delivery, returns
 * (a return is no order) and products no selected bid names are counted, not summed. Memory grows with the
 * keys; merging adds, so it is associative and commutative.
 */
public final class SupplySums implements LedgerAggregate<SupplySums>, Serializable {
    private static final long serialVersionUID = 1L;

    public record Key(String institution, String manufacturer, String generic) implements Serializable {}

    /** Packs × 10^4, like ledger quantities. */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        long ordered, delivered, lines, overDelivered;

        public long ordered() { return ordered; }
        public long delivered() { return delivered; }
        public long lines() { return lines; }
        /** Lines that delivered more than they ordered (counted as given). */
        public long overDelivered() { return overDelivered; }

        void merge(Sums o) {
            ordered = Math.addExact(ordered, o.ordered);
            delivered = Math.addExact(delivered, o.delivered);
            lines += o.lines;
            overDelivered += o.overDelivered;
        }
    }

    private final UseLookup lookup;
    private final Map<Key, Sums> sums = new HashMap<>();
    private long withoutDelivery, returns, beforeCycle;

    public SupplySums(UseLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void add(LedgerLine line) {
        UseLookup.Product p = lookup.products.get(line.product());
        if (p == null || p.manufacturer() == null) return; // not a selected product: no supply obligation
        if (!line.hasDelivered()) {
            withoutDelivery++;
            return;
        }
        if (line.quantity() <= 0) {
            returns++;
            return;
        }
        if (line.date() < p.selectedFrom()) {
            beforeCycle++;
            return;
        }
        Sums s = sums.computeIfAbsent(new Key(line.institution(), p.manufacturer(), p.generic()), k -> new Sums());
        s.ordered = Math.addExact(s.ordered, line.quantity());
        s.delivered = Math.addExact(s.delivered, line.delivered());
        s.lines++;
        if (line.delivered() > line.quantity()) s.overDelivered++;
    }

    @Override
    public SupplySums merge(SupplySums o) {
        o.sums.forEach((k, v) -> sums.computeIfAbsent(k, x -> new Sums()).merge(v));
        withoutDelivery += o.withoutDelivery;
        returns += o.returns;
        beforeCycle += o.beforeCycle;
        return this;
    }

    public Map<Key, Sums> sums() { return sums; }

    /** Lines of selected products that say nothing about delivery. */
    public long withoutDelivery() { return withoutDelivery; }

    /** Return lines (quantity ≤ 0) of selected products with delivery columns: no order to deliver. */
    public long returns() { return returns; }

    /** Lines dated before the product's cycle start: not yet VBP supply. */
    public long beforeCycle() { return beforeCycle; }
}
