package dev.vbp.engine.ledger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One worker's pass over a ledger file in the page cache ({@link LedgerScan} with one thread), feeding an
 * aggregate that only counts: what the scanner costs per line before any analysis — cutting records into
 * fields (the 8-bytes-at-a-time tokenizer), parsing the date, quantity, unit price and amount, and looking
 * up institution, product and channel in the intern tables. The score is per file of {@link #LINES} lines.
 *
 * <p>{@code shape}: {@code wide} has the wide benchmark ledger's 8 columns (about 93 bytes a line, 3,000
 * institutions, 2,000 products); {@code quoted} is the same with every generic name quoted, which sends each
 * record through the general tokenizer instead of the fast one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenizerBench {
    static final int LINES = 200_000;

    @Param({"wide", "quoted"})
    public String shape;

    private Path file;

    /** Counts lines; the sums keep the JIT from dropping the parsed fields. */
    public static final class Count implements LedgerAggregate<Count> {
        long lines, amount, quantity, codes;

        @Override
        public void add(LedgerLine line) {
            lines++;
            amount += line.amount();
            quantity += line.quantity();
            codes += line.institution().length() + line.product().length() + line.channel().ordinal();
        }

        @Override
        public Count merge(Count other) {
            lines += other.lines;
            amount += other.amount;
            quantity += other.quantity;
            codes += other.codes;
            return this;
        }
    }

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("vbp-jmh-ledger", ".csv");
        Random r = new Random(1);
        String[] institutions = new String[3000];
        for (int i = 0; i < institutions.length; i++) institutions[i] = String.format("H5134%02d1%05d", i / 60, i + 1);
        String[] products = new String[2000];
        String[] generics = new String[2000];
        long[] prices = new long[2000];
        for (int p = 0; p < products.length; p++) {
            products[p] = String.format("XA%02dBCE%03dA%012d", r.nextInt(100), r.nextInt(1000), r.nextLong(1_000_000_000_000L));
            generics[p] = "阿托伐他汀钙片".substring(0, 2 + r.nextInt(5)) + "片";
            prices[p] = 50 + r.nextInt(200_000);
        }
        boolean quoted = shape.equals("quoted");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("date,institution_code,product_code,generic_name,quantity,unit_price,amount,channel\n");
            for (int i = 0; i < LINES; i++) {
                int p = r.nextInt(products.length);
                long qty = 1 + r.nextInt(200);
                if (r.nextInt(100) == 0) qty = -qty;
                long fen = (qty * prices[p] + (qty < 0 ? -50 : 50)) / 100;
                w.write(String.format("2024-%02d-%02d,%s,%s,%s,%d,%d.%04d,%s%d.%02d,%s%n", 1 + i * 12 / LINES, 1 + r.nextInt(28),
                        institutions[r.nextInt(institutions.length)], products[p],
                        quoted ? "\"" + generics[p] + "\"" : generics[p], qty, prices[p] / 10_000, prices[p] % 10_000,
                        fen < 0 ? "-" : "", Math.abs(fen) / 100, Math.abs(fen) % 100, r.nextInt(100) < 9 ? "线下" : "线上"));
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long scan() {
        LedgerResult<Count> r = LedgerScan.of(file).threads(1).require("amount", "channel").run(Count::new);
        if (r.totalLines() != LINES || r.errorCount() != 0) throw new IllegalStateException(r.totalLines() + " lines, " + r.errorCount() + " errors");
        return r.aggregate().amount + r.aggregate().codes;
    }
}
