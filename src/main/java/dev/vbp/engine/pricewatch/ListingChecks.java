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
 * The checks of listed prices alone: rises between consecutive periods of one series (product and region), and
 * listed prices above k × the selected unit price of the same generic and strength on the listing's day.
 *
 * <p>Listings are {@link #add added} one at a time and not kept: each is folded into its series' period (rows,
 * Σ unit price, the first row by day), so memory follows series and periods, not rows (a baseline of millions of
 * dated rows serves as listings). A rise names every row of both its periods: the first pass notes each row's
 * day and place in a few bytes while the rows are at most {@value #PLACES_NOTED}; beyond that they are gathered
 * by a second pass over the same rows ({@link #rowsWanted}, {@link #collect}) for the flagged periods alone. Then
 * {@link #finish} makes the flags. Flags are in the order of a whole read: rises by series (in the order their
 * first rows came) and period, then prices above the selected one by series and row.
 */
public final class ListingChecks {

    /** What was looked at, beside the flags, so a reader sees what did not flag. */
    public record Counts(int listings, int delistings, int series, int comparisons, int checkedAgainstSelected,
                         int withoutSelected) {}

    /** The listed rows of one series in one period. */
    private static final class PeriodSums {
        long rows;
        /** Σ unit price, counted per (pack price, pack count) and each pair divided once: the same exact sum. */
        private BigDecimal unitPrices = BigDecimal.ZERO;
        private final Map<Pack, long[]> pending = new HashMap<>();
        /** The earliest row by day (the first in file order among equals): it names a rise. */
        Listing first;
        /** A rise's rows, gathered by the second pass: day, place in file order, where. */
        List<Object[]> where;
        /** The rows' days and places ({@link Places}), noted in the first pass while the rows are few. */
        int[] days = new int[4];
        long[] places = new long[4];
        int noted;

        void note(int day, long place) {
            if (noted == days.length) {
                days = java.util.Arrays.copyOf(days, noted * 2);
                places = java.util.Arrays.copyOf(places, noted * 2);
            }
            days[noted] = day;
            places[noted++] = place;
        }

        void forget() {
            days = null;
            places = null;
            noted = 0;
        }

        void add(Listing l) {
            rows++;
            pending.computeIfAbsent(new Pack(l.packPrice(), l.packCount()), k -> new long[1])[0]++;
            if (pending.size() >= MAX_PENDING) unitPrices();
            if (first == null || l.date().isBefore(first.date())) first = l;
        }

        BigDecimal unitPrices() {
            for (var e : pending.entrySet()) {
                BigDecimal unit = Exact.divide(e.getKey().price(), BigDecimal.valueOf(e.getKey().count()));
                unitPrices = unitPrices.add(unit.multiply(BigDecimal.valueOf(e.getValue()[0])));
            }
            pending.clear();
            return unitPrices;
        }

        BigDecimal mean() {
            return Exact.divide(unitPrices(), BigDecimal.valueOf(rows));
        }

        /** The noted rows as the second pass would gather them. */
        void fromNoted(Places names) {
            where = new ArrayList<>(noted);
            for (int i = 0; i < noted; i++) where.add(new Object[]{LocalDate.ofEpochDay(days[i]), (long) i, names.where(places[i])});
        }

        List<String> places() {
            where.sort(Comparator.comparing((Object[] w) -> (LocalDate) w[0]).thenComparing(w -> (Long) w[1]));
            return where.stream().map(w -> (String) w[2]).toList();
        }

        private static final int MAX_PENDING = 1 << 10;

        private record Pack(BigDecimal price, int count) {}
    }

    /** One series: its periods in order, and its place among the series. */
    private static final class Series {
        final int ordinal;
        final TreeMap<String, PeriodSums> periods = new TreeMap<>();

        Series(int ordinal) { this.ordinal = ordinal; }
    }

    /**
     * Rows' places ({@code file:line}) as numbers: the file's index among the files met and the line, so the first
     * pass can note every listed row's place in a few bytes while the rows are at most {@link #PLACES_NOTED}; a
     * rise then needs no second pass.
     */
    static final class Places {
        private final List<String> files = new ArrayList<>();
        private String lastFile;
        private int lastIndex = -1;

        /** The place of {@code where} ({@code source:line}), or -1 when it is not of that form. */
        long of(String where) {
            int colon = where.lastIndexOf(':');
            if (colon < 0 || colon == where.length() - 1 || where.length() - colon > 16) return -1;
            for (int i = colon + 1; i < where.length(); i++) if (where.charAt(i) < '0' || where.charAt(i) > '9') return -1;
            if (where.charAt(colon + 1) == '0' && colon + 2 < where.length()) return -1; // written back without the zeros
            if (lastFile == null || colon != lastFile.length() || !where.startsWith(lastFile)) {
                lastFile = where.substring(0, colon);
                lastIndex = files.indexOf(lastFile);
                if (lastIndex < 0) {
                    files.add(lastFile);
                    lastIndex = files.size() - 1;
                }
            }
            if (lastIndex >= 1 << 16) return -1;
            return (long) lastIndex << 47 | Long.parseLong(where, colon + 1, where.length(), 10);
        }

        String where(long place) {
            return files.get((int) (place >>> 47)) + ":" + (place & ((1L << 47) - 1));
        }
    }

    /** Listed rows whose places the first pass notes; beyond them a rise's rows are gathered by a second pass. */
    static final int PLACES_NOTED = 1 << 20;

    /** A rise found by {@link #rowsWanted}: its series and periods, made a flag once the rows are in. */
    private record Rise(Series series, String before, String after, BigDecimal now, BigDecimal then) {}

    private final PriceWatchRules rules;
    private final SelectedPrices selected;
    private final Map<String, Series> series = new LinkedHashMap<>();
    /** Listings flagged above the selected price, with their series' ordinal (they are listed by series). */
    private final List<Map.Entry<Integer, PriceFlag>> aboveSelected = new ArrayList<>();
    /** product code → generic name, spec and manufacturer of its first listing naming the generic */
    private final Map<String, String[]> names = new HashMap<>();
    private List<Rise> rises;
    private final List<PriceFlag> flags = new ArrayList<>();
    private Counts counts;
    private int listings, delistings, checked, without;
    private long place;
    private final Places placeNames = new Places();
    /** Places noted in the first pass, or -1 once they were too many (or one was not a file and line): then forgotten. */
    private long noted;
    private final int placesNoted;

    /** Empty checks; {@link #add} the listings, then {@link #rowsWanted}, {@link #collect} and {@link #finish}. */
    public ListingChecks(List<Bid> bids, PriceWatchRules rules) {
        this(bids, rules, PLACES_NOTED);
    }

    /** @param placesNoted listed rows whose places the first pass notes (fewer: a test of the second pass) */
    ListingChecks(List<Bid> bids, PriceWatchRules rules, int placesNoted) {
        this.rules = rules;
        this.selected = new SelectedPrices(bids);
        this.placesNoted = placesNoted;
    }

    /** The checks of listings held whole: the two passes over the same list. */
    public ListingChecks(List<Listing> listings, List<Bid> bids, PriceWatchRules rules) {
        this(bids, rules);
        listings.forEach(this::add);
        if (rowsWanted()) listings.forEach(this::collect);
        finish();
    }

    /** Folds one listing (or delisting) in: its series' period, and its check against the selected price. */
    public void add(Listing l) {
        listings++;
        if (l.productCode() != null && l.genericName() != null) {
            names.putIfAbsent(l.productCode(), new String[]{l.genericName(), l.spec(), l.manufacturer()});
        }
        if (!l.listed()) {
            delistings++;
            return;
        }
        Series s = series.computeIfAbsent(l.seriesKey(), k -> new Series(series.size()));
        PeriodSums period = s.periods.computeIfAbsent(rules.period().of(l.date()), k -> new PeriodSums());
        period.add(l);
        if (noted >= 0) {
            long at = noted < placesNoted ? placeNames.of(l.where()) : -1;
            if (at < 0) {
                noted = -1;
                series.values().forEach(x -> x.periods.values().forEach(PeriodSums::forget));
            } else {
                period.note((int) l.date().toEpochDay(), at);
                noted++;
            }
        }
        BigDecimal reference = selected.reference(l, rules.reference());
        if (reference == null) {
            without++;
            return;
        }
        checked++;
        BigDecimal limit = reference.multiply(rules.maxMultiple());
        if (l.unitPrice().compareTo(limit) > 0) {
            Bid named = selected.anyBid(l);
            aboveSelected.add(Map.entry(s.ordinal, new PriceFlag(PriceFlag.Kind.ABOVE_SELECTED,
                    l.genericName() != null ? l.genericName() : named.genericName(),
                    l.spec() != null ? l.spec() : named.spec(), l.productCode(), l.manufacturer(), l.region(), null,
                    l.date().toString(), l.date().toString(), l.unitPrice(), reference, rules.maxMultiple(), null, null, null,
                    List.of(l.where()))));
        }
    }

    /**
     * Compares each series' consecutive periods, once every listing is in; true when some rose beyond the
     * threshold, whose rows must then be {@link #collect collected} by a second pass over the same listings.
     */
    public boolean rowsWanted() {
        rises = new ArrayList<>();
        BigDecimal allowedRise = BigDecimal.ONE.add(rules.riseThreshold());
        int comparisons = 0;
        for (Series s : series.values()) {
            Map.Entry<String, PeriodSums> previous = null;
            for (Map.Entry<String, PeriodSums> e : s.periods.entrySet()) {
                if (previous != null) {
                    comparisons++;
                    BigDecimal before = previous.getValue().mean(), now = e.getValue().mean();
                    if (before.signum() > 0 && Exact.divide(now, before).compareTo(allowedRise) > 0) {
                        rises.add(new Rise(s, previous.getKey(), e.getKey(), now, before));
                        if (previous.getValue().where == null) previous.getValue().where = new ArrayList<>();
                        if (e.getValue().where == null) e.getValue().where = new ArrayList<>();
                    }
                }
                previous = e;
            }
        }
        counts = new Counts(listings - delistings, delistings, series.size(), comparisons, checked, without);
        if (noted >= 0) {
            // every listed row's place was noted: the rows of a rise are at hand
            for (Series s : series.values()) {
                for (PeriodSums p : s.periods.values()) {
                    if (p.where != null) p.fromNoted(placeNames);
                    p.forget();
                }
            }
            return false;
        }
        return !rises.isEmpty();
    }

    /** The second pass: the same listings in the same order; the rows of the periods that rose are noted. */
    public void collect(Listing l) {
        if (!l.listed()) return;
        Series s = series.get(l.seriesKey());
        PeriodSums p = s == null ? null : s.periods.get(rules.period().of(l.date()));
        if (p != null && p.where != null) p.where.add(new Object[]{l.date(), place, l.where()});
        place++;
    }

    /** Makes the flags, after {@link #rowsWanted} (and {@link #collect} when it said so). */
    public void finish() {
        BigDecimal allowedRise = BigDecimal.ONE.add(rules.riseThreshold());
        for (Rise r : rises) {
            PeriodSums before = r.series().periods.get(r.before()), after = r.series().periods.get(r.after());
            Listing l = after.first;
            List<String> where = new ArrayList<>(before.places());
            where.addAll(after.places());
            flags.add(new PriceFlag(PriceFlag.Kind.RISE, l.genericName(), l.spec(), l.productCode(), l.manufacturer(),
                    l.region(), null, r.before(), r.after(), r.now(), r.then(), allowedRise, null, null, null, where));
        }
        aboveSelected.sort(Map.Entry.comparingByKey()); // stable: file order within a series
        aboveSelected.forEach(e -> flags.add(e.getValue()));
    }

    public List<PriceFlag> flags() { return flags; }

    public Counts counts() { return counts; }

    /** Generic name, spec and manufacturer of the first listing of a product code that names its generic, or null. */
    String[] names(String productCode) { return names.get(productCode); }

    Map<String, String[]> names() { return names; }

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
