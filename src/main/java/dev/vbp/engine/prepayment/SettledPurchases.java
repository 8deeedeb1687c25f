package dev.vbp.engine.prepayment;

import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Purchase amounts per institution, product and day, for the products of each institution's agreement years
 * (what the fund settles and a prepayment is offset against). Memory grows with institutions × products × days,
 * never with lines; merging adds sums (associative, commutative); serialisable.
 */
public final class SettledPurchases implements LedgerAggregate<SettledPurchases>, Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Set<String>> watched;
    /** institution → product → yyyymmdd → amount × 10^4 */
    private final Map<String, Map<String, TreeMap<Integer, long[]>>> sums = new HashMap<>();

    /** @param watched institution → the product codes of its agreement years (a serialisable map and sets) */
    public SettledPurchases(Map<String, Set<String>> watched) {
        this.watched = watched;
    }

    @Override
    public void add(LedgerLine line) {
        Set<String> products = watched.get(line.institution());
        if (products == null || !products.contains(line.product())) return;
        long[] s = sums.computeIfAbsent(line.institution(), k -> new HashMap<>()).computeIfAbsent(line.product(), k -> new TreeMap<>())
                .computeIfAbsent(line.date(), k -> new long[1]);
        s[0] = Math.addExact(s[0], line.amount());
    }

    @Override
    public SettledPurchases merge(SettledPurchases other) {
        other.sums.forEach((inst, products) -> products.forEach((product, days) -> {
            TreeMap<Integer, long[]> mine = sums.computeIfAbsent(inst, k -> new HashMap<>()).computeIfAbsent(product, k -> new TreeMap<>());
            days.forEach((day, s) -> mine.computeIfAbsent(day, k -> new long[1])[0] += s[0]);
        }));
        return this;
    }

    /** Amount of {@code product} bought by {@code institution} from {@code from} to {@code to} (yyyymmdd, inclusive). */
    public BigDecimal amount(String institution, String product, int from, int to) {
        TreeMap<Integer, long[]> days = sums.getOrDefault(institution, Map.of()).get(product);
        if (days == null) return BigDecimal.ZERO;
        long t = 0;
        for (long[] s : days.subMap(from, true, to, true).values()) t = Math.addExact(t, s[0]);
        return BigDecimal.valueOf(t, LedgerLine.SCALE);
    }
}
