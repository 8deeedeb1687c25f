package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs that once crashed (exit 4), hung, or were read wrong without a word; each now has one clear outcome. */
class InputRegressionTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Imports into a fresh workspace, for the one-line message of a rejected row. */
    private String[] importing(String dataset, Path file, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--workspace", dir.resolve("ws-" + file.getFileName()).toString(), "import", dataset, file.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static Cli.Result bad(String expected, String... args) {
        Cli.Result r = Cli.run(args).expect(ExitCodes.BAD_INPUT);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        return r;
    }

    static final String BIDS = "batch_id,generic_name,spec,pack_count,manufacturer,bid_price,ceiling_price\n";
    static final String BASELINE = "generic_name,spec,manufacturer,pack_price,pack_count,year\n";

    @Test
    void pricesThatDivideMustBeMoreThanZero() throws IOException {
        Path bids = write("bids.csv", BIDS + "4+7,恩替卡韦分散片,0.5mg,28,x,17.36,0\n");
        bad("bids.csv:2:7: ceiling_price: expected a price of more than 0", importing("bids", bids));
        Path baseline = write("base.csv", BASELINE + "恩替卡韦分散片,0.5mg,x,0,28,2017\n");
        bad("base.csv:2:4: pack_price: expected a price of more than 0", importing("baseline", baseline));
        Path ok = write("ok.csv", BIDS + "4+7,恩替卡韦分散片,0.5mg,28,x,17.36,\n");
        bad("pack_price: expected a price of more than 0", "price-drop", "--bids", ok.toString(), "--baseline", baseline.toString(),
                "--base-period", "2017");
    }

    @Test
    void ledgerSumsBeyondTheExactRangeAreRejectedWithTheRange() throws IOException {
        StringBuilder s = new StringBuilder("date,institution_code,product_code,quantity,amount,channel\n");
        for (int i = 0; i < 10; i++) s.append("2024-01-05,H1,P1,1,99999999999999,online\n");
        Path ledger = write("over.csv", s.toString());
        String expected = "add up beyond ±922,337,203,685,477.5807";
        bad(expected, "validate", "ledger", ledger.toString());
        bad(expected, "online-rate", "--ledger", ledger.toString());
        bad(expected, "--workspace", dir.resolve("ws").toString(), "import", "ledger", ledger.toString());
        assertFalse(Files.exists(dir.resolve("ws")));
    }

    @Test
    void hugeCellsAreRejectedQuickly() throws IOException {
        Path million = write("million.csv", BIDS + "4+7,恩替卡韦分散片,0.5mg,28,x," + "1".repeat(1_000_000) + ",\n");
        Cli.Result r = bad("bid_price: a cell of 1,000,000 characters; at most 10,000 are read", importing("bids", million));
        assertTrue(r.err().length() < 1000, "the value is echoed capped: " + r.err().length());
        Path bids = write("huge.csv", BIDS + "4+7,恩替卡韦分散片,0.5mg,28,x," + "1".repeat(5000) + ",\n");
        r = bad("bid_price: expected a decimal number such as 12.50 of at most 40 characters (this one has 5000)",
                importing("bids", bids));
        assertTrue(r.err().length() < 1000, "the value is echoed capped: " + r.err().length());
        Path text = write("text.csv", BIDS + "4+7," + "名".repeat(50_000) + ",0.5mg,28,x,17.36,\n");
        bad("generic_name: a cell of 50,000 characters; at most 10,000 are read", importing("bids", text));
    }

    @Test
    void yamlFilesFailPlainly() throws IOException {
        String bids = "sample-data/bids.csv";
        bad("m1.yaml:2: no column for '药品名'", "validate", "bids", bids, "--map", write("m1.yaml", "columns:\n  药品名:\n").toString());
        bad("m2.yaml:3: 'columns' is given twice (also on line 1)", "validate", "bids", bids, "--map",
                write("m2.yaml", "columns:\n  a: generic_name\ncolumns:\n  b: spec\n").toString());
        bad("m3.yaml:4: a second YAML document", "validate", "bids", bids, "--map",
                write("m3.yaml", "columns:\n  a: generic_name\n---\ncolumns: {}\n").toString());
        bad("p1.yaml:2: 'r_fund' is given twice", "policy", "check", write("p1.yaml", "r_fund: 0.5\nr_fund: 0.6\n").toString());
        bad("p2.yaml:2: 'name' is given twice", "policy", "check", write("p2.yaml", "bands:\n  - {name: A, name: B, ratio: 0.5}\n").toString());
        bad("p3.yaml:3: a second YAML document", "policy", "check", write("p3.yaml", "r_fund: 0.5\n---\ns_insured: 1\n").toString());
        bad("p4.yaml:1: r_fund must be a number, not a list", "policy", "check", write("p4.yaml", "r_fund: [1]\n").toString());
        bad("a value of 5,000 characters", "policy", "check", write("p5.yaml", "base_period: " + "x".repeat(5000) + "\n").toString());
        bad("a policy file of 2,000,009 bytes; at most 262,144", "policy", "check",
                write("p6.yaml", "r_fund: " + "1".repeat(2_000_000) + "\n").toString());
        bad("m4.yaml: a mapping file of", "validate", "bids", bids, "--map", write("m4.yaml", "columns:\n  a: " + "x".repeat(300_000) + "\n").toString());
    }

    @Test
    void policyFilesAreDecodedLikeMappingFiles() throws IOException {
        // GB18030 comments are read; a byte neither encoding has is named by line and column.
        byte[] gbk = ("base_period: all\n# 国家\nr_fund: 0.5\n").getBytes(java.nio.charset.Charset.forName("GB18030"));
        Cli.run("policy", "check", write("gbk.yaml", gbk).toString()).ok();
        bad("bad.yaml:2:14: cannot read the file as UTF-8 or GB18030 (invalid byte 0xFF)", "policy", "check",
                write("bad.yaml", new byte[]{'r', '_', 'f', 'u', 'n', 'd', ':', ' ', '1', '\n', 'b', 'a', 's', 'e', '_', 'p', 'e', 'r', 'i', 'o', 'd',
                        ':', ' ', (byte) 0xFF, (byte) 0xFE, '\n'}).toString());
        Cli.Result r = bad(": not valid YAML: found unexpected end of stream", "policy", "check",
                write("bad2.yaml", "r_fund: 0.5\nbase_period: \"all\n").toString());
        assertFalse(r.err().contains("START_") || r.err().contains("<block"), r.err());
    }

    @Test
    void crOnlyLineEndingsGiveTrueLineNumbers() throws IOException {
        Path bids = write("cr.csv", (BIDS + "4+7,a,1mg,28,x,17.36,\n4+7,b,1mg,28,x,abc,\n").replace("\n", "\r"));
        bad("cr.csv:3:6: bid_price", importing("bids", bids));
        String ledger = "date,institution_code,product_code,quantity,amount,channel\n2024-01-05,H1,P1,1,1.00,online\n"
                + "2024-01-05,H1,P1,x,1.00,online\n2024-01-06,H2,P1,2,2.00,offline\n";
        Path cr = write("cr-ledger.csv", ledger.replace("\n", "\r"));
        Cli.Result r = Cli.run("validate", "ledger", cr.toString(), "--format", "csv").expect(ExitCodes.BAD_INPUT);
        assertTrue(r.out().contains("cr-ledger.csv,3,") && r.out().lines().count() == 2, r.out());
        Path lf = write("lf-ledger.csv", ledger);
        Path crlf = write("crlf-ledger.csv", ledger.replace("\n", "\r\n"));
        String a = Cli.run("online-rate", "--ledger", cr.toString(), "--max-errors", "1", "--format", "csv").ok().out();
        assertEquals(Cli.run("online-rate", "--ledger", lf.toString(), "--max-errors", "1", "--format", "csv").ok().out(), a);
        assertEquals(Cli.run("online-rate", "--ledger", crlf.toString(), "--max-errors", "1", "--format", "csv").ok().out(), a);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /**
     * Bytes after the gzip data are an error (exit 3), not ignored: they are most often lines appended
     * uncompressed or a damaged file, and a gate must not pass on lines it could not read. Zero padding
     * holds no lines and is accepted; concatenated members are one file, as for gzip.
     */
    @Test
    void trailingBytesAfterGzipDataAreAnError() throws IOException {
        String ledger = "date,institution_code,product_code,quantity,amount,channel\n2024-01-05,H1,P1,1,1.00,online\n";
        byte[] z = gzip(ledger);
        byte[] withTail = java.util.Arrays.copyOf(z, z.length + 5);
        System.arraycopy("2024-".getBytes(StandardCharsets.US_ASCII), 0, withTail, z.length, 5);
        bad("5 bytes after the end of the gzip data are not gzip", "validate", "ledger", write("tail.csv.gz", withTail).toString());
        Cli.run("validate", "ledger", write("padded.csv.gz", java.util.Arrays.copyOf(z, z.length + 512)).toString()).ok();
        byte[] two = gzip("2024-01-06,H2,P1,2,2.00,offline\n");
        byte[] both = java.util.Arrays.copyOf(z, z.length + two.length);
        System.arraycopy(two, 0, both, z.length, two.length);
        Cli.Result r = Cli.run("validate", "ledger", write("members.csv.gz", both).toString()).ok();
        assertTrue(r.out().contains("Rows accepted: 2"), r.out());
        bad("the gzip data ends early", "validate", "ledger", write("cut.csv.gz", java.util.Arrays.copyOf(z, z.length - 4)).toString());
    }

    @Test
    void echoedValuesAreCapped() throws IOException {
        Path bids = write("long.csv", BIDS + "4+7,a,1mg," + "9".repeat(5000) + "x,x,17.36,\n");
        Cli.Result r = Cli.run(importing("bids", bids)).expect(ExitCodes.BAD_INPUT);
        for (String line : r.err().lines().toList()) assertTrue(line.length() < 400, line.length() + ": " + line);
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws);
        Files.writeString(ws.resolve("manifest.yaml"), "version: 1\ndatasets:\n  bids:\n  - sha256: " + "a".repeat(100_000) + "\n");
        r = Cli.run("--workspace", ws.toString(), "status").expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().length() < 400 && r.err().contains("…"), r.err().length() + ": " + r.err());
        for (String header : List.of("x".repeat(100_000))) {
            Path h = write("header.csv", header + "\n1\n");
            r = Cli.run(importing("bids", h)).expect(ExitCodes.BAD_INPUT);
            assertTrue(r.err().length() < 1200, r.err().length() + ": " + r.err().substring(0, 200));
        }
    }
}
