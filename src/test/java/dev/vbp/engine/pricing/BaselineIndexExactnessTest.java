package dev.vbp.engine.pricing;

import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Category;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Period;
import dev.vbp.domain.ProductKey;
import dev.vbp.domain.Regions;
import dev.vbp.domain.Strength;
import dev.vbp.domain.pricing.BaseStat;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The index keeps only aggregates per key; its baselines must be exactly what the rows give when they are all
 * held and filtered: checked against a plain computation over the list of rows (the way the index worked when
 * it kept them), for every statistic, period and region, on seeded random baselines, and in any row order.
 */
class BaselineIndexExactnessTest {
    private static final String[] NAMES = {"阿托伐他汀钙", "恩替卡韦", "Amlodipine", "注射用培美曲塞二钠"};
    private static final String[] FORMS = {null, "片", "分散片", "胶囊"};
    private static final String[] SPECS = {"20mg", "0.5mg", "500μg", "10mg", "100mg"};
    private static final String[] REGIONS = {null, "上海", "上海市", "Shanghai", "北京", "广东省"};
    private static final int[] COUNTS = {1, 3, 7, 14, 20, 28, 30};

    @Test
    void streamedAggregatesEqualTheRowsHeld() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<BaselinePrice> prices = new ArrayList<>();
            int n = 200 + random.nextInt(3000);
            for (int i = 0; i < n; i++) prices.add(price(random, i));
            List<Bid> bids = new ArrayList<>();
            for (String name : NAMES) for (String form : FORMS) for (String spec : SPECS) bids.add(bid(null, name, form, spec));
            for (int c = 0; c < 6; c++) bids.add(bid("P" + c, "x", null, "1mg"));
            List<BaselinePrice> shuffled = new ArrayList<>(prices);
            Collections.shuffle(shuffled, random);
            for (BaseStat stat : BaseStat.values()) {
                for (Period period : new Period[]{null, Period.parse("2017"), Period.parse("2016..2017"), Period.parse("2017-03"), Period.parse("2030")}) {
                    for (String region : new String[]{null, "上海", "Beijing", "西藏"}) {
                        BaselineIndex index = new BaselineIndex(prices, period, region, stat);
                        BaselineIndex other = new BaselineIndex(period, region, stat);
                        shuffled.forEach(other::add);
                        for (Bid bid : bids) {
                            BaselineIndex.Lookup expected = held(prices, bid, period, region, stat);
                            String what = "seed " + seed + " " + stat + " " + period + " " + region + " " + bid.key();
                            assertSame(expected, index.find(bid), what);
                            assertSame(expected, other.find(bid), what + " (shuffled)");
                        }
                    }
                }
            }
        }
    }

    private static void assertSame(BaselineIndex.Lookup expected, BaselineIndex.Lookup actual, String what) {
        assertEquals(expected.reason(), actual.reason(), what);
        assertEquals(expected.observations(), actual.observations(), what);
        if (expected.unitPrice() == null) {
            assertEquals(null, actual.unitPrice(), what);
        } else {
            assertEquals(0, expected.unitPrice().compareTo(actual.unitPrice()), what + ": " + expected.unitPrice() + " vs " + actual.unitPrice());
        }
    }

    /** The baseline of a bid from all rows held: candidates, then the period, then the region, then the statistic. */
    private static BaselineIndex.Lookup held(List<BaselinePrice> prices, Bid bid, Period period, String region, BaseStat stat) {
        ProductKey key = bid.key();
        List<BaselinePrice> candidates = key.productCode() == null ? List.of()
                : prices.stream().filter(p -> key.productCode().equals(p.key().productCode())).toList();
        if (candidates.isEmpty()) {
            candidates = prices.stream().filter(p -> {
                ProductKey k = p.key();
                boolean name = k.strength().equals(key.strength()) && (k.name().equals(key.name()) || k.name().equals(key.fullName())
                        || k.fullName().equals(key.name()) || k.fullName().equals(key.fullName()));
                return name && key.formCompatible(k);
            }).toList();
        }
        if (candidates.isEmpty()) return new BaselineIndex.Lookup(null, 0, "no baseline prices for " + bid.genericName() + " " + bid.spec());
        List<BaselinePrice> inPeriod = candidates.stream().filter(p -> period == null
                || (p.date() != null ? period.contains(p.date()) : period.overlapsYear(p.year()))).toList();
        if (inPeriod.isEmpty()) {
            TreeSet<Integer> years = new TreeSet<>();
            candidates.forEach(c -> years.add(c.effectiveYear()));
            return new BaselineIndex.Lookup(null, 0, "no baseline prices in " + period + " (found for " + years + ")");
        }
        List<BaselinePrice> rows = inPeriod.stream().filter(p -> region == null || p.region() != null && Regions.includes(p.region(), region)).toList();
        if (rows.isEmpty()) return new BaselineIndex.Lookup(null, 0, "no baseline prices in region " + region + (period == null ? "" : " in " + period));
        return switch (stat) {
            case MEAN -> new BaselineIndex.Lookup(Exact.divide(rows.stream().map(BaselinePrice::unitPrice).reduce(BigDecimal.ZERO, BigDecimal::add),
                    BigDecimal.valueOf(rows.size())), rows.size(), null);
            case MIN -> new BaselineIndex.Lookup(rows.stream().map(BaselinePrice::unitPrice).min(BigDecimal::compareTo).orElseThrow(), rows.size(), null);
            case WEIGHTED -> {
                long missing = rows.stream().filter(r -> r.quantity() == null).count();
                if (missing > 0) {
                    yield new BaselineIndex.Lookup(null, rows.size(), "weighted mean needs quantities; " + missing + " of "
                            + rows.size() + " baseline rows have none (use --base-stat mean or min)");
                }
                BigDecimal q = rows.stream().map(BaselinePrice::unitQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (q.signum() == 0) yield new BaselineIndex.Lookup(null, rows.size(), "baseline quantities add up to zero");
                BigDecimal amount = rows.stream().map(r -> r.packPrice().multiply(r.quantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
                yield new BaselineIndex.Lookup(Exact.divide(amount, q), rows.size(), null);
            }
        };
    }

    private static BaselinePrice price(Random random, int i) {
        String code = random.nextInt(4) == 0 ? "P" + random.nextInt(5) : null;
        String name = NAMES[random.nextInt(NAMES.length)];
        String form = FORMS[random.nextInt(FORMS.length)];
        if (form != null && random.nextInt(3) == 0) { // research style: the form written into the name
            name = name + form;
            form = null;
        }
        String spec = SPECS[random.nextInt(SPECS.length)];
        // Prices repeat (as in real lists) and vary in scale: 12.5 and 12.50 are the same price.
        BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(400), random.nextInt(3));
        BigDecimal quantity = random.nextInt(50) == 0 ? null : random.nextInt(30) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(1000), 1);
        boolean dated = random.nextInt(3) == 0;
        int year = 2015 + random.nextInt(4);
        LocalDate date = dated ? LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
        return new BaselinePrice(code, name, form, spec, Strength.parse(spec), "M", price, COUNTS[random.nextInt(COUNTS.length)],
                quantity, REGIONS[random.nextInt(REGIONS.length)], date, dated ? null : year, "f:" + i);
    }

    private static Bid bid(String code, String name, String form, String spec) {
        return new Bid("B", code, name, form, spec, Strength.parse(spec), 10, "M", BigDecimal.ONE, true, BigDecimal.TEN,
                null, null, null, Category.DRUG, null, null, "bids:1");
    }
}
