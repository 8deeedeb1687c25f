package dev.vbp.engine.volume;

import dev.vbp.domain.Texts;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs bought per institution and product in each counting window of the product's generic (see
 * {@link VolumePlan}). Lines of products no bid names, but whose generic name is a watched generic, are summed
 * per generic. Merging only adds sums, so it is associative and commutative; Serializable, for engines that
 * ship partial results between machines. Memory grows with institutions × products × windows, never with lines.
 */
public final class WindowedPurchases implements LedgerAggregate<WindowedPurchases>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** An inclusive date window as yyyymmdd ints. */
    public record Window(int from, int to) implements java.io.Serializable {
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

    private static final String UNKNOWN_PRODUCT = "generic:";

    private final Map<String, String> genericOfProduct;
    private final Map<String, List<Window>> genericWindows;
    /** institution → product code (or "generic:" + generic key) → packs per window, scaled by 10^4 */
    private final Map<String, Map<String, long[]>> sums = new HashMap<>();

    WindowedPurchases(Map<String, String> genericOfProduct, Map<String, List<Window>> genericWindows) {
        this.genericOfProduct = new HashMap<>(genericOfProduct);
        this.genericWindows = new HashMap<>();
        genericWindows.forEach((g, w) -> this.genericWindows.put(g, new java.util.ArrayList<>(w)));
    }

    @Override
    public void add(LedgerLine line) {
        String key = line.product();
        String generic = genericOfProduct.get(key);
        if (generic == null) {
            String name = line.generic();
            if (name == null) return;
            generic = Texts.key(name);
            key = UNKNOWN_PRODUCT + generic;
        }
        List<Window> windows = genericWindows.get(generic);
        if (windows == null) return;
        long[] packs = null;
        for (int i = 0; i < windows.size(); i++) {
            if (!windows.get(i).contains(line.date())) continue;
            if (packs == null) {
                packs = sums.computeIfAbsent(line.institution(), k -> new HashMap<>())
                        .computeIfAbsent(key, k -> new long[windows.size()]);
            }
            packs[i] += line.quantity();
        }
    }

    @Override
    public WindowedPurchases merge(WindowedPurchases other) {
        other.sums.forEach((inst, products) -> {
            Map<String, long[]> mine = sums.computeIfAbsent(inst, k -> new HashMap<>());
            products.forEach((p, q) -> {
                long[] m = mine.computeIfAbsent(p, k -> new long[q.length]);
                for (int i = 0; i < q.length; i++) m[i] += q[i];
            });
        });
        return this;
    }

    /** Packs of {@code product} bought by {@code institution} in window {@code window}, scaled by 10^4. */
    public long packs(String institution, String product, int window) {
        long[] q = sums.getOrDefault(institution, Map.of()).get(product);
        return q == null ? 0 : q[window];
    }

    /** Packs of products of {@code genericKey} that no bid names, bought by {@code institution} in a window. */
    public long unknownProductPacks(String institution, String genericKey, int window) {
        return packs(institution, UNKNOWN_PRODUCT + genericKey, window);
    }
}
