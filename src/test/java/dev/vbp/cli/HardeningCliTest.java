package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options and outputs that once did the wrong thing quietly. */
class HardeningCliTest {
    @TempDir Path dir;

    private static void assertOneLine(Cli.Result r, String expected) {
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aWorkspaceThatIsAFileIsAUsageError() throws IOException {
        Path file = dir.resolve("ws");
        Files.writeString(file, "not a workspace");
        for (String[] c : List.of(new String[]{"status"}, new String[]{"import", "bids", "sample-data/bids.csv"},
                new String[]{"price-drop", "--batch", "4+7", "--base-period", "2017"})) {
            List<String> args = new java.util.ArrayList<>(List.of("--workspace", file.toString()));
            args.addAll(List.of(c));
            Cli.Result r = Cli.run(args.toArray(String[]::new)).expect(ExitCodes.USAGE);
            assertOneLine(r, file + " is a file, not a workspace");
        }
        assertEquals("not a workspace", Files.readString(file));
        Cli.run(Map.of("VBP_WORKSPACE", file.toString()), "status").expect(ExitCodes.USAGE);
    }

    private Cli.Result sample(String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sample", "ledger", "--rows", "50", "--out", out));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> listing() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sampleLedgerRefusesToOverwriteWithoutForce() throws IOException {
        Path file = dir.resolve("ledger.csv");
        Files.writeString(file, "precious");
        assertOneLine(sample(file.toString()).expect(ExitCodes.USAGE), "exists; pass --force to overwrite it");
        assertEquals("precious", Files.readString(file));
        sample(file.toString(), "--force").ok();
        assertTrue(Files.readString(file).startsWith("date,"));
        assertEquals(List.of("ledger.csv"), listing());
    }

    @Test
    void sampleLedgerNeverReplacesADirectoryNorLeavesATemporaryFile() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        for (Path d : List.of(empty, full)) {
            assertOneLine(sample(d.toString()).expect(ExitCodes.USAGE), "is a directory");
            assertOneLine(sample(d.toString(), "--force").expect(ExitCodes.USAGE), "is a directory");
            assertTrue(Files.isDirectory(d));
        }
        assertEquals(List.of("empty", "full"), listing());
        assertEquals(ExitCodes.USAGE, sample(dir.resolve("no/such/folder.csv").toString()).exit());
        assertEquals(List.of("empty", "full"), listing());
        sample(dir.resolve("new.csv.gz").toString()).ok();
        assertEquals(List.of("empty", "full", "new.csv.gz"), listing());
    }

    @Test
    void badEncodingAndDelimiterOptionsAreUsageErrors() {
        assertOneLine(Cli.run("validate", "bids", "sample-data/bids.csv", "--encoding", "utf-16").expect(ExitCodes.USAGE),
                "--encoding: unknown encoding 'utf-16'");
        assertOneLine(Cli.run("validate", "bids", "sample-data/bids.csv", "--delimiter", "pipe").expect(ExitCodes.USAGE),
                "--delimiter: unknown delimiter 'pipe'");
        assertOneLine(Cli.run("price-drop", "--bids", "sample-data/bids.csv", "--encoding", "latin1").expect(ExitCodes.USAGE),
                "--encoding");
    }

    @Test
    void emptyItemsOfAListOptionAreUsageErrors() {
        for (String by : List.of(",,,", "county,", ",county", "county,,month")) {
            Cli.Result r = Cli.run("online-rate", "--ledger", "sample-data/ledger.csv", "--institutions", "sample-data/institutions.csv",
                    "--by", by).expect(ExitCodes.USAGE);
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.contains("--by") && (first.contains("empty item in '" + by + "'") || first.contains("but was ''")), r.err());
        }
        Cli.run("online-rate", "--ledger", "sample-data/ledger.csv", "--institutions", "sample-data/institutions.csv",
                "--by", "county,month").ok();
    }
}
