package dev.vbp.engine.retention;

import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.engine.ledger.LedgerSplits;
import dev.vbp.engine.ledger.LedgerStorage;
import dev.vbp.engine.ledger.LineNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random ledgers: however the files are cut into chunks, in whatever order partial aggregates are
 * merged, and after a round trip through Java serialization, the daily sums and the kept line references
 * (the smallest by file and offset, with their physical line numbers) are the same.
 */
class DailyPurchasesMergeTest {
    @TempDir Path dir;

    static final Set<String> PRODUCTS = Set.of("P0", "P1", "P2", "P3");

    private Path ledger(String name, Random r, int lines) throws Exception {
        StringBuilder b = new StringBuilder("date,institution_code,product_code,quantity,amount,channel\n");
        for (int i = 0; i < lines; i++) {
            int q = r.nextInt(40) - 5;
            b.append(String.format("2019-%02d-%02d", 1 + r.nextInt(2), 1 + r.nextInt(3))).append(",H").append(r.nextInt(3))
                    .append(",P").append(r.nextInt(5)).append(',').append(q).append(',').append(q * 3).append(".25,online\n");
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    /** The sums and the kept references with their line numbers, from the {@code numbers} of the scans that filled {@code d}. */
    static String dump(DailyPurchases d, LineNumbers numbers) {
        StringBuilder s = new StringBuilder();
        for (String h : new String[]{"H0", "H1", "H2"}) {
            for (String p : new String[]{"P0", "P1", "P2", "P3", "P4"}) {
                d.days(h, p, 0, 99_999_999).forEach((day, x) -> s.append(h).append(' ').append(p).append(' ').append(day)
                        .append(' ').append(x.packs).append(' ').append(x.amount).append(' ').append(x.lines).append(' ')
                        .append(DailyPurchases.lineRefs(x, numbers)).append('\n'));
            }
        }
        return s.append("unknown ").append(d.unknownProductLines()).append(" dates ").append(d.firstDate()).append("..")
                .append(d.lastDate()).toString();
    }

    /** The line numbers of every scan of this test so far (the newlines before an offset are the same whatever the cut). */
    private LineNumbers numbers = LineNumbers.FROM_TOP;

    private DailyPurchases scan(Path file, int threads, long chunk) {
        LedgerScan s = LedgerScan.of(file).threads(threads);
        if (chunk > 0) s.chunkBytes(chunk);
        LedgerResult<DailyPurchases> r = s.run(() -> new DailyPurchases(PRODUCTS));
        numbers = numbers.with(r.lineNumbers());
        return r.aggregate();
    }

    private String dumped(DailyPurchases d) {
        return dump(d, numbers);
    }

    @Test
    void sameResultHoweverCutOrMerged() throws Exception {
        Random r = new Random(20261201);
        Path a = ledger("a.csv", r, 400), b = ledger("b.csv", r, 300);
        String whole = dumped(scan(a, 1, 0).merge(scan(b, 1, 0)));
        for (long chunk : new long[]{97, 331, 1024, 4099}) {
            for (int threads = 1; threads <= 3; threads++) {
                assertEquals(whole, dumped(scan(a, threads, chunk).merge(scan(b, threads, chunk))), "chunk " + chunk + " threads " + threads);
                assertEquals(whole, dumped(scan(b, threads, chunk).merge(scan(a, threads, chunk))), "b before a, chunk " + chunk);
            }
        }
        // Associativity over three parts, in two groupings and orders.
        Path c = ledger("c.csv", r, 200);
        String three = dumped(scan(a, 1, 0).merge(scan(b, 1, 0)).merge(scan(c, 1, 0)));
        assertEquals(three, dumped(scan(c, 1, 0).merge(scan(a, 1, 0).merge(scan(b, 1, 0)))));
        assertEquals(three, dumped(scan(b, 2, 211).merge(scan(c, 1, 0).merge(scan(a, 3, 101)))));
    }

    /** Local files read as streams, as a cluster's file system hands them out, counting where each was opened. */
    static final class CountingStorage implements LedgerStorage {
        final List<Long> opens = new ArrayList<>();

        @Override
        public InputStream open(Path file, long position) throws IOException {
            opens.add(position);
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(position);
            return in;
        }

        @Override
        public long size(Path file) throws IOException {
            return Files.size(file);
        }
    }

    /**
     * On a cluster every split of a file fills its own aggregate. The line numbers of the kept references
     * come from the splits' own newline counts after the scan: no split reads the file before its start (a
     * split that counted the newlines before it from the top would make k splits read the file about k/2
     * times over), and every number is the line's physical line, counted here from the bytes.
     */
    @Test
    void onSplitsLineNumbersCostNoReadingBeforeEachSplit() throws Exception {
        Random r = new Random(20261202);
        StringBuilder b = new StringBuilder("date,institution_code,product_code,quantity,amount,channel,note\n");
        for (int i = 0; i < 3000; i++) {
            int q = 1 + r.nextInt(40);
            b.append(String.format("2019-%02d-%02d", 1 + r.nextInt(2), 1 + r.nextInt(28))).append(",H").append(r.nextInt(3))
                    .append(",P").append(r.nextInt(5)).append(',').append(q).append(',').append(q * 3).append(".25,online,")
                    .append(i % 7 == 0 ? "\"two\nlines\"" : "-").append('\n');
        }
        Path file = Files.writeString(dir.resolve("big.csv"), b.toString());
        byte[] bytes = Files.readAllBytes(file);

        CountingStorage storage = new CountingStorage();
        LedgerSplits plan = LedgerScan.of(file).splits(List.of(file), storage, 1024);
        List<LedgerSplits.Summary> summaries = new ArrayList<>();
        List<DailyPurchases> partials = new ArrayList<>();
        for (LedgerSplits.Split s : plan.splits()) {
            LedgerSplits.SplitResult<DailyPurchases> res = plan.scan(s, new DailyPurchases(PRODUCTS), storage);
            summaries.add(res.summary());
            partials.add(res.aggregate());
        }
        List<LedgerSplits.Rescan> again;
        while (!(again = plan.misaligned(summaries)).isEmpty()) {
            for (LedgerSplits.Rescan a : again) {
                LedgerSplits.SplitResult<DailyPurchases> res = plan.rescan(a, new DailyPurchases(PRODUCTS), storage);
                summaries.set(a.index(), res.summary());
                partials.set(a.index(), res.aggregate());
            }
        }
        DailyPurchases total = partials.get(partials.size() - 1);
        for (int i = partials.size() - 2; i >= 0; i--) total = total.merge(partials.get(i)); // last first: order is free
        LedgerResult<DailyPurchases> result = plan.result(total, summaries);

        int splits = plan.splits().size();
        assertTrue(splits > 100, "splits: " + splits);
        long fromTheTop = storage.opens.stream().filter(p -> p == 0).count();
        assertTrue(fromTheTop <= 2, "the header and the first split read from byte 0, no other split: " + fromTheTop);
        assertTrue(storage.opens.size() <= 1 + 2 * splits, "opens: " + storage.opens.size() + " for " + splits + " splits");

        LedgerResult<DailyPurchases> local = LedgerScan.of(file).threads(1).run(() -> new DailyPurchases(PRODUCTS));
        assertEquals(dump(local.aggregate(), local.lineNumbers()), dump(result.aggregate(), result.lineNumbers()));
        int checked = 0;
        for (String h : new String[]{"H0", "H1", "H2"}) {
            for (String p : new String[]{"P0", "P1", "P2", "P3"}) {
                for (DailyPurchases.Day d : result.aggregate().days(h, p, 0, 99_999_999).values()) {
                    for (LineRef ref : DailyPurchases.lineRefs(d, result.lineNumbers())) {
                        long newlines = 0;
                        for (int i = 0; i < ref.offset(); i++) if (bytes[i] == '\n') newlines++;
                        assertEquals(newlines + 1, ref.line(), ref + " at byte " + ref.offset());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 500, "references checked: " + checked);
    }

    @Test
    void survivesSerialization() throws Exception {
        Path a = ledger("a.csv", new Random(7), 300);
        DailyPurchases d = scan(a, 2, 500);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(d);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(dumped(d), dumped((DailyPurchases) in.readObject()));
        }
    }
}
