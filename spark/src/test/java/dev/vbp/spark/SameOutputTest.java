package dev.vbp.spark;

import dev.vbp.cli.CliContext;
import dev.vbp.cli.VbpCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each ledger command gives byte for byte the same output (stdout, stderr, exit code) on Spark as on one
 * machine, on the sample ledger and on a directory mixing a UTF-8 file with long quoted multi-line fields,
 * a gzip file and a GB18030 tab-separated file, read in 4 KB splits.
 */
class SameOutputTest {
    static final Path DATA = Path.of("..", "sample-data");
    @TempDir static Path tmp;
    static Path mixed;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void mixedDirectory() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("ledger.csv"), StandardCharsets.UTF_8);
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        int third = rows.size() / 3;
        mixed = Files.createDirectories(tmp.resolve("mixed"));

        // UTF-8 with a quoted, many-line manufacturer in every fifth row: 4 KB cuts fall inside them
        StringBuilder a = new StringBuilder(header).append('\n');
        for (int i = 0; i < third; i++) {
            String row = rows.get(i);
            if (i % 5 == 0) {
                String[] f = row.split(",", -1);
                f[6] = "\"" + f[6] + "\n（委托生产，\"\"第" + i + "批\"\"）" + "\n备注".repeat(40) + "\"";
                row = String.join(",", f);
            }
            a.append(row).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(mixed.resolve("a-2019.csv"), a, StandardCharsets.UTF_8);

        // gzip, with a byte-order mark
        StringBuilder b = new StringBuilder("\uFEFF").append(header).append('\n');
        for (int i = third; i < 2 * third; i++) b.append(rows.get(i)).append('\n');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(mixed.resolve("b-2019.csv.gz")))) {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }

        // GB18030, tab-separated
        StringBuilder c = new StringBuilder(header.replace(',', '\t')).append('\n');
        for (int i = 2 * third; i < rows.size(); i++) c.append(rows.get(i).replace(',', '\t')).append('\n');
        Files.write(mixed.resolve("c-2019.tsv"), c.toString().getBytes(Charset.forName("GB18030")));
        assertTrue(Files.size(mixed.resolve("c-2019.tsv")) > 20 * SparkTestSession.SPLIT_BYTES);
    }

    static Run local(String... args) {
        return run(false, args);
    }

    static Run spark(String... args) {
        return run(true, args);
    }

    static SparkLedgerScanner lastScanner;

    /** Runs with splits of {@code splitBytes} (null: the session's 64 KB). */
    static <T> T withSplits(String splitBytes, java.util.function.Supplier<T> body) {
        SparkTestSession.get().setLocalProperty(SparkLedgerScanner.SPLIT_BYTES, splitBytes);
        try {
            return body.get();
        } finally {
            SparkTestSession.get().setLocalProperty(SparkLedgerScanner.SPLIT_BYTES, null);
        }
    }

    private static Run run(boolean onSpark, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of(), tmp,
                Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC), false, false);
        int code;
        if (onSpark) {
            lastScanner = new SparkLedgerScanner(SparkTestSession.get(), SparkMain.remoteInputs(args));
            code = SparkMain.run(lastScanner, ctx, args);
        } else {
            code = VbpCli.run(ctx, args);
        }
        return new Run(code, out.toString(), err.toString());
    }

    static void same(String... args) {
        Run expected = local(args);
        Run actual = spark(args);
        assertEquals(expected.out(), actual.out(), "stdout of " + String.join(" ", args));
        assertEquals(expected.err(), actual.err(), "stderr of " + String.join(" ", args));
        assertEquals(expected.exit(), actual.exit(), "exit code of " + String.join(" ", args) + "\n" + actual.err());
        assertTrue(expected.out().length() > 100, "a report was written:\n" + expected.out() + expected.err());
    }

    static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    static String d(String file) {
        return DATA.resolve(file).toString();
    }

    static final String[] ONLINE_RATE = {"online-rate", "--institutions", d("institutions.csv")};

    @Test
    void onlineRateOnTheSampleLedger() {
        same(with(ONLINE_RATE, "--ledger", d("ledger.csv"), "--by", "level", "--target", "95%"));
        assertTrue(lastScanner.lastSplits > 5, "the sample ledger was cut: " + lastScanner.lastSplits);
    }

    @Test
    void onlineRateInOtherFormats() {
        same(with(ONLINE_RATE, "--ledger", d("ledger.csv"), "--by", "county,month", "--all-categories", "--format", "json"));
        same(with(ONLINE_RATE, "--ledger", d("ledger.csv"), "--by", "institution,category", "--format", "markdown", "--lang", "zh"));
    }

    @Test
    void onlineRateGateFailsTheSameWay() {
        same(with(ONLINE_RATE, "--ledger", d("ledger.csv"), "--by", "level", "--fail-under", "95%", "--from", "2019-03-01",
                "--to", "2019-10-31", "--basis", "lines"));
    }

    @Test
    void onlineRateOnAMixedDirectoryInSmallSplits() {
        withSplits("4k", () -> {
            same(with(ONLINE_RATE, "--ledger", mixed.toString(), "--by", "institution"));
            assertTrue(lastScanner.lastSplits > 50, "splits: " + lastScanner.lastSplits);
            assertTrue(lastScanner.lastRescans > 0, "some 4 KB cuts fell inside the quoted multi-line fields");
            same(with(ONLINE_RATE, "--ledger", mixed.toString(), "--by", "month", "--all-categories", "--format", "json"));
            return null;
        });
    }

    static final String[] VOLUME = {"volume", "--allocations", d("allocations.csv"), "--bids", d("bids.csv"),
            "--institutions", d("institutions.csv"), "--as-of", "2019-12-31"};

    @Test
    void volume() {
        same(with(VOLUME, "--ledger", d("ledger.csv"), "--batch", "4+7", "--by", "county"));
        withSplits("4k", () -> {
            same(with(VOLUME, "--ledger", mixed.toString(), "--by", "generic", "--warn-below", "0.8", "--format", "json"));
            return null;
        });
    }

    static final String[] SAVINGS = {"savings", "--bids", d("bids.csv"), "--baseline", d("baseline.csv"),
            "--base-period", "2017", "--volume", "actual"};

    @Test
    void savingsFromActualVolumes() {
        same(with(SAVINGS, "--ledger", d("ledger.csv"), "--batch", "4+7"));
        withSplits("4k", () -> {
            same(with(SAVINGS, "--ledger", mixed.toString(), "--by", "generic", "--format", "csv"));
            return null;
        });
    }

    static final String[] RETAINED = {"retained-savings", "--bids", d("bids.csv"), "--baseline", d("baseline.csv"),
            "--allocations", d("allocations.csv"), "--scores", d("scores.csv"), "--institutions", d("institutions.csv"),
            "--policy", d("policy.yaml"), "--as-of", "2020-02-29"};

    @Test
    void retainedSavings() {
        same(with(RETAINED, "--ledger", d("ledger.csv"), "--by", "institution"));
        withSplits("4k", () -> {
            same(with(RETAINED, "--ledger", mixed.toString(), "--explain", "H51340100001"));
            return null;
        });
    }

    @Test
    void aMixedDirectoryReadAsAUriGivesTheSameRows() {
        Run expected = local(with(ONLINE_RATE, "--ledger", mixed.toString(), "--format", "csv"));
        Run actual = spark(with(ONLINE_RATE, "--ledger", mixed.toAbsolutePath().toUri().toString(), "--format", "csv"));
        assertEquals(expected.out(), actual.out());
        assertEquals(expected.exit(), actual.exit());
    }

    /**
     * A URI with an authority ({@code hdfs://nn/…}, {@code s3a://bucket/…}) is named as written in the report's
     * sources, its line references and its errors, not as the path {@code hdfs:/nn/…} picocli makes of it.
     * Hadoop's viewfs stands in for a cluster: {@code viewfs://vbptest/t/} is mounted on this test's folder.
     */
    @Test
    void aUriWithAnAuthorityIsNamedAsWritten() throws IOException {
        SparkTestSession.get().hadoopConfiguration().set("fs.viewfs.mounttable.vbptest.link./t", tmp.toAbsolutePath().toUri().toString());
        String uri = "viewfs://vbptest/t";
        Run expected = local(with(RETAINED, "--ledger", mixed.toString(), "--explain", "H51340100001", "--format", "json"));
        Run actual = spark(with(RETAINED, "--ledger", uri + "/mixed/", "--explain", "H51340100001", "--format", "json"));
        assertTrue(actual.out().contains("\"ledger: viewfs://vbptest/t/mixed/\""), actual.out());
        assertTrue(actual.out().contains("viewfs://vbptest/t/mixed/a-2019.csv:"), "line references: " + actual.out());
        assertEquals(expected.out().replace(mixed.toString() + "/", uri + "/mixed/").replace(mixed.toString(), uri + "/mixed/"),
                actual.out());
        assertEquals(expected.exit(), actual.exit());
        Path bad = tmp.resolve("named.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA.resolve("ledger.csv"), StandardCharsets.UTF_8));
        int at = 300;
        while (!lines.get(at).contains(",线上,")) at++;
        lines.set(at, lines.get(at).replace(",线上,", ",网上?,"));
        Files.write(bad, lines, StandardCharsets.UTF_8);
        Run localError = local(with(ONLINE_RATE, "--ledger", bad.toString()));
        Run sparkError = spark(with(ONLINE_RATE, "--ledger", uri + "/named.csv"));
        assertEquals(3, sparkError.exit());
        assertTrue(sparkError.err().contains("viewfs://vbptest/t/named.csv:" + (at + 1) + ":"), sparkError.err());
        assertEquals(localError.err().replace(bad.toString(), uri + "/named.csv"), sparkError.err());
        Run missing = spark(with(ONLINE_RATE, "--ledger", uri + "/none/"));
        assertTrue(missing.err().contains("viewfs://vbptest/t/none/"), missing.err());
    }

    @Test
    void malformedLinesAreReportedAtTheSameLines() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(DATA.resolve("ledger.csv"), StandardCharsets.UTF_8));
        for (int i = 50; i < lines.size(); i += 97) lines.set(i, lines.get(i).replace(",线上,", ",网上?,"));
        Files.write(bad, lines, StandardCharsets.UTF_8);
        withSplits("16k", () -> {
            // tolerated (the default tolerates none): the report is written and its warning names the same lines
            same(with(ONLINE_RATE, "--ledger", bad.toString(), "--by", "county", "--max-rejects", "-1"));
            Run none = spark(with(ONLINE_RATE, "--ledger", bad.toString(), "--by", "county"));
            assertEquals(local(with(ONLINE_RATE, "--ledger", bad.toString(), "--by", "county")), none);
            assertEquals(3, none.exit());
            Run stopped = spark(with(ONLINE_RATE, "--ledger", bad.toString(), "--by", "county", "--max-errors", "5"));
            assertEquals(local(with(ONLINE_RATE, "--ledger", bad.toString(), "--by", "county", "--max-errors", "5")), stopped);
            assertEquals(3, stopped.exit());
            return null;
        });
    }

    @Test
    void aMissingFileIsTheSameOneLineError() {
        Run expected = local(with(ONLINE_RATE, "--ledger", d("no-such-ledger.csv")));
        Run actual = spark(with(ONLINE_RATE, "--ledger", d("no-such-ledger.csv")));
        assertEquals(expected, actual);
        assertEquals(3, actual.exit());
    }

    @Test
    void vbpsJacksonTravelsRelocated() throws ClassNotFoundException {
        Class<?> mine = Class.forName("dev.vbp.shaded.jackson.databind.ObjectMapper");
        assertTrue(mine.getName().startsWith("dev.vbp.shaded"));
        // Spark's own Jackson is still there, untouched, for Spark
        Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
    }
}
