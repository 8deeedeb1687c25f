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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * P_pre, the pre-VBP weighted average unit price of an allocated product: Σ unit price × units / Σ units over
 * the base-period rows of its generic and strength (docs/rules.md, retained-savings rulings), or of its generic in every strength
 * per minimum unit ({@code base_price_scope: generic}). Rows are matched by product code of any of the
 * generic's bids (which fixes their strength), else by generic name and normalised strength. Rows without a
 * quantity cannot be weighted; when no row has one there is no P_pre unless the policy says
 * {@code base_price: mean}. Each result says how it was formed and from which rows.
 *
 * <p>Baseline rows are {@link #add added} one at a time and not kept: each is folded into the exact sums of its
 * generic and strength (rows, base-period rows, weighted sums, Σ unit price, years seen, the first rows' places),
 * so memory follows generics and strengths, not rows, and a baseline of millions of rows streams through.
 * A generic's strengths are merged when a P_pre is asked for over all of them.
 */
public final class PrePrices {

    /**
     * A P_pre, or the reason there is none; {@code scope} says over which rows it was taken: {@code rows} of them,
     * the first {@value #WHERE_KEPT} (in file order) named in {@code where}.
     */
    public record PrePrice(BigDecimal unitPrice, String method, List<String> where, long rows, String reason, String scope) {
        public boolean found() { return unitPrice != null; }
    }

    /** Places of rows named in a P_pre; the others are counted. */
    public static final int WHERE_KEPT = 5;

    /** generic key → strength key ("" when unknown) → the sums of its rows */
    private final Map<String, Map<String, Sums>> sumsOfGeneric = new HashMap<>();
    private final Map<String, Bid> bidOfCode = new HashMap<>();
    private final Map<String, PrePrice> cache = new HashMap<>();
    private final Period period;
    private final BasePrice rule;
    private final BasePriceScope scope;
    /** Rows added so far: a row's place in the file order, to keep the first rows' places when strengths merge. */
    private long seen;

    /** Prices of {@code bids}' products; {@link #add} the baseline rows before asking. */
    public PrePrices(List<Bid> bids, Period period, BasePrice rule, BasePriceScope scope) {
        this.period = period;
        this.rule = rule;
        this.scope = scope;
        for (Bid b : bids) if (b.productCode() != null) bidOfCode.putIfAbsent(b.productCode(), b);
    }

    public PrePrices(List<Bid> bids, List<BaselinePrice> baseline, Period period, BasePrice rule, BasePriceScope scope) {
        this(bids, period, rule, scope);
        baseline.forEach(this::add);
    }

    /** Folds one baseline row into the sums of the generic and strength it is matched to (or none). */
    public void add(BaselinePrice p) {
        long place = seen++;
        Bid b = p.productCode() == null ? null : bidOfCode.get(p.productCode());
        String generic, strength;
        if (b != null) {
            generic = genericKey(b.genericName());
            strength = strengthKey(b.strength());
        } else if (p.genericName() != null) {
            generic = genericKey(p.genericName());
            strength = strengthKey(p.strength());
        } else {
            return;
        }
        cache.clear();
        sumsOfGeneric.computeIfAbsent(generic, k -> new HashMap<>()).computeIfAbsent(strength, k -> new Sums()).add(p, place, period);
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
            Map<String, Sums> strengths = sumsOfGeneric.getOrDefault(g, Map.of());
            Sums rows = new Sums();
            if (byStrength) {
                Sums s = strengths.get(strength);
                if (s != null) rows.merge(s);
            } else {
                strengths.values().forEach(rows::merge);
            }
            PrePrice p = compute(label, rows, period, rule);
            String sc = byStrength ? "generic and strength " + strength : "generic, all strengths per minimum unit";
            return new PrePrice(p.unitPrice(), p.method(), p.where(), p.rows(), p.reason(), sc);
        });
    }

    private static PrePrice compute(String name, Sums all, Period period, BasePrice rule) {
        if (all.rows == 0) return new PrePrice(null, null, List.of(), 0, "no base-period price for " + name + " (no baseline rows)", null);
        if (all.inPeriod == 0) {
            return new PrePrice(null, null, List.of(), 0, "no base-period price for " + name + " in " + period
                    + " (baseline years " + all.years + ")", null);
        }
        if (all.weighted > 0) {
            String method = "Σ pack price × packs / Σ units = " + all.amount.toPlainString() + " / " + all.units.toPlainString()
                    + (all.weighted < all.inPeriod ? " (" + (all.inPeriod - all.weighted) + " rows without quantity left out)" : "");
            return new PrePrice(Exact.divide(all.amount, all.units), method, all.weightedWhere.places(), all.weighted, null, null);
        }
        if (rule == BasePrice.MEAN) {
            return new PrePrice(Exact.divide(all.unitPrices(), BigDecimal.valueOf(all.inPeriod)),
                    "mean of " + all.inPeriod + " unit prices (no quantities; base_price: mean)", all.inPeriodWhere.places(),
                    all.inPeriod, null, null);
        }
        return new PrePrice(null, null, all.inPeriodWhere.places(), all.inPeriod, "no base-period price for " + name
                + ": its " + all.inPeriod + " baseline rows have no quantity (set base_price: mean to use the mean)", null);
    }

    private static Integer yearOf(BaselinePrice p) {
        return p.date() != null ? Integer.valueOf(p.date().getYear()) : p.year();
    }

    private static boolean inPeriod(BaselinePrice p, Period period) {
        if (p.date() != null) return period.contains(p.date());
        return p.year() != null && period.overlapsYear(p.year());
    }

    /**
     * What a P_pre needs of the rows of one generic and strength, exactly, and nothing per row: mergeable (the sums
     * are exact decimals, so the order rows come in does not change them).
     */
    private static final class Sums {
        long rows, inPeriod, weighted;
        /** Years of every row (date, else year), for the reason when none falls in the period. */
        final TreeSet<Integer> years = new TreeSet<>();
        /** Rows with a quantity above zero: Σ pack price × quantity, Σ quantity × pack count. */
        BigDecimal amount = BigDecimal.ZERO, units = BigDecimal.ZERO;
        /**
         * Σ unit price of the base-period rows, each as {@link BaselinePrice#unitPrice} gives it; rows are counted
         * per (pack price, pack count) and each pair divided once (a product's prices repeat), the same exact sum.
         */
        private BigDecimal unitPrices = BigDecimal.ZERO;
        private final Map<Pack, long[]> pending = new HashMap<>();
        final FirstPlaces weightedWhere = new FirstPlaces(), inPeriodWhere = new FirstPlaces();

        void add(BaselinePrice p, long place, Period period) {
            rows++;
            Integer year = yearOf(p);
            if (year != null) years.add(year);
            if (period != null && !inPeriod(p, period)) return;
            inPeriod++;
            inPeriodWhere.add(place, p.where());
            pending.computeIfAbsent(new Pack(p.packPrice(), p.packCount()), k -> new long[1])[0]++;
            if (pending.size() >= MAX_PENDING) flush();
            if (p.quantity() != null && p.quantity().signum() > 0) {
                weighted++;
                weightedWhere.add(place, p.where());
                amount = amount.add(p.packPrice().multiply(p.quantity()));
                units = units.add(p.unitQuantity());
            }
        }

        void merge(Sums o) {
            rows += o.rows;
            inPeriod += o.inPeriod;
            weighted += o.weighted;
            years.addAll(o.years);
            amount = amount.add(o.amount);
            units = units.add(o.units);
            unitPrices = unitPrices.add(o.unitPrices());
            weightedWhere.merge(o.weightedWhere);
            inPeriodWhere.merge(o.inPeriodWhere);
        }

        private static final int MAX_PENDING = 1 << 12;

        private record Pack(BigDecimal price, int count) {}

        BigDecimal unitPrices() {
            for (var e : pending.entrySet()) {
                BigDecimal unit = Exact.divide(e.getKey().price(), BigDecimal.valueOf(e.getKey().count()));
                unitPrices = unitPrices.add(unit.multiply(BigDecimal.valueOf(e.getValue()[0])));
            }
            pending.clear();
            return unitPrices;
        }

        private void flush() {
            unitPrices();
        }
    }

    /** The places of the first {@value #WHERE_KEPT} rows by their order in the files. */
    private static final class FirstPlaces {
        private final List<Map.Entry<Long, String>> first = new ArrayList<>();

        void add(long place, String where) {
            if (first.size() < WHERE_KEPT) first.add(Map.entry(place, where));
        }

        void merge(FirstPlaces o) {
            first.addAll(o.first);
            first.sort(Comparator.comparing(Map.Entry::getKey));
            while (first.size() > WHERE_KEPT) first.remove(first.size() - 1);
        }

        List<String> places() {
            return first.stream().map(Map.Entry::getValue).toList();
        }
    }
}
