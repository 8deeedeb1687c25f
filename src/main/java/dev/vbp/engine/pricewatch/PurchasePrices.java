package dev.vbp.engine.pricewatch;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.pricewatch.Listing;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Purchases paid above their reference, from one streaming pass over the ledgers: a selected product above its
 * bid price on a day of its cycle, and any product above the price it was listed at on the purchase day (the
 * latest listing of the product on or before that day; several regions: the highest listed price). A line's pack
 * price is its unit price, else amount / quantity; it is flagged when above the reference by more than the
 * tolerance, and what was paid above counts from the reference itself.
 *
 * <p>Only flagged institution × product pairs hold a key, with sums and the first {@value #ROWS_KEPT} lines
 * (smallest file and line, so any order of merging keeps the same ones): memory follows keys, never lines.
 * Returns (quantity ≤ 0) are not purchases and are counted apart.
 */
public final class PurchasePrices implements LedgerAggregate<PurchasePrices>, Serializable {
    private static final long serialVersionUID = 1L;
    static final int ROWS_KEPT = 3;

    /** The bids and listings lines are held against, shared (read only) by every piece of the scan. */
    public static final class References implements Serializable {
        private static final long serialVersionUID = 1L;
        /** product → selected bids: start day, end day (yyyymmdd, open ends as 0 / 99999999), pack price */
        final Map<String, List<long[]>> bidDays = new HashMap<>();
        final Map<String, List<BigDecimal>> bidPrices = new HashMap<>();
        /** product → region → days (ascending) and the pack price listed from each (null = delisted) */
        final Map<String, Map<String, Timeline>> listed = new HashMap<>();
        final BigDecimal tolerance;

        public References(List<Bid> bids, List<Listing> listings, BigDecimal tolerance) {
            this(bids, listedDays(listings), tolerance);
        }

        private static ListedDays listedDays(List<Listing> listings) {
            ListedDays days = new ListedDays();
            listings.forEach(days::add);
            return days;
        }

        /** @param listings the listings folded into days, product by product and region by region */
        public References(List<Bid> bids, ListedDays listings, BigDecimal tolerance) {
            this.tolerance = tolerance;
            for (Bid b : bids) {
                if (!b.selected() || b.productCode() == null) continue;
                bidDays.computeIfAbsent(b.productCode(), k -> new ArrayList<>()).add(new long[]{
                        b.cycleStart() == null ? 0 : day(b.cycleStart()), b.cycleEnd() == null ? 99_999_999 : day(b.cycleEnd())});
                bidPrices.computeIfAbsent(b.productCode(), k -> new ArrayList<>()).add(b.bidPrice());
            }
            listings.days.forEach((product, regions) -> {
                Map<String, Timeline> m = new HashMap<>();
                regions.forEach((region, days) -> m.put(region, Timeline.of(days)));
                listed.put(product, m);
            });
        }

        static int day(java.time.LocalDate d) {
            return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
        }

        /** The bid pack price of a selected product on a day (several in force: the highest), or null. */
        BigDecimal bid(String product, int date) {
            List<long[]> days = bidDays.get(product);
            if (days == null) return null;
            BigDecimal best = null;
            for (int i = 0; i < days.size(); i++) {
                if (date < days.get(i)[0] || date > days.get(i)[1]) continue;
                BigDecimal p = bidPrices.get(product).get(i);
                if (best == null || p.compareTo(best) > 0) best = p;
            }
            return best;
        }

        /** What the listings say of a product on a day. */
        Listed listedOn(String product, int date) {
            Map<String, Timeline> regions = listed.get(product);
            if (regions == null) return Listed.UNKNOWN;
            BigDecimal best = null;
            boolean seen = false;
            for (Timeline t : regions.values()) {
                int i = t.at(date);
                if (i < 0) continue;
                seen = true;
                BigDecimal p = t.prices[i];
                if (p != null && (best == null || p.compareTo(best) > 0)) best = p;
            }
            if (!seen) return Listed.NOT_YET;
            return best == null ? Listed.DELISTED : new Listed(Listed.State.LISTED, best);
        }
    }

    /**
     * Listings by product code, region and day, folded in one at a time (not kept): the pack price listed from
     * each day (null: delisted); a later row of the same day wins. Memory follows products, regions and days.
     */
    public static final class ListedDays {
        final Map<String, Map<String, TreeMap<Integer, BigDecimal>>> days = new HashMap<>();

        public void add(Listing l) {
            if (l.productCode() == null) return; // ledger lines name products by code only
            days.computeIfAbsent(l.productCode(), k -> new HashMap<>())
                    .computeIfAbsent(l.region() == null ? "" : dev.vbp.domain.Texts.key(l.region()), k -> new TreeMap<>())
                    .put(References.day(l.date()), l.listed() ? l.packPrice() : null);
        }
    }

    /** The listed pack price in force, or why there is none. */
    record Listed(State state, BigDecimal price) {
        enum State { UNKNOWN, NOT_YET, DELISTED, LISTED }
        static final Listed UNKNOWN = new Listed(State.UNKNOWN, null), NOT_YET = new Listed(State.NOT_YET, null),
                DELISTED = new Listed(State.DELISTED, null);
    }

    /** One region's listings of a product, by day; a later row of the same day wins. */
    static final class Timeline implements Serializable {
        private static final long serialVersionUID = 1L;
        final int[] days;
        final BigDecimal[] prices;

        private Timeline(int[] days, BigDecimal[] prices) {
            this.days = days;
            this.prices = prices;
        }

        /** @param days each day of a region's listings and the pack price listed from it (null: delisted) */
        static Timeline of(TreeMap<Integer, BigDecimal> days) {
            int[] d = new int[days.size()];
            BigDecimal[] p = new BigDecimal[days.size()];
            int i = 0;
            for (var e : days.entrySet()) {
                d[i] = e.getKey();
                p[i++] = e.getValue();
            }
            return new Timeline(d, p);
        }

        /** Index of the latest day on or before {@code date}, or -1. */
        int at(int date) {
            int i = Arrays.binarySearch(days, date);
            return i >= 0 ? i : -i - 2;
        }
    }

    /** Where a line is, ordered by file then line. */
    public record Ref(String file, long line) implements Comparable<Ref>, Serializable {
        @Override
        public int compareTo(Ref o) {
            int c = file.compareTo(o.file);
            return c != 0 ? c : Long.compare(line, o.line);
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    public record Key(PriceFlag.Kind kind, String institution, String product) implements Serializable {}

    /** The flagged lines of one institution × product × kind. */
    public static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        long lines;
        long packs; // scaled by 10^4
        BigDecimal paidAbove = BigDecimal.ZERO;
        BigDecimal highest;
        BigDecimal reference; // the highest reference met (a product's bid or listing may change over time)
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        final TreeSet<Ref> rows = new TreeSet<>();

        public long lines() { return lines; }
        public BigDecimal packs() { return BigDecimal.valueOf(packs, LedgerLine.SCALE); }
        public BigDecimal paidAbove() { return paidAbove; }
        public BigDecimal highest() { return highest; }
        public BigDecimal reference() { return reference; }
        public int first() { return first; }
        public int last() { return last; }
        public List<Ref> rows() { return List.copyOf(rows); }

        void merge(Sums o) {
            lines += o.lines;
            packs = Math.addExact(packs, o.packs);
            paidAbove = paidAbove.add(o.paidAbove);
            highest = max(highest, o.highest);
            reference = max(reference, o.reference);
            first = Math.min(first, o.first);
            last = Math.max(last, o.last);
            rows.addAll(o.rows);
            trim();
        }

        void trim() {
            while (rows.size() > ROWS_KEPT) rows.pollLast();
        }

        private static BigDecimal max(BigDecimal a, BigDecimal b) {
            if (a == null) return b;
            if (b == null) return a;
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    private final References refs;
    private final Map<Key, Sums> sums = new HashMap<>();
    long linesCheckedAgainstBid, linesCheckedAgainstListing, linesUnlisted, linesBeforeListing, linesDelisted, returns, unpriced;

    public PurchasePrices(References refs) {
        this.refs = refs;
    }

    @Override
    public void add(LedgerLine line) {
        String product = line.product();
        BigDecimal bid = refs.bid(product, line.date());
        Listed listed = refs.listedOn(product, line.date());
        if (listed == Listed.UNKNOWN) linesUnlisted++;
        else if (listed == Listed.NOT_YET) linesBeforeListing++;
        else if (listed == Listed.DELISTED) linesDelisted++;
        if (bid == null && listed.price() == null) return;
        if (line.quantity() <= 0) {
            returns++;
            return;
        }
        if (!line.hasUnitPrice() && line.amount() == 0) {
            unpriced++;
            return;
        }
        BigDecimal price = line.hasUnitPrice() ? line.unitPriceDecimal() : Exact.divide(line.amountDecimal(), line.quantityDecimal());
        if (bid != null) {
            linesCheckedAgainstBid++;
            check(PriceFlag.Kind.ABOVE_BID, line, price, bid);
        }
        if (listed.price() != null) {
            linesCheckedAgainstListing++;
            check(PriceFlag.Kind.ABOVE_LISTED, line, price, listed.price());
        }
    }

    private void check(PriceFlag.Kind kind, LedgerLine line, BigDecimal price, BigDecimal reference) {
        if (price.compareTo(reference.add(refs.tolerance)) <= 0) return;
        Sums s = sums.computeIfAbsent(new Key(kind, line.institution(), line.product()), k -> new Sums());
        s.lines++;
        s.packs = Math.addExact(s.packs, line.quantity());
        s.paidAbove = s.paidAbove.add(price.subtract(reference).multiply(line.quantityDecimal()));
        s.highest = Sums.max(s.highest, price);
        s.reference = Sums.max(s.reference, reference);
        s.first = Math.min(s.first, line.date());
        s.last = Math.max(s.last, line.date());
        s.rows.add(new Ref(line.file().toString(), line.line()));
        s.trim();
    }

    @Override
    public PurchasePrices merge(PurchasePrices o) {
        o.sums.forEach((k, v) -> sums.computeIfAbsent(k, x -> new Sums()).merge(v));
        linesCheckedAgainstBid += o.linesCheckedAgainstBid;
        linesCheckedAgainstListing += o.linesCheckedAgainstListing;
        linesUnlisted += o.linesUnlisted;
        linesBeforeListing += o.linesBeforeListing;
        linesDelisted += o.linesDelisted;
        returns += o.returns;
        unpriced += o.unpriced;
        return this;
    }

    public Map<Key, Sums> sums() { return sums; }
    public long linesCheckedAgainstBid() { return linesCheckedAgainstBid; }
    public long linesCheckedAgainstListing() { return linesCheckedAgainstListing; }
    /** Lines of products the listings do not name (by code). */
    public long linesUnlisted() { return linesUnlisted; }
    public long linesBeforeListing() { return linesBeforeListing; }
    /** Lines bought on a day their product was delisted (撤网) in every region listed. */
    public long linesDelisted() { return linesDelisted; }
    public long returns() { return returns; }
    public long unpriced() { return unpriced; }
}
