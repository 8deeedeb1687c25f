package dev.vbp.engine.pricing;

import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Period;
import dev.vbp.domain.ProductKey;
import dev.vbp.domain.Regions;
import dev.vbp.domain.pricing.BaseStat;
import dev.vbp.domain.pricing.PriceDrops;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds a bid's pre-VBP baseline among price observations of the same product and strength: by product code
 * when both sides carry one, else by normalised name and strength. The observations are filtered by period
 * and region, then reduced by {@link BaseStat}. When nothing is found, the lookup says why.
 */
public final class BaselineIndex {

    /** A baseline unit price from {@code observations} rows, or the reason there is none. */
    public record Lookup(BigDecimal unitPrice, int observations, String reason) {
        public boolean found() { return unitPrice != null; }
    }

    /**
     * A price with its key, made once: a key normalises names and strengths (Unicode NFKC, patterns), which
     * was most of the time of a large baseline when it was made again for every bid a price was compared with.
     */
    private record Keyed(BaselinePrice price, ProductKey key) {}

    private final Map<String, List<BaselinePrice>> byCode = new HashMap<>();
    /** "name|strength" → prices, indexed under both the plain and the full name (see {@link ProductKey}). */
    private final Map<String, List<Keyed>> byName = new HashMap<>();
    private final Period period;
    private final String region;
    private final BaseStat stat;

    public BaselineIndex(List<BaselinePrice> prices, Period period, String region, BaseStat stat) {
        this.period = period;
        this.region = region;
        this.stat = stat;
        for (BaselinePrice p : prices) {
            ProductKey key = p.key();
            Keyed keyed = new Keyed(p, key);
            if (key.productCode() != null) byCode.computeIfAbsent(key.productCode(), k -> new ArrayList<>()).add(p);
            byName.computeIfAbsent(key.name() + "|" + key.strength(), k -> new ArrayList<>()).add(keyed);
            if (!key.fullName().equals(key.name())) {
                byName.computeIfAbsent(key.fullName() + "|" + key.strength(), k -> new ArrayList<>()).add(keyed);
            }
        }
    }

    public Lookup find(Bid bid) {
        ProductKey key = bid.key();
        List<BaselinePrice> candidates = key.productCode() == null ? null : byCode.get(key.productCode());
        if (candidates == null) candidates = byName(key);
        if (candidates.isEmpty()) {
            return new Lookup(null, 0, "no baseline prices for " + bid.genericName() + " " + bid.spec());
        }
        List<BaselinePrice> inPeriod = period == null ? candidates : candidates.stream().filter(this::inPeriod).toList();
        if (inPeriod.isEmpty()) {
            TreeSet<Integer> years = new TreeSet<>();
            candidates.forEach(c -> years.add(c.effectiveYear()));
            return new Lookup(null, 0, "no baseline prices in " + period + " (found for " + years + ")");
        }
        List<BaselinePrice> inRegion = region == null ? inPeriod
                : inPeriod.stream().filter(p -> p.region() != null && Regions.includes(p.region(), region)).toList();
        if (inRegion.isEmpty()) {
            return new Lookup(null, 0, "no baseline prices in region " + region
                    + (period == null ? "" : " in " + period));
        }
        return reduce(inRegion);
    }

    /** Prices whose plain or full name and strength match the bid's, with a compatible dosage form. */
    private List<BaselinePrice> byName(ProductKey key) {
        java.util.Set<BaselinePrice> found = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<BaselinePrice> out = new ArrayList<>();
        for (String name : new String[]{key.name(), key.fullName()}) {
            for (Keyed k : byName.getOrDefault(name + "|" + key.strength(), List.<Keyed>of())) {
                if (key.formCompatible(k.key()) && found.add(k.price())) out.add(k.price());
            }
        }
        return out;
    }

    private boolean inPeriod(BaselinePrice p) {
        return p.date() != null ? period.contains(p.date()) : period.overlapsYear(p.year());
    }

    private Lookup reduce(List<BaselinePrice> rows) {
        switch (stat) {
            case MEAN -> {
                return new Lookup(PriceDrops.meanOf(rows.stream().map(BaselinePrice::unitPrice).toList()), rows.size(), null);
            }
            case MIN -> {
                return new Lookup(rows.stream().map(BaselinePrice::unitPrice).min(BigDecimal::compareTo).orElseThrow(),
                        rows.size(), null);
            }
            case WEIGHTED -> {
                long missing = rows.stream().filter(r -> r.quantity() == null).count();
                if (missing > 0) {
                    return new Lookup(null, rows.size(), "weighted mean needs quantities; " + missing + " of "
                            + rows.size() + " baseline rows have none (use --base-stat mean or min)");
                }
                BigDecimal q = PriceDrops.sum(rows.stream().map(BaselinePrice::unitQuantity).toList());
                if (q.signum() == 0) return new Lookup(null, rows.size(), "baseline quantities add up to zero");
                BigDecimal amount = PriceDrops.sum(rows.stream().map(r -> r.packPrice().multiply(r.quantity())).toList());
                return new Lookup(Exact.divide(amount, q), rows.size(), null);
            }
            default -> throw new IllegalStateException();
        }
    }
}
