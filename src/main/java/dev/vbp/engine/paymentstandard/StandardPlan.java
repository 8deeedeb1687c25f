package dev.vbp.engine.paymentstandard;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.ProductKey;
import dev.vbp.domain.instruments.EvaluatedBid;
import dev.vbp.domain.instruments.PaymentStandardRules;
import dev.vbp.domain.instruments.PaymentStandardRules.Outcome;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The payment standard of every VBP generic and strength (its selected bids), and what each of its products
 * is paid on any day. A generic's standard starts on the earliest cycle start of its selected bids; year k of
 * the glide path begins k years later. On a day inside a selected bid's cycle the bids in force set the
 * standard; after every cycle has ended, the latest cycle started still does (continuation). A product code is
 * selected on a day only when one of the bids in force is its own.
 */
public final class StandardPlan {

    /** One generic and strength with its bids. */
    public static final class Group {
        final String key;
        final String generic;
        final String spec;
        final List<Bid> selected = new ArrayList<>();
        final List<EvaluatedBid> others = new ArrayList<>();
        LocalDate start;

        Group(String key, String generic, String spec) {
            this.key = key;
            this.generic = generic;
            this.spec = spec;
        }

        public String key() { return key; }
        public String generic() { return generic; }
        public String spec() { return spec; }
        public LocalDate start() { return start; }

        /** Selected bids in force on {@code day}; empty before the standard starts. */
        List<Bid> inForce(LocalDate day) {
            List<Bid> now = selected.stream().filter(b -> (b.cycleStart() == null || !day.isBefore(b.cycleStart()))
                    && (b.cycleEnd() == null || !day.isAfter(b.cycleEnd()))).toList();
            if (!now.isEmpty()) return now;
            LocalDate latest = selected.stream().map(Bid::cycleStart).filter(s -> s != null && !s.isAfter(day))
                    .max(Comparator.naturalOrder()).orElse(null);
            if (latest == null) return List.of();
            return selected.stream().filter(b -> latest.equals(b.cycleStart())).toList();
        }

        /** Year of the glide path on {@code day} (0 = the first); -1 before the standard starts. */
        int year(LocalDate day) {
            if (start == null) return 0;
            if (day.isBefore(start)) return -1;
            return java.time.Period.between(start, day).getYears();
        }
    }

    /** What one product is paid on a day, and the bid behind it. */
    public record Priced(Group group, Bid bid, boolean evaluated, BigDecimal standard, int year, Outcome outcome) {}

    private final PaymentStandardRules rules;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Group> groupOfProduct = new HashMap<>();
    /** product code → segment start days (yyyymmdd) and the product's payment per pack from that day; null payment = none */
    private final Map<String, Segments> segments = new HashMap<>();
    private final Map<Bid, Boolean> evaluation = new HashMap<>();
    private int nonSelectedWithoutStandard;
    private boolean undatedCycles;

    public record Segments(int[] from, BigDecimal[] packPayment) implements Serializable {
        /** The payment per pack on yyyymmdd {@code day}, or null before the standard starts. */
        BigDecimal at(int day) {
            int i = Arrays.binarySearch(from, day);
            if (i < 0) i = -i - 2;
            return i < 0 ? null : packPayment[i];
        }
    }

    public StandardPlan(List<EvaluatedBid> bids, PaymentStandardRules rules) {
        this.rules = rules;
        for (EvaluatedBid eb : bids) {
            Bid b = eb.bid();
            ProductKey k = b.key();
            String key = k.fullName() + "\u0000" + k.strength();
            Group g = groups.computeIfAbsent(key, x -> new Group(key, b.genericName(), b.spec()));
            if (b.selected()) g.selected.add(b);
            else g.others.add(eb);
            evaluation.put(b, eb.evaluated() == null ? rules.missingMeansEvaluated() : eb.evaluated());
        }
        groups.values().removeIf(g -> {
            if (g.selected.isEmpty()) nonSelectedWithoutStandard += g.others.size();
            return g.selected.isEmpty();
        });
        for (Group g : groups.values()) {
            g.start = g.selected.stream().map(Bid::cycleStart).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null);
            if (g.start == null) undatedCycles = true;
            for (Bid b : g.selected) if (b.productCode() != null) groupOfProduct.putIfAbsent(b.productCode(), g);
            for (EvaluatedBid o : g.others) if (o.bid().productCode() != null) groupOfProduct.putIfAbsent(o.bid().productCode(), g);
        }
        for (Map.Entry<String, Group> e : groupOfProduct.entrySet()) segments.put(e.getKey(), segments(e.getKey(), e.getValue()));
    }

    public PaymentStandardRules rules() { return rules; }

    public List<Group> groups() { return List.copyOf(groups.values()); }

    /** Non-selected bids of a generic and strength that has no selected bid: no standard to measure them by. */
    public int nonSelectedWithoutStandard() { return nonSelectedWithoutStandard; }

    /** Whether some generic's selected bids carry no cycle dates (its standard counts as in its first year). */
    public boolean undatedCycles() { return undatedCycles; }

    /** The products of a group on a day: selected bids in force, then every non-selected bid; empty before the start. */
    public List<Priced> products(Group g, LocalDate day) {
        List<Bid> now = g.inForce(day);
        int year = g.year(day);
        if (now.isEmpty() || year < 0) return List.of();
        BigDecimal standard = rules.standard(now.stream().map(Bid::unitPrice).toList());
        List<Priced> out = new ArrayList<>();
        for (Bid b : now) out.add(price(g, b, true, standard, year));
        for (EvaluatedBid o : g.others) out.add(price(g, o.bid(), false, standard, year));
        return out;
    }

    private Priced price(Group g, Bid b, boolean selected, BigDecimal standard, int year) {
        boolean evaluated = evaluation.get(b);
        return new Priced(g, b, evaluated, standard, year, rules.payment(b.unitPrice(), selected, evaluated, standard, year));
    }

    /** The payment per pack of product {@code code} on yyyymmdd {@code day}; null when unknown or before its standard. */
    public BigDecimal packPayment(String code, int day) {
        Segments s = segments.get(code);
        return s == null ? null : s.at(day);
    }

    public boolean knows(String code) {
        return segments.containsKey(code);
    }

    /** What a ledger scan needs to price a line: per product, its group and its payment per pack by day. */
    public Lookup lookup() {
        Map<String, String> groupKey = new HashMap<>();
        groupOfProduct.forEach((code, g) -> groupKey.put(code, g.key));
        return new Lookup(Map.copyOf(segments), Map.copyOf(groupKey));
    }

    /** Immutable and serialisable, so aggregates that carry it can be shipped and merged elsewhere. */
    public record Lookup(Map<String, Segments> segments, Map<String, String> groupKey) implements Serializable {
        /** The payment per pack of {@code code} on yyyymmdd {@code day}; null when unknown or before its standard. */
        public BigDecimal packPayment(String code, int day) {
            Segments s = segments.get(code);
            return s == null ? null : s.at(day);
        }
    }

    public Group groupOf(String code) {
        return groupOfProduct.get(code);
    }

    /** Every day the product's payment may change: cycle starts, the day after cycle ends, anniversaries of the start. */
    private Segments segments(String code, Group g) {
        TreeSet<LocalDate> days = new TreeSet<>();
        if (g.start == null) {
            days.add(LocalDate.of(1, 1, 1));
        } else {
            for (Bid b : g.selected) {
                if (b.cycleStart() != null) days.add(b.cycleStart());
                if (b.cycleEnd() != null) days.add(b.cycleEnd().plusDays(1));
            }
            for (int k = 1; k <= rules.glideYears(); k++) days.add(g.start.plusYears(k));
            days.removeIf(d -> d.isBefore(g.start));
        }
        int[] from = new int[days.size()];
        BigDecimal[] pay = new BigDecimal[days.size()];
        int i = 0;
        for (LocalDate d : days) {
            from[i] = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            pay[i] = packPaymentOn(code, g, d);
            i++;
        }
        return new Segments(from, pay);
    }

    private BigDecimal packPaymentOn(String code, Group g, LocalDate day) {
        List<Priced> products = products(g, day);
        Priced own = products.stream().filter(p -> code.equals(p.bid().productCode()) && p.outcome().treatment()
                == PaymentStandardRules.Treatment.SELECTED).findFirst()
                .orElse(products.stream().filter(p -> code.equals(p.bid().productCode())).findFirst().orElse(null));
        if (own == null) {
            // a product selected only in a cycle no longer in force: paid as a non-selected product at its last bid
            Bid last = g.selected.stream().filter(b -> code.equals(b.productCode()))
                    .max(Comparator.comparing(b -> b.cycleStart() == null ? LocalDate.MIN : b.cycleStart())).orElse(null);
            if (last == null || products.isEmpty()) return null;
            own = price(g, last, false, products.get(0).standard(), g.year(day));
        }
        return own.outcome().payment().multiply(BigDecimal.valueOf(own.bid().packCount()));
    }

    /** Price per minimum unit above the payment, never below zero. */
    public static BigDecimal above(BigDecimal price, BigDecimal payment) {
        return price.subtract(payment).max(BigDecimal.ZERO);
    }

    static BigDecimal unit(BigDecimal pack, int packCount) {
        return Exact.divide(pack, BigDecimal.valueOf(packCount));
    }
}
