package dev.vbp.engine.retention;

import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Period;
import dev.vbp.domain.Texts;
import dev.vbp.domain.retention.BasePrice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * P_pre[g], the pre-VBP weighted average unit price of each generic: Σ unit price × units / Σ units over the
 * base-period rows of the generic (matched by product code of any of its bids, else by generic name).
 * Rows without a quantity cannot be weighted; when no row has one, the generic has no P_pre unless the
 * policy says {@code base_price: mean}. Each result says how it was formed and from which rows.
 */
public final class PrePrices {

    /** A generic's P_pre, or the reason there is none. */
    public record PrePrice(BigDecimal unitPrice, String method, List<String> where, String reason) {
        public boolean found() { return unitPrice != null; }
    }

    private final Map<String, PrePrice> byGeneric = new HashMap<>();

    public PrePrices(List<Bid> bids, List<BaselinePrice> baseline, Period period, BasePrice rule) {
        Map<String, String> genericOfCode = new HashMap<>();
        Map<String, String> displayName = new HashMap<>();
        for (Bid b : bids) {
            String g = genericKey(b.genericName());
            displayName.putIfAbsent(g, b.genericName());
            if (b.productCode() != null) genericOfCode.putIfAbsent(b.productCode(), g);
        }
        Map<String, List<BaselinePrice>> rows = new HashMap<>();
        for (BaselinePrice p : baseline) {
            String g = p.productCode() != null && genericOfCode.containsKey(p.productCode())
                    ? genericOfCode.get(p.productCode())
                    : p.genericName() == null ? null : genericKey(p.genericName());
            if (g != null) rows.computeIfAbsent(g, k -> new ArrayList<>()).add(p);
        }
        for (String g : displayName.keySet()) {
            byGeneric.put(g, compute(displayName.get(g), rows.getOrDefault(g, List.of()), period, rule));
        }
    }

    public static String genericKey(String genericName) {
        return Texts.key(genericName);
    }

    public PrePrice of(String genericName) {
        return byGeneric.getOrDefault(genericKey(genericName),
                new PrePrice(null, null, List.of(), "no base-period price for " + genericName));
    }

    private static PrePrice compute(String name, List<BaselinePrice> all, Period period, BasePrice rule) {
        if (all.isEmpty()) return new PrePrice(null, null, List.of(), "no base-period price for " + name + " (no baseline rows)");
        List<BaselinePrice> in = period == null ? all : all.stream().filter(p -> inPeriod(p, period)).toList();
        if (in.isEmpty()) {
            Set<Integer> years = all.stream().map(PrePrices::yearOf).filter(y -> y != null).collect(Collectors.toCollection(java.util.TreeSet::new));
            return new PrePrice(null, null, List.of(), "no base-period price for " + name + " in " + period
                    + " (baseline years " + years + ")");
        }
        List<BaselinePrice> weighted = in.stream().filter(p -> p.quantity() != null && p.quantity().signum() > 0).toList();
        if (!weighted.isEmpty()) {
            BigDecimal amount = BigDecimal.ZERO, units = BigDecimal.ZERO;
            for (BaselinePrice p : weighted) {
                amount = amount.add(p.packPrice().multiply(p.quantity()));
                units = units.add(p.unitQuantity());
            }
            String method = "Σ pack price × packs / Σ units = " + amount.toPlainString() + " / " + units.toPlainString()
                    + (weighted.size() < in.size() ? " (" + (in.size() - weighted.size()) + " rows without quantity left out)" : "");
            return new PrePrice(Exact.divide(amount, units), method, weighted.stream().map(BaselinePrice::where).toList(), null);
        }
        if (rule == BasePrice.MEAN) {
            BigDecimal sum = BigDecimal.ZERO;
            for (BaselinePrice p : in) sum = sum.add(p.unitPrice());
            return new PrePrice(Exact.divide(sum, BigDecimal.valueOf(in.size())),
                    "mean of " + in.size() + " unit prices (no quantities; base_price: mean)", in.stream().map(BaselinePrice::where).toList(), null);
        }
        return new PrePrice(null, null, in.stream().map(BaselinePrice::where).toList(), "no base-period price for " + name
                + ": its " + in.size() + " baseline rows have no quantity (set base_price: mean to use the mean)");
    }

    private static Integer yearOf(BaselinePrice p) {
        return p.date() != null ? Integer.valueOf(p.date().getYear()) : p.year();
    }

    private static boolean inPeriod(BaselinePrice p, Period period) {
        if (p.date() != null) return period.contains(p.date());
        return p.year() != null && period.overlapsYear(p.year());
    }
}
