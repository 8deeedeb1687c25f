package dev.vbp.engine.pricing;

import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Period;
import dev.vbp.domain.ProductKey;
import dev.vbp.domain.Regions;
import dev.vbp.domain.pricing.BaseStat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a bid's pre-VBP baseline among price observations of the same product and strength: by product code
 * when both sides carry one, else by normalised name and strength. The observations are filtered by period
 * and region, then reduced by {@link BaseStat}. When nothing is found, the lookup says why.
 *
 * <p>Prices are {@link #add added} one at a time and not kept: the period and region are known before the
 * first price, so each price is folded at once into the {@link Observations} of its product code and of its
 * product key (names, form, strength). Memory follows products, not rows, and a baseline of millions of rows
 * streams through.
 */
public final class BaselineIndex {

    /** A baseline unit price from {@code observations} rows, or the reason there is none. */
    public record Lookup(BigDecimal unitPrice, int observations, String reason) {
        public boolean found() { return unitPrice != null; }
    }

    /** The observations of one key (made once: a key normalises names and strengths) with the key itself. */
    private record Keyed(ProductKey key, Observations observations) {}

    private final Map<String, Observations> byCode = new HashMap<>();
    private final Map<ProductKey, Observations> byKey = new HashMap<>();
    /** "name|strength" → keys, indexed under both the plain and the full name (see {@link ProductKey}). */
    private final Map<String, List<Keyed>> byName = new HashMap<>();
    private final Period period;
    private final String region;
    private final BaseStat stat;

    /** An empty index; {@link #add} the prices. */
    public BaselineIndex(Period period, String region, BaseStat stat) {
        this.period = period;
        this.region = region;
        this.stat = stat;
    }

    public BaselineIndex(List<BaselinePrice> prices, Period period, String region, BaseStat stat) {
        this(period, region, stat);
        prices.forEach(this::add);
    }

    /** Folds one price observation into its product code's and its product key's observations. */
    public void add(BaselinePrice p) {
        ProductKey key = p.key();
        boolean inPeriod = period == null || inPeriod(p);
        boolean counted = inPeriod && (region == null || p.region() != null && Regions.includes(p.region(), region));
        if (key.productCode() != null) byCode.computeIfAbsent(key.productCode(), k -> new Observations()).add(p, inPeriod, counted, stat);
        Observations o = byKey.get(key);
        if (o == null) {
            o = new Observations();
            byKey.put(key, o);
            Keyed keyed = new Keyed(key, o);
            byName.computeIfAbsent(key.name() + "|" + key.strength(), k -> new ArrayList<>()).add(keyed);
            if (!key.fullName().equals(key.name())) {
                byName.computeIfAbsent(key.fullName() + "|" + key.strength(), k -> new ArrayList<>()).add(keyed);
            }
        }
        o.add(p, inPeriod, counted, stat);
    }

    public Lookup find(Bid bid) {
        ProductKey key = bid.key();
        Observations found = key.productCode() == null ? null : byCode.get(key.productCode());
        if (found == null) found = byName(key);
        if (found.rows == 0) {
            return new Lookup(null, 0, "no baseline prices for " + bid.genericName() + " " + bid.spec());
        }
        if (found.inPeriod == 0) {
            return new Lookup(null, 0, "no baseline prices in " + period + " (found for " + found.years + ")");
        }
        if (found.counted == 0) {
            return new Lookup(null, 0, "no baseline prices in region " + region
                    + (period == null ? "" : " in " + period));
        }
        return reduce(found);
    }

    /** The observations whose plain or full name and strength match the bid's, with a compatible dosage form. */
    private Observations byName(ProductKey key) {
        Set<Observations> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Observations all = new Observations();
        for (String name : new String[]{key.name(), key.fullName()}) {
            for (Keyed k : byName.getOrDefault(name + "|" + key.strength(), List.of())) {
                if (key.formCompatible(k.key()) && seen.add(k.observations())) all.merge(k.observations());
            }
        }
        return all;
    }

    private boolean inPeriod(BaselinePrice p) {
        return p.date() != null ? period.contains(p.date()) : period.overlapsYear(p.year());
    }

    private Lookup reduce(Observations o) {
        int n = (int) o.counted;
        switch (stat) {
            case MEAN -> {
                return new Lookup(Exact.divide(o.unitPrices(), BigDecimal.valueOf(o.counted)), n, null);
            }
            case MIN -> {
                return new Lookup(Exact.divide(o.minPackPrice, BigDecimal.valueOf(o.minPackCount)), n, null);
            }
            case WEIGHTED -> {
                if (o.withoutQuantity > 0) {
                    return new Lookup(null, n, "weighted mean needs quantities; " + o.withoutQuantity + " of "
                            + n + " baseline rows have none (use --base-stat mean or min)");
                }
                if (o.unitQuantity.signum() == 0) return new Lookup(null, n, "baseline quantities add up to zero");
                return new Lookup(Exact.divide(o.amount, o.unitQuantity), n, null);
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * What every {@link BaseStat} needs of the prices of one key, exactly, and nothing per row: a mergeable
     * aggregate (the sums are exact decimals, so the order prices come in does not matter). {@code rows} counts
     * every price of the key, {@code inPeriod} those in the base period, {@code counted} those also in the base
     * region, which alone feed the statistics.
     */
    static final class Observations {
        long rows, inPeriod, counted;
        /** Effective years of every price of the key, for the reason when none falls in the period. */
        final TreeSet<Integer> years = new TreeSet<>();
        private int lastYear = Integer.MIN_VALUE;
        /**
         * MEAN: Σ unit price, each unit price as {@link BaselinePrice#unitPrice} gives it (pack price / pack count,
         * rounded to 34 digits). A division per row was a fifth of reading a large baseline, and a product's prices
         * repeat: so rows are counted per (pack price, pack count) in {@code pending}, each pair divided once, and
         * n × its unit price added to the sum when the pairs are many or the sum is asked for. The same exact sum.
         */
        private BigDecimal unitPrices = BigDecimal.ZERO;
        private final Map<Pack, long[]> pending = new HashMap<>();
        /** MIN: the lowest pack price / pack count, kept as the pair (divided once, when asked). */
        BigDecimal minPackPrice;
        int minPackCount;
        /** WEIGHTED: prices without a quantity, Σ quantity × pack count, Σ pack price × quantity. */
        long withoutQuantity;
        BigDecimal unitQuantity = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;

        void add(BaselinePrice p, boolean inPeriod, boolean counted, BaseStat stat) {
            rows++;
            if (p.date() != null || p.year() != null) {
                int year = p.effectiveYear();
                if (year != lastYear) years.add(year);
                lastYear = year;
            }
            if (!inPeriod) return;
            this.inPeriod++;
            if (!counted) return;
            this.counted++;
            switch (stat) {
                case MEAN -> {
                    pending.computeIfAbsent(new Pack(p.packPrice(), p.packCount()), k -> new long[1])[0]++;
                    if (pending.size() >= MAX_PENDING) flush();
                }
                case MIN -> {
                    if (minPackPrice == null || lower(p.packPrice(), p.packCount(), minPackPrice, minPackCount)) {
                        minPackPrice = p.packPrice();
                        minPackCount = p.packCount();
                    }
                }
                case WEIGHTED -> {
                    if (p.quantity() == null) {
                        withoutQuantity++;
                    } else {
                        unitQuantity = unitQuantity.add(p.unitQuantity());
                        amount = amount.add(p.packPrice().multiply(p.quantity()));
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        void merge(Observations o) {
            rows += o.rows;
            inPeriod += o.inPeriod;
            counted += o.counted;
            years.addAll(o.years);
            unitPrices = unitPrices.add(o.unitPrices());
            if (o.minPackPrice != null && (minPackPrice == null || lower(o.minPackPrice, o.minPackCount, minPackPrice, minPackCount))) {
                minPackPrice = o.minPackPrice;
                minPackCount = o.minPackCount;
            }
            withoutQuantity += o.withoutQuantity;
            unitQuantity = unitQuantity.add(o.unitQuantity);
            amount = amount.add(o.amount);
        }

        /** Distinct (pack price, pack count) pairs counted before they are divided and added. */
        private static final int MAX_PENDING = 1 << 12;

        private record Pack(BigDecimal price, int count) {}

        /** Σ unit price of the counted rows. */
        BigDecimal unitPrices() {
            flush();
            return unitPrices;
        }

        private void flush() {
            for (var e : pending.entrySet()) {
                BigDecimal unit = Exact.divide(e.getKey().price(), BigDecimal.valueOf(e.getKey().count()));
                unitPrices = unitPrices.add(unit.multiply(BigDecimal.valueOf(e.getValue()[0])));
            }
            pending.clear();
        }

        /** a / b < c / d, exactly (pack counts are positive). */
        private static boolean lower(BigDecimal a, int b, BigDecimal c, int d) {
            return a.multiply(BigDecimal.valueOf(d)).compareTo(c.multiply(BigDecimal.valueOf(b))) < 0;
        }
    }
}
