package dev.vbp.engine.volume;

import dev.vbp.domain.Allocation;
import dev.vbp.domain.Bid;
import dev.vbp.domain.volume.AgreementYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the ledger scan for agreed-volume completion must count, worked out before the scan so it is one pass:
 * for every generic with an allocation, the distinct counting windows (an agreement year up to the as-of day)
 * of its allocations, and every product of that generic in the bids (selected in any batch, or not). Each
 * allocation counts in its own window only, so a product allocated in two batches is never counted twice.
 */
public final class VolumePlan {

    /**
     * An allocation with its bid (null when no bid names its product), its agreement year, the generic
     * (key) it belongs to and the index of its counting window among that generic's windows.
     */
    public record Item(Allocation allocation, Bid bid, AgreementYear year, LocalDate countTo, String generic, int window) {}

    private final LocalDate asOf;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, List<WindowedPurchases.Window>> genericWindows = new HashMap<>();
    private final Map<String, String> genericOfProduct = new HashMap<>();
    private final Map<String, List<Bid>> productsOfGeneric = new LinkedHashMap<>();
    /** institution, generic and window → the products allocated to the institution there */
    private final Map<String, Set<String>> allocated = new HashMap<>();

    public VolumePlan(List<Allocation> allocations, List<Bid> bids, LocalDate asOf) {
        this.asOf = asOf;
        Map<String, Bid> byBatchAndProduct = new HashMap<>();
        Map<String, Bid> byProduct = new HashMap<>();
        for (Bid b : bids) {
            if (b.productCode() == null) continue;
            if (b.selected()) byBatchAndProduct.putIfAbsent(b.batchId() + "\u0000" + b.productCode(), b);
            Bid old = byProduct.get(b.productCode());
            if (old == null || !old.selected() && b.selected()) byProduct.put(b.productCode(), b);
        }
        for (Allocation a : allocations) {
            Bid bid = byBatchAndProduct.get(a.batchId() + "\u0000" + a.productCode());
            if (bid == null) bid = byProduct.get(a.productCode());
            AgreementYear year = AgreementYear.of(a.cycleStart(), a.cycleEnd(), asOf);
            LocalDate to = asOf.isBefore(year.end()) ? asOf : year.end();
            if (bid == null) {
                items.add(new Item(a, null, year, to, null, -1));
                continue;
            }
            String generic = bid.key().fullName();
            List<WindowedPurchases.Window> windows = genericWindows.computeIfAbsent(generic, k -> new ArrayList<>());
            WindowedPurchases.Window w = WindowedPurchases.Window.of(year.start(), to);
            int index = windows.indexOf(w);
            if (index < 0) {
                windows.add(w);
                index = windows.size() - 1;
            }
            items.add(new Item(a, bid, year, to, generic, index));
            allocated.computeIfAbsent(key(a.institutionCode(), generic, index), k -> new HashSet<>()).add(a.productCode());
        }
        for (Bid b : byProduct.values()) {
            String generic = b.key().fullName();
            if (!genericWindows.containsKey(generic)) continue;
            genericOfProduct.put(b.productCode(), generic);
            productsOfGeneric.computeIfAbsent(generic, k -> new ArrayList<>()).add(b);
        }
    }

    private static String key(String institution, String generic, int window) {
        return institution + "\u0000" + generic + "\u0000" + window;
    }

    public Supplier<WindowedPurchases> aggregate() {
        return () -> new WindowedPurchases(genericOfProduct, genericWindows);
    }

    /** Products of the item's generic other than those allocated to its institution in its window. */
    public List<Bid> otherProducts(Item item) {
        Set<String> mine = allocated.getOrDefault(key(item.allocation().institutionCode(), item.generic(), item.window()), Set.of());
        return productsOfGeneric.getOrDefault(item.generic(), List.of()).stream()
                .filter(b -> !mine.contains(b.productCode())).toList();
    }

    public LocalDate asOf() { return asOf; }
    public List<Item> items() { return items; }
}
