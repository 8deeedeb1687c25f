package dev.vbp.engine.retention;

import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Purchases per institution, product and day, from one streaming pass over the ledgers, for the products the
 * analysis knows (their pack counts come from the bids). Days are kept so any settlement period can be asked
 * for afterwards; memory grows with institutions × products × days, never with lines. The first few line
 * numbers of each institution × product are kept, so an explanation can point at its sources.
 */
public final class DailyPurchases implements LedgerAggregate<DailyPurchases> {
    static final int KEEP_LINES = 3;

    private final Set<String> products;
    /** institution → product → yyyymmdd → {packs, amount, lines}, quantities scaled by 10^4 */
    private final Map<String, Map<String, TreeMap<Integer, long[]>>> sums = new HashMap<>();
    private final Map<String, List<String>> firstLines = new HashMap<>();
    private long unknownProductLines;

    public DailyPurchases(Set<String> products) {
        this.products = products;
    }

    @Override
    public void add(LedgerLine line) {
        if (!products.contains(line.product())) {
            unknownProductLines++;
            return;
        }
        long[] s = sums.computeIfAbsent(line.institution(), k -> new HashMap<>())
                .computeIfAbsent(line.product(), k -> new TreeMap<>())
                .computeIfAbsent(line.date(), k -> new long[3]);
        s[0] += line.quantity();
        s[1] += line.amount();
        s[2]++;
        List<String> refs = firstLines.computeIfAbsent(line.institution() + "\u0000" + line.product(), k -> new ArrayList<>(KEEP_LINES));
        if (refs.size() < KEEP_LINES) refs.add(where(line.file(), line.line()));
    }

    @Override
    public DailyPurchases merge(DailyPurchases other) {
        other.sums.forEach((inst, byProduct) -> byProduct.forEach((product, days) -> {
            TreeMap<Integer, long[]> mine = sums.computeIfAbsent(inst, k -> new HashMap<>()).computeIfAbsent(product, k -> new TreeMap<>());
            days.forEach((day, s) -> {
                long[] m = mine.computeIfAbsent(day, k -> new long[3]);
                for (int i = 0; i < 3; i++) m[i] += s[i];
            });
        }));
        other.firstLines.forEach((k, refs) -> {
            List<String> mine = firstLines.computeIfAbsent(k, x -> new ArrayList<>(KEEP_LINES));
            for (String r : refs) if (mine.size() < KEEP_LINES) mine.add(r);
        });
        unknownProductLines += other.unknownProductLines;
        return this;
    }

    /** {packs, amount, lines} of one institution × product over [from, to] (nulls: open ends). */
    long[] total(String institution, String product, LocalDate from, LocalDate to) {
        TreeMap<Integer, long[]> days = sums.getOrDefault(institution, Map.of()).get(product);
        long[] t = new long[3];
        if (days == null) return t;
        int lo = from == null ? Integer.MIN_VALUE : ymd(from), hi = to == null ? Integer.MAX_VALUE : ymd(to);
        for (long[] s : days.subMap(lo, true, hi, true).values()) {
            for (int i = 0; i < 3; i++) t[i] += s[i];
        }
        return t;
    }

    List<String> firstLines(String institution, String product) {
        return firstLines.getOrDefault(institution + "\u0000" + product, List.of());
    }

    public long unknownProductLines() {
        return unknownProductLines;
    }

    static BigDecimal decimal(long scaled) {
        return BigDecimal.valueOf(scaled, LedgerLine.SCALE);
    }

    private static int ymd(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static String where(Path file, long line) {
        return file + ":" + line;
    }
}
