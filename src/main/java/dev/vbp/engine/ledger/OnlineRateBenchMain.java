package dev.vbp.engine.ledger;

import dev.vbp.engine.ledger.GroupedSums.Dimension;
import dev.vbp.engine.ledger.GroupedSums.Group;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark driver until {@code vbp online-rate} exists: per institution, online amount, offline amount and
 * online rate (online / (online + offline), by amount, 6 decimals half-up) as CSV.
 * {@code java -cp vbp.jar dev.vbp.engine.ledger.OnlineRateBenchMain [--threads N] [--out FILE] FILE...}.
 * Timing and counts go to standard error. {@code --group-by institution,product,month} runs that grouping
 * instead and reports only the number of groups (to measure memory on big groupings).
 */
public final class OnlineRateBenchMain {
    private OnlineRateBenchMain() {}

    /** {@code --group-by institution,product,month}: the same scan with another grouping; reports its size. */
    private static void groupOnly(List<Path> files, int threads, String groupBy) {
        List<Dimension> dims = new ArrayList<>();
        for (String d : groupBy.split(",")) dims.add(Dimension.valueOf(d.trim().toUpperCase(java.util.Locale.ROOT)));
        long t0 = System.nanoTime();
        LedgerResult<GroupedSums> result = LedgerScan.of(files).threads(threads).run(GroupedSums.by(dims.toArray(Dimension[]::new)));
        System.err.printf("vbp: lines=%d groups=%d by=%s scan_ms=%d threads=%d%n", result.totalLines(),
                result.aggregate().size(), dims, (System.nanoTime() - t0) / 1_000_000, threads);
    }

    public static void main(String[] args) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        String out = null;
        String groupBy = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--out" -> out = args[++i];
                case "--group-by" -> groupBy = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        if (groupBy != null) {
            groupOnly(files, threads, groupBy);
            return;
        }
        long t0 = System.nanoTime();
        LedgerResult<GroupedSums> result = LedgerScan.of(files).threads(threads)
                .run(GroupedSums.by(Dimension.INSTITUTION, Dimension.CHANNEL));
        long scanNanos = System.nanoTime() - t0;

        Map<String, long[]> byInstitution = new TreeMap<>();
        for (Group g : result.aggregate().groups()) {
            long[] sums = byInstitution.computeIfAbsent(g.key().institution(), k -> new long[2]);
            sums[g.key().channel() == LedgerChannel.ONLINE ? 0 : 1] += g.amount();
        }
        try (Writer w = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            w.write("institution_code,online_amount,offline_amount,online_rate\n");
            for (Map.Entry<String, long[]> e : byInstitution.entrySet()) {
                BigDecimal online = BigDecimal.valueOf(e.getValue()[0], LedgerLine.SCALE);
                BigDecimal offline = BigDecimal.valueOf(e.getValue()[1], LedgerLine.SCALE);
                BigDecimal all = online.add(offline);
                String rate = all.signum() == 0 ? "" : online.divide(all, 6, RoundingMode.HALF_UP).toPlainString();
                w.write(e.getKey() + "," + online.toPlainString() + "," + offline.toPlainString() + "," + rate + "\n");
            }
        }
        System.err.printf("vbp: files=%d lines=%d accepted=%d errors=%d institutions=%d scan_ms=%d threads=%d%n",
                result.files().size(), result.totalLines(), result.acceptedLines(), result.errorCount(),
                byInstitution.size(), scanNanos / 1_000_000, threads);
    }
}
