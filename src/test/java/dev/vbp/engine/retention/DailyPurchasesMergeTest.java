package dev.vbp.engine.retention;

import dev.vbp.engine.ledger.LedgerScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    static String dump(DailyPurchases d) {
        StringBuilder s = new StringBuilder();
        for (String h : new String[]{"H0", "H1", "H2"}) {
            for (String p : new String[]{"P0", "P1", "P2", "P3", "P4"}) {
                d.days(h, p, 0, 99_999_999).forEach((day, x) -> s.append(h).append(' ').append(p).append(' ').append(day)
                        .append(' ').append(x.packs).append(' ').append(x.amount).append(' ').append(x.lines).append(' ')
                        .append(Arrays.toString(x.refs)).append('\n'));
            }
        }
        return s.append("unknown ").append(d.unknownProductLines()).append(" dates ").append(d.firstDate()).append("..")
                .append(d.lastDate()).toString();
    }

    private static DailyPurchases scan(Path file, int threads, long chunk) {
        LedgerScan s = LedgerScan.of(file).threads(threads);
        if (chunk > 0) s.chunkBytes(chunk);
        return s.run(() -> new DailyPurchases(PRODUCTS)).aggregate();
    }

    @Test
    void sameResultHoweverCutOrMerged() throws Exception {
        Random r = new Random(20261201);
        Path a = ledger("a.csv", r, 400), b = ledger("b.csv", r, 300);
        String whole = dump(scan(a, 1, 0).merge(scan(b, 1, 0)));
        for (long chunk : new long[]{97, 331, 1024, 4099}) {
            for (int threads = 1; threads <= 3; threads++) {
                assertEquals(whole, dump(scan(a, threads, chunk).merge(scan(b, threads, chunk))), "chunk " + chunk + " threads " + threads);
                assertEquals(whole, dump(scan(b, threads, chunk).merge(scan(a, threads, chunk))), "b before a, chunk " + chunk);
            }
        }
        // Associativity over three parts, in two groupings and orders.
        Path c = ledger("c.csv", r, 200);
        String three = dump(scan(a, 1, 0).merge(scan(b, 1, 0)).merge(scan(c, 1, 0)));
        assertEquals(three, dump(scan(c, 1, 0).merge(scan(a, 1, 0).merge(scan(b, 1, 0)))));
        assertEquals(three, dump(scan(b, 2, 211).merge(scan(c, 1, 0).merge(scan(a, 3, 101)))));
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
            assertEquals(dump(d), dump((DailyPurchases) in.readObject()));
        }
    }
}
