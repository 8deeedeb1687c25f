package dev.vbp.engine.retention;

import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Period;
import dev.vbp.domain.Texts;
import dev.vbp.domain.Strength;
import dev.vbp.domain.retention.BasePrice;
import dev.vbp.domain.retention.BasePriceScope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * P_pre, the pre-VBP weighted average unit price of an allocated product: Σ unit price × units / Σ units over
 * the base-period rows of its generic and strength (domain.md §4 ruling), or of its generic in every strength
 * per minimum unit ({@code base_price_scope: generic}). Rows are matched by product code of any of the
 * generic's bids (which fixes their strength), else by generic name and normalised strength. Rows without a
 * quantity cannot be weighted; when no row has one there is no P_pre unless the policy says
 * {@code base_price: mean}. Each result says how it was formed and from which rows.
 */
public final class PrePrices {

    /** A P_pre, or the reason there is none; {@code scope} says over which rows it was taken. */
    public record PrePrice(BigDecimal unitPrice, String method, List<String> where, String reason, String scope) {
        public boolean found() { return unitPrice != null; }
    }

    /** A base-period row with the generic and strength it was matched to (strength "" when unknown). */
    private record Matched(BaselinePrice row, String strength) {}

    private final Map<String, List<Matched>> rowsOfGeneric = new HashMap<>();
    private final Map<String, PrePrice> cache = new HashMap<>();
    private final Period period;
    private final BasePrice rule;
    private final BasePriceScope scope;

    public PrePrices(List<Bid> bids, List<BaselinePrice> baseline, Period period, BasePrice rule, BasePriceScope scope) {
        this.period = period;
        this.rule = rule;
        this.scope = scope;
        Map<String, Bid> bidOfCode = new HashMap<>();
        for (Bid b : bids) if (b.productCode() != null) bidOfCode.putIfAbsent(b.productCode(), b);
        for (BaselinePrice p : baseline) {
            Bid b = p.productCode() == null ? null : bidOfCode.get(p.productCode());
            if (b != null) {
                rowsOfGeneric.computeIfAbsent(genericKey(b.genericName()), k -> new ArrayList<>()).add(new Matched(p, strengthKey(b.strength())));
            } else if (p.genericName() != null) {
                rowsOfGeneric.computeIfAbsent(genericKey(p.genericName()), k -> new ArrayList<>()).add(new Matched(p, strengthKey(p.strength())));
            }
        }
    }

    public static String genericKey(String genericName) {
        return Texts.key(genericName);
    }

    private static String strengthKey(Strength s) {
        return s == null || s.key() == null ? "" : s.key();
    }

    /** P_pre of an allocated product: over its generic and strength, or its generic (per the scope). */
    public PrePrice of(Bid product) {
        String g = genericKey(product.genericName());
        String strength = strengthKey(product.strength());
        boolean byStrength = scope == BasePriceScope.STRENGTH && !strength.isEmpty();
        String label = byStrength ? product.genericName() + " " + product.strength().key()
                : product.genericName() + (scope == BasePriceScope.STRENGTH ? " (strength unknown: all strengths)" : " (all strengths)");
        return cache.computeIfAbsent(g + "\u0000" + (byStrength ? strength : "*"), k -> {
            List<BaselinePrice> rows = rowsOfGeneric.getOrDefault(g, List.of()).stream()
                    .filter(m -> !byStrength || m.strength().equals(strength)).map(Matched::row).toList();
            PrePrice p = compute(label, rows, period, rule);
            String sc = byStrength ? "generic and strength " + strength : "generic, all strengths per minimum unit";
            return new PrePrice(p.unitPrice(), p.method(), p.where(), p.reason(), sc);
        });
    }

    private static PrePrice compute(String name, List<BaselinePrice> all, Period period, BasePrice rule) {
        if (all.isEmpty()) return new PrePrice(null, null, List.of(), "no base-period price for " + name + " (no baseline rows)", null);
        List<BaselinePrice> in = period == null ? all : all.stream().filter(p -> inPeriod(p, period)).toList();
        if (in.isEmpty()) {
            Set<Integer> years = all.stream().map(PrePrices::yearOf).filter(y -> y != null).collect(Collectors.toCollection(java.util.TreeSet::new));
            return new PrePrice(null, null, List.of(), "no base-period price for " + name + " in " + period
                    + " (baseline years " + years + ")", null);
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
            return new PrePrice(Exact.divide(amount, units), method, weighted.stream().map(BaselinePrice::where).toList(), null, null);
        }
        if (rule == BasePrice.MEAN) {
            BigDecimal sum = BigDecimal.ZERO;
            for (BaselinePrice p : in) sum = sum.add(p.unitPrice());
            return new PrePrice(Exact.divide(sum, BigDecimal.valueOf(in.size())),
                    "mean of " + in.size() + " unit prices (no quantities; base_price: mean)", in.stream().map(BaselinePrice::where).toList(), null, null);
        }
        return new PrePrice(null, null, in.stream().map(BaselinePrice::where).toList(), "no base-period price for " + name
                + ": its " + in.size() + " baseline rows have no quantity (set base_price: mean to use the mean)", null);
    }

    private static Integer yearOf(BaselinePrice p) {
        return p.date() != null ? Integer.valueOf(p.date().getYear()) : p.year();
    }

    private static boolean inPeriod(BaselinePrice p, Period period) {
        if (p.date() != null) return period.contains(p.date());
        return p.year() != null && period.overlapsYear(p.year());
    }
}
