package dev.vbp.engine.volume;

import dev.vbp.domain.Allocation;
import dev.vbp.domain.Bid;
import dev.vbp.domain.volume.AgreementYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the ledger scan for agreed-volume completion must count: each allocation's agreement year up to the
 * as-of day, and the same window for the non-selected products of its generic. Built before the scan, so the
 * scan is one pass whatever the number of batches.
 */
public final class VolumePlan {

    /** An allocation with its bid (null when no bid names its product) and its counting window. */
    public record Item(Allocation allocation, Bid bid, AgreementYear year, LocalDate countTo) {}

    private final LocalDate asOf;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, WindowedPurchases.Window> productWindows = new HashMap<>();
    private final Map<String, WindowedPurchases.Window> genericWindows = new HashMap<>();
    /** generic key → its other bid products (not selected, or selected in another batch), for the "beside" figures */
    private final Map<String, List<Bid>> otherProducts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public VolumePlan(List<Allocation> allocations, List<Bid> bids, LocalDate asOf) {
        this.asOf = asOf;
        Map<String, Bid> byBatchAndProduct = new HashMap<>();
        Map<String, Bid> byProduct = new HashMap<>();
        for (Bid b : bids) {
            if (b.productCode() == null) continue;
            if (b.selected()) {
                byBatchAndProduct.putIfAbsent(b.batchId() + "\u0000" + b.productCode(), b);
                byProduct.putIfAbsent(b.productCode(), b);
            }
        }
        for (Allocation a : allocations) {
            Bid bid = byBatchAndProduct.get(a.batchId() + "\u0000" + a.productCode());
            if (bid == null) bid = byProduct.get(a.productCode());
            AgreementYear year = AgreementYear.of(a.cycleStart(), a.cycleEnd(), asOf);
            LocalDate to = asOf.isBefore(year.end()) ? asOf : year.end();
            items.add(new Item(a, bid, year, to));
            widen(productWindows, a.productCode(), WindowedPurchases.Window.of(year.start(), to), "product " + a.productCode());
            if (bid != null) {
                widen(genericWindows, bid.key().fullName(), WindowedPurchases.Window.of(year.start(), to), null);
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Bid b : bids) {
            if (b.productCode() == null || productWindows.containsKey(b.productCode()) || !seen.add(b.productCode())) continue;
            WindowedPurchases.Window w = genericWindows.get(b.key().fullName());
            if (w == null) continue;
            otherProducts.computeIfAbsent(b.key().fullName(), k -> new ArrayList<>()).add(b);
        }
        otherProducts.values().forEach(list -> list.forEach(b ->
                productWindows.put(b.productCode(), genericWindows.get(b.key().fullName()))));
    }

    /** Different cycles for one product: count from the earliest start to the latest end, and say so. */
    private void widen(Map<String, WindowedPurchases.Window> map, String key, WindowedPurchases.Window w, String what) {
        WindowedPurchases.Window old = map.get(key);
        if (old == null) {
            map.put(key, w);
        } else if (!old.equals(w)) {
            map.put(key, new WindowedPurchases.Window(Math.min(old.from(), w.from()), Math.max(old.to(), w.to())));
            if (what != null) warnings.add("allocations of " + what + " have different agreement years; its purchases are counted over both");
        }
    }

    public Supplier<WindowedPurchases> aggregate() {
        return () -> new WindowedPurchases(productWindows, genericWindows);
    }

    public LocalDate asOf() { return asOf; }
    public List<Item> items() { return items; }
    /** Products of each generic other than the allocated ones: non-selected, or selected in another batch. */
    public Map<String, List<Bid>> otherProducts() { return otherProducts; }
    public List<String> warnings() { return warnings; }
}
