package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * A manifest someone else wrote (a .vbp/ committed to a repository, unpacked from an archive) must not make
 * vbp read, echo or delete a file outside the workspace: absolute paths, ../ and links that lead out are a
 * corrupt workspace (exit 3) and nothing is touched.
 */
class ManifestPathSecurityTest {
    static final String SECRET = "secret-first-line,do-not-echo\n";

    @TempDir Path dir;
    Path ws;
    Path victim;

    @BeforeEach
    void workspaceWithBidsAndLedger() throws IOException {
        ws = dir.resolve("ws");
        victim = dir.resolve("victim.csv");
        Files.writeString(victim, SECRET);
        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
        Cli.run("--workspace", ws.toString(), "import", "ledger", "sample-data/ledger.csv").ok();
    }

    /** Rewrites one value of the manifest (the first line with {@code key}). */
    private void tamper(String dataset, String key, String value) throws IOException {
        Path m = ws.resolve("manifest.yaml");
        List<String> lines = Files.readAllLines(m);
        boolean inDataset = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.matches("  \\S.*:$")) inDataset = l.trim().equals(dataset + ":");
            if (inDataset && l.trim().replaceFirst("^- ", "").startsWith(key + ":")) {
                lines.set(i, l.substring(0, l.indexOf(key + ":")) + key + ": \"" + value + "\"");
                Files.write(m, lines);
                return;
            }
        }
        throw new AssertionError("no " + key + " under " + dataset + " in\n" + String.join("\n", lines));
    }

    private void assertRefusedEverywhere(String expected) throws IOException {
        Map<String, String> before = BadInputImportTest.snapshot(ws);
        List<String[]> commands = List.of(
                new String[]{"status"},
                new String[]{"price-drop", "--batch", "4+7", "--base-period", "2017"},
                new String[]{"online-rate"},
                new String[]{"import", "bids", "sample-data/bids-gb18030.csv", "--replace"},
                new String[]{"import", "ledger", "sample-data/ledger.csv", "--replace"},
                new String[]{"import", "bids", "sample-data/bids.csv"});
        for (String[] c : commands) {
            List<String> args = new java.util.ArrayList<>(List.of("--workspace", ws.toString()));
            args.addAll(List.of(c));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            String what = String.join(" ", c);
            assertEquals(ExitCodes.BAD_INPUT, r.exit(), what + "\n" + r.err() + r.out());
            assertTrue(r.err().contains("corrupt workspace") && r.err().contains(expected), what + ": " + r.err());
            assertTrue(r.err().matches("(?s)vbp: error: \\S*manifest\\.yaml:\\d+: .*"), "file:line: " + r.err());
            assertFalse(r.err().contains("secret-first-line") || r.out().contains("secret-first-line"), what + " echoed the file");
            assertTrue(Files.exists(victim), what + " deleted a file outside the workspace");
            assertEquals(SECRET, Files.readString(victim));
            assertEquals(before, BadInputImportTest.snapshot(ws), what + " changed the workspace");
        }
    }

    @Test
    void absolutePaths() throws IOException {
        tamper("bids", "file", victim.toAbsolutePath().toString());
        assertRefusedEverywhere("is an absolute path");
    }

    @Test
    void absoluteRejectsFileAndLedgerMapping() throws IOException {
        tamper("ledger", "file", victim.toAbsolutePath().toString());
        assertRefusedEverywhere("absolute path");
    }

    @Test
    void dotDotPaths() throws IOException {
        tamper("bids", "file", "data/bids/../../../victim.csv");
        assertRefusedEverywhere("is outside the workspace's data/ folder");
    }

    @Test
    void dotDotInLedgerMapping() throws IOException {
        Path m = ws.resolve("manifest.yaml");
        Files.writeString(m, Files.readString(m).replaceFirst("(?m)^(    file: data/ledger/.*)$", "$1\n    mapping: ../victim.csv"));
        assertRefusedEverywhere("mapping '../victim.csv'");
    }

    @Test
    void pathsOutsideDataFolderThatStayInside() throws IOException {
        // manifest.yaml itself is inside the workspace but no data file: --replace would delete the commit point.
        tamper("bids", "file", "manifest.yaml");
        assertRefusedEverywhere("outside the workspace's data/ folder");
    }

    @Test
    void symlinkedDataFile() throws IOException {
        Path link = ws.resolve("data/bids/link.csv");
        Files.createSymbolicLink(link, victim);
        tamper("bids", "file", "data/bids/link.csv");
        assertRefusedEverywhere("leads outside the workspace through a link");
    }

    @Test
    void symlinkedFolder() throws IOException {
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(victim, dir.resolve("elsewhere/x.csv"));
        Files.createSymbolicLink(ws.resolve("data/outside"), dir.resolve("elsewhere"));
        tamper("bids", "file", "data/outside/x.csv");
        assertRefusedEverywhere("through a link");
        assertTrue(Files.exists(dir.resolve("elsewhere/x.csv")));
    }

    @Test
    void danglingLink() throws IOException {
        Files.createSymbolicLink(ws.resolve("data/bids/gone.csv"), dir.resolve("nothing-here"));
        tamper("bids", "file", "data/bids/gone.csv");
        assertRefusedEverywhere("leads nowhere");
    }

    @Test
    void rejectsFileOutside() throws IOException {
        Path m = ws.resolve("manifest.yaml");
        Files.writeString(m, Files.readString(m).replaceFirst("(?m)^(    file: data/bids/.*)$", "$1\n    rejects_file: rejects/../../victim.csv"));
        assertRefusedEverywhere("rejects_file");
    }

    @Test
    void aWorkspaceFoundInAParentDirectoryIsCheckedToo() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("sub"));
        Files.move(ws, project.resolve(".vbp"));
        ws = project.resolve(".vbp");
        tamper("bids", "file", "../../victim.csv");
        // Run from a subfolder of the project, naming no workspace: the parent's .vbp/ is found and must be checked.
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        dev.vbp.cli.CliContext ctx = new dev.vbp.cli.CliContext(new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of(),
                project.resolve("sub"), Cli.CLOCK, false, false);
        int code = dev.vbp.cli.VbpCli.run(ctx, "import", "bids", Path.of("sample-data/bids-gb18030.csv").toAbsolutePath().toString(), "--replace");
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("corrupt workspace"), err.toString());
        assertTrue(Files.exists(victim));
    }

    @Test
    void shortSha256IsACorruptWorkspaceNotACrash() throws IOException {
        tamper("bids", "sha256", "abc");
        assertRefusedEverywhere("sha256 'abc' is not 64 hexadecimal digits");
    }
}
