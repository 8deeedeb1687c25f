package dev.vbp.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Command-line front of {@link LedgerGenerator} for scripts and benchmarks (the {@code vbp sample ledger}
 * command will call the generator directly):
 * {@code java -cp vbp.jar dev.vbp.sample.LedgerGeneratorMain --rows N --seed S --out FILE
 * [--bad-lines K] [--mismatches M] [--gb18030]}. A FILE ending in .gz is gzip-compressed; {@code -} is
 * standard output. A one-line summary goes to standard error.
 */
public final class LedgerGeneratorMain {
    private LedgerGeneratorMain() {}

    public static void main(String[] args) throws IOException {
        long rows = 1_000_000, seed = 1, bad = 0, mismatches = 0;
        boolean gb = false;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--bad-lines" -> bad = Long.parseLong(args[++i]);
                case "--mismatches" -> mismatches = Long.parseLong(args[++i]);
                case "--gb18030" -> gb = true;
                case "--out" -> out = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --rows N --seed S --out FILE [--bad-lines K] [--mismatches M] [--gb18030]");
            }
        }
        if (out == null) throw new IllegalArgumentException("--out FILE is required ('-' for standard output)");
        LedgerGenerator.Settings settings = new LedgerGenerator.Settings(rows, seed, bad, gb).withMismatches(mismatches);
        long t0 = System.nanoTime();
        LedgerGenerator.Summary summary;
        if (out.equals("-")) {
            summary = LedgerGenerator.write(settings, System.out);
        } else {
            try (OutputStream raw = Files.newOutputStream(Path.of(out));
                 OutputStream o = out.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16)) {
                summary = LedgerGenerator.write(settings, o);
            }
        }
        System.err.printf("wrote %d lines (%d bad, %d mismatched), %d bytes in %.1f s%n", summary.rows(),
                summary.badLines(), summary.mismatches(), summary.bytes(), (System.nanoTime() - t0) / 1e9);
    }
}
