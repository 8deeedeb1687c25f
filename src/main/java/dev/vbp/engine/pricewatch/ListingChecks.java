package dev.vbp.engine.pricewatch;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.pricewatch.Listing;
import dev.vbp.domain.instruments.PriceWatchRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks of listed prices alone (held in memory: a listings file has a row per product, region and change,
 * not per purchase): rises between consecutive periods of one series (product and region), and listed prices
 * above k × the selected unit price of the same generic and strength on the listing's day.
 */
public final class ListingChecks {

    /** What was looked at, beside the flags, so a reader sees what did not flag. */
    public record Counts(int listings, int delistings, int series, int comparisons, int checkedAgainstSelected,
                         int withoutSelected) {}

    private final List<PriceFlag> flags = new ArrayList<>();
    private final Counts counts;

    public ListingChecks(List<Listing> listings, List<Bid> bids, PriceWatchRules rules) {
        Map<String, List<Listing>> series = new LinkedHashMap<>();
        int delistings = 0;
        for (Listing l : listings) {
            if (!l.listed()) {
                delistings++;
                continue;
            }
            series.computeIfAbsent(l.seriesKey(), k -> new ArrayList<>()).add(l);
        }
        int comparisons = 0;
        BigDecimal allowedRise = BigDecimal.ONE.add(rules.riseThreshold());
        for (List<Listing> rows : series.values()) {
            TreeMap<String, List<Listing>> byPeriod = new TreeMap<>();
            rows.stream().sorted(Comparator.comparing(Listing::date))
                    .forEach(l -> byPeriod.computeIfAbsent(rules.period().of(l.date()), k -> new ArrayList<>()).add(l));
            Map.Entry<String, List<Listing>> previous = null;
            for (Map.Entry<String, List<Listing>> e : byPeriod.entrySet()) {
                if (previous != null) {
                    comparisons++;
                    BigDecimal before = mean(previous.getValue()), now = mean(e.getValue());
                    if (before.signum() > 0 && Exact.divide(now, before).compareTo(allowedRise) > 0) {
                        Listing l = e.getValue().get(0);
                        List<String> where = new ArrayList<>();
                        previous.getValue().forEach(x -> where.add(x.where()));
                        e.getValue().forEach(x -> where.add(x.where()));
                        flags.add(new PriceFlag(PriceFlag.Kind.RISE, l.genericName(), l.spec(), l.productCode(), l.manufacturer(),
                                l.region(), null, previous.getKey(), e.getKey(), now, before, allowedRise, null, null, null, where));
                    }
                }
                previous = e;
            }
        }

        SelectedPrices selected = new SelectedPrices(bids);
        int checked = 0, without = 0;
        for (List<Listing> rows : series.values()) {
            for (Listing l : rows) {
                BigDecimal reference = selected.reference(l, rules.reference());
                if (reference == null) {
                    without++;
                    continue;
                }
                checked++;
                BigDecimal limit = reference.multiply(rules.maxMultiple());
                if (l.unitPrice().compareTo(limit) > 0) {
                    Bid named = selected.anyBid(l);
                    flags.add(new PriceFlag(PriceFlag.Kind.ABOVE_SELECTED, l.genericName() != null ? l.genericName() : named.genericName(),
                            l.spec() != null ? l.spec() : named.spec(), l.productCode(), l.manufacturer(), l.region(), null,
                            l.date().toString(), l.date().toString(), l.unitPrice(), reference, rules.maxMultiple(), null, null, null,
                            List.of(l.where())));
                }
            }
        }
        counts = new Counts(listings.size() - delistings, delistings, series.size(), comparisons, checked, without);
    }

    public List<PriceFlag> flags() { return flags; }

    public Counts counts() { return counts; }

    private static BigDecimal mean(List<Listing> rows) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Listing l : rows) sum = sum.add(l.unitPrice());
        return Exact.divide(sum, BigDecimal.valueOf(rows.size()));
    }

    /** Selected unit prices per generic and strength, with their cycles; a listing finds its group by name or by code. */
    static final class SelectedPrices {
        private final Map<String, List<Bid>> selectedByGroup = new HashMap<>();
        private final Map<String, Bid> anyByCode = new HashMap<>();

        SelectedPrices(List<Bid> bids) {
            for (Bid b : bids) {
                if (b.productCode() != null) anyByCode.putIfAbsent(b.productCode(), b);
                if (b.selected()) selectedByGroup.computeIfAbsent(group(b), k -> new ArrayList<>()).add(b);
            }
        }

        static String group(Bid b) {
            return b.key().fullName() + "\u0000" + b.key().strength();
        }

        private String group(Listing l) {
            if (l.genericName() != null && l.strength() != null) return l.key().fullName() + "\u0000" + l.key().strength();
            Bid b = l.productCode() == null ? null : anyByCode.get(l.productCode());
            return b == null ? null : group(b);
        }

        Bid anyBid(Listing l) {
            String g = group(l);
            List<Bid> s = g == null ? null : selectedByGroup.get(g);
            return s == null || s.isEmpty() ? null : s.get(0);
        }

        /** The selected unit price the listing is held against on its day, or null when no selected bid is in force. */
        BigDecimal reference(Listing l, PriceWatchRules.Reference how) {
            String g = group(l);
            if (g == null) return null;
            LocalDate day = l.date();
            BigDecimal ref = null;
            for (Bid b : selectedByGroup.getOrDefault(g, List.of())) {
                if (b.cycleStart() != null && day.isBefore(b.cycleStart())) continue;
                if (b.cycleEnd() != null && day.isAfter(b.cycleEnd())) continue;
                BigDecimal u = b.unitPrice();
                if (ref == null || (how == PriceWatchRules.Reference.HIGHEST ? u.compareTo(ref) > 0 : u.compareTo(ref) < 0)) ref = u;
            }
            return ref;
        }
    }
}
