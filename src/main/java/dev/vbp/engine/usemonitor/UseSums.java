package dev.vbp.engine.usemonitor;

import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Purchases for use monitoring, from one streaming pass over the ledgers: per institution × VBP generic × month
 * the units and amount of all its products and of those selected on the line's day; per institution × watched
 * therapeutic class × month the amount of non-VBP drugs. Units are packs × units per pack (from the bids);
 * lines of a VBP generic's name whose product no bid names have no known pack size and count in amounts only.
 * Returns net against purchases. Memory grows with the keys, never the lines; merging adds, so it is associative
 * and commutative.
 */
public final class UseSums implements LedgerAggregate<UseSums>, Serializable {
    private static final long serialVersionUID = 1L;

    public record Key(String institution, String group, int month) implements Serializable {}

    /** Sums of one key; units are scaled by 10^4 like ledger quantities. */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        long units, selectedUnits, linesWithoutPack;
        BigDecimal amount = BigDecimal.ZERO, selectedAmount = BigDecimal.ZERO;

        public BigDecimal units() { return BigDecimal.valueOf(units, LedgerLine.SCALE); }
        public BigDecimal selectedUnits() { return BigDecimal.valueOf(selectedUnits, LedgerLine.SCALE); }
        public BigDecimal amount() { return amount; }
        public BigDecimal selectedAmount() { return selectedAmount; }
        public long linesWithoutPack() { return linesWithoutPack; }

        void merge(Sums o) {
            units = Math.addExact(units, o.units);
            selectedUnits = Math.addExact(selectedUnits, o.selectedUnits);
            linesWithoutPack += o.linesWithoutPack;
            amount = amount.add(o.amount);
            selectedAmount = selectedAmount.add(o.selectedAmount);
        }
    }

    private final UseLookup lookup;
    private final Map<Key, Sums> generics = new HashMap<>();
    private final Map<Key, Sums> classes = new HashMap<>();

    public UseSums(UseLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void add(LedgerLine line) {
        BigDecimal amount = line.hasUnitPrice() && line.amount() == 0
                ? line.unitPriceDecimal().multiply(line.quantityDecimal()) : line.amountDecimal();
        UseLookup.Product p = lookup.products.get(line.product());
        if (p != null) {
            Sums s = generics.computeIfAbsent(new Key(line.institution(), p.generic(), line.month()), k -> new Sums());
            long units = Math.multiplyExact(line.quantity(), (long) p.packCount());
            s.units = Math.addExact(s.units, units);
            s.amount = s.amount.add(amount);
            if (line.date() >= p.selectedFrom()) {
                s.selectedUnits = Math.addExact(s.selectedUnits, units);
                s.selectedAmount = s.selectedAmount.add(amount);
            }
            return;
        }
        String name = line.generic();
        if (name != null && lookup.generics.containsKey(UseLookup.key(name))) {
            Sums s = generics.computeIfAbsent(new Key(line.institution(), UseLookup.key(name), line.month()), k -> new Sums());
            s.amount = s.amount.add(amount);
            s.linesWithoutPack++;
            return;
        }
        String c = lookup.therapeuticClass(line.product());
        if (c != null && lookup.watchedClasses.contains(c)) {
            Sums s = classes.computeIfAbsent(new Key(line.institution(), c, line.month()), k -> new Sums());
            s.amount = s.amount.add(amount);
        }
    }

    @Override
    public UseSums merge(UseSums o) {
        o.generics.forEach((k, v) -> generics.computeIfAbsent(k, x -> new Sums()).merge(v));
        o.classes.forEach((k, v) -> classes.computeIfAbsent(k, x -> new Sums()).merge(v));
        return this;
    }

    /** institution × generic key × month (yyyymm) */
    public Map<Key, Sums> generics() { return generics; }

    /** institution × therapeutic class × month: non-VBP drugs */
    public Map<Key, Sums> classes() { return classes; }
}
