package dev.vbp.engine.volume;

import dev.vbp.domain.Texts;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Purchased pack quantities per institution and product, counting only lines inside each product's own date
 * window (its agreement year up to the as-of day), so allocations of different batches are exact in one pass.
 * Lines of products no bid names, but whose generic name is a watched generic, are summed per generic:
 * they are non-selected purchases of that generic. Mergeable; memory grows with institutions × products.
 */
public final class WindowedPurchases implements LedgerAggregate<WindowedPurchases> {

    /** An inclusive date window as yyyymmdd ints. */
    public record Window(int from, int to) {
        public static Window of(LocalDate from, LocalDate to) {
            return new Window(ymd(from), ymd(to));
        }

        public boolean contains(int date) {
            return date >= from && date <= to;
        }

        private static int ymd(LocalDate d) {
            return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
        }
    }

    private final Map<String, Window> productWindows;
    private final Map<String, Window> genericWindows;
    /** institution → product code (or "generic:" + generic key) → quantity scaled by 10^4 */
    private final Map<String, Map<String, long[]>> sums = new HashMap<>();

    /**
     * @param productWindows product code → window, for every product whose purchases count
     * @param genericWindows generic key ({@link Texts#key}) → window, for ledger lines of unknown products
     */
    public WindowedPurchases(Map<String, Window> productWindows, Map<String, Window> genericWindows) {
        this.productWindows = productWindows;
        this.genericWindows = genericWindows;
    }

    @Override
    public void add(LedgerLine line) {
        Window w = productWindows.get(line.product());
        String key = line.product();
        if (w == null) {
            String generic = line.generic();
            if (generic == null || genericWindows.isEmpty()) return;
            String g = Texts.key(generic);
            w = genericWindows.get(g);
            key = "generic:" + g;
        }
        if (w == null || !w.contains(line.date())) return;
        sums.computeIfAbsent(line.institution(), k -> new HashMap<>()).computeIfAbsent(key, k -> new long[1])[0] += line.quantity();
    }

    @Override
    public WindowedPurchases merge(WindowedPurchases other) {
        other.sums.forEach((inst, products) -> {
            Map<String, long[]> mine = sums.computeIfAbsent(inst, k -> new HashMap<>());
            products.forEach((p, q) -> mine.computeIfAbsent(p, k -> new long[1])[0] += q[0]);
        });
        return this;
    }

    /** Packs of {@code product} bought by {@code institution} in the product's window, scaled by 10^4. */
    public long packs(String institution, String product) {
        long[] q = sums.getOrDefault(institution, Map.of()).get(product);
        return q == null ? 0 : q[0];
    }

    /** Packs of unknown products of {@code genericKey} bought by {@code institution}, scaled by 10^4. */
    public long unknownProductPacks(String institution, String genericKey) {
        return packs(institution, "generic:" + genericKey);
    }

    /** Institutions that bought anything counted. */
    public List<String> institutions() {
        return List.copyOf(sums.keySet());
    }
}
