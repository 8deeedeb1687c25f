package dev.vbp.engine.retention;

import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;
import dev.vbp.engine.ledger.LineNumbers;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Purchases per institution, product and day, from one streaming pass over the ledgers, for the products the
 * analysis knows (their pack counts come from the bids). Days are kept so any settlement year can be asked for
 * afterwards, and so purchases can be taken in date order against a cap; memory grows with institutions ×
 * products × days, never with lines.
 *
 * <p>Each day keeps the {@link #KEEP_LINES} smallest line references by (file, offset): a set that does not
 * depend on how the input was split or in which order partial results are merged, so {@link #merge} is
 * associative and commutative, and the aggregate is {@link Serializable} for engines that ship it between
 * machines. A reference holds where its piece of the file started and the newlines since, not the line
 * number: a piece in the middle of a file would have to read everything before it to know that, so the
 * number is made from the scan's {@link LineNumbers} when the report asks ({@link #lineRefs}). The first and last purchase dates of every accepted line (known product or not) tell how far the
 * ledger reaches.
 */
public final class DailyPurchases implements LedgerAggregate<DailyPurchases>, Serializable {
    private static final long serialVersionUID = 1L;
    static final int KEEP_LINES = 3;

    /** One institution × product × day: quantities scaled by 10^4, and its first line references. */
    static final class Day implements Serializable {
        private static final long serialVersionUID = 1L;
        long packs, amount, lines;
        Ref[] refs = new Ref[0];

        void keep(Ref r) {
            refs = smallest(refs, new Ref[]{r});
        }

        void add(Day o) {
            packs += o.packs;
            amount += o.amount;
            lines += o.lines;
            refs = smallest(refs, o.refs);
        }

        /** Whether a line at (file, offset) would be among the kept references; asked before its line number is. */
        boolean wouldKeep(String file, long offset) {
            if (refs.length < KEEP_LINES) return true;
            Ref last = refs[refs.length - 1];
            int c = file.compareTo(last.file());
            return c < 0 || c == 0 && offset < last.offset();
        }

        private static Ref[] smallest(Ref[] a, Ref[] b) {
            Ref[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            Arrays.sort(all);
            return Arrays.stream(all).distinct().limit(KEEP_LINES).toArray(Ref[]::new);
        }
    }

    /**
     * A kept line: its file, byte offset, and the newlines between {@code anchor} and it
     * ({@link LedgerLine#lineAnchor()}). Ordered by (file, offset), the order of lines in the input.
     */
    record Ref(String file, long offset, long anchor, long newlines) implements Comparable<Ref>, Serializable {
        private static final Comparator<Ref> ORDER = Comparator.comparing(Ref::file).thenComparingLong(Ref::offset);

        @Override
        public int compareTo(Ref o) {
            return ORDER.compare(this, o);
        }

        LineRef resolve(LineNumbers numbers) {
            return new LineRef(file, offset, numbers.line(file, anchor, newlines));
        }
    }

    /** A day's kept line references with their line numbers, from the {@code numbers} of the scan that filled this. */
    static List<LineRef> lineRefs(Day d, LineNumbers numbers) {
        return Arrays.stream(d.refs).map(r -> r.resolve(numbers)).toList();
    }

    private final Set<String> products;
    /** institution → product → yyyymmdd → day */
    private final Map<String, Map<String, TreeMap<Integer, Day>>> sums = new HashMap<>();
    private long unknownProductLines;
    private int firstDate = Integer.MAX_VALUE, lastDate = Integer.MIN_VALUE;

    public DailyPurchases(Set<String> products) {
        this.products = new HashSet<>(products);
    }

    @Override
    public void add(LedgerLine line) {
        firstDate = Math.min(firstDate, line.date());
        lastDate = Math.max(lastDate, line.date());
        if (!products.contains(line.product())) {
            unknownProductLines++;
            return;
        }
        Day d = sums.computeIfAbsent(line.institution(), k -> new HashMap<>())
                .computeIfAbsent(line.product(), k -> new TreeMap<>())
                .computeIfAbsent(line.date(), k -> new Day());
        d.packs += line.quantity();
        d.amount += line.amount();
        d.lines++;
        String file = line.file().toString();
        if (d.wouldKeep(file, line.offset())) d.keep(new Ref(file, line.offset(), line.lineAnchor(), line.newlinesSinceAnchor()));
    }

    @Override
    public DailyPurchases merge(DailyPurchases other) {
        other.sums.forEach((inst, byProduct) -> byProduct.forEach((product, days) -> {
            TreeMap<Integer, Day> mine = sums.computeIfAbsent(inst, k -> new HashMap<>()).computeIfAbsent(product, k -> new TreeMap<>());
            days.forEach((day, d) -> mine.computeIfAbsent(day, k -> new Day()).add(d));
        }));
        unknownProductLines += other.unknownProductLines;
        firstDate = Math.min(firstDate, other.firstDate);
        lastDate = Math.max(lastDate, other.lastDate);
        return this;
    }

    /** The days (yyyymmdd) in [from, to] on which {@code institution} bought {@code product}, in date order. */
    NavigableMap<Integer, Day> days(String institution, String product, int from, int to) {
        TreeMap<Integer, Day> days = sums.getOrDefault(institution, Map.of()).get(product);
        return days == null ? new TreeMap<>() : days.subMap(from, true, to, true);
    }

    public long unknownProductLines() {
        return unknownProductLines;
    }

    /** The first purchase date of any accepted line as yyyymmdd, or null when there was none. */
    public Integer firstDate() {
        return firstDate == Integer.MAX_VALUE ? null : firstDate;
    }

    public Integer lastDate() {
        return lastDate == Integer.MIN_VALUE ? null : lastDate;
    }

    static BigDecimal decimal(long scaled) {
        return BigDecimal.valueOf(scaled, LedgerLine.SCALE);
    }
}
