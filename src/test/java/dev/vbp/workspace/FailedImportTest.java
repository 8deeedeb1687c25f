package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import dev.vbp.errors.BadInputException;
import dev.vbp.read.Dataset;
import dev.vbp.read.ReadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed import, at whatever write it fails (a full disk while copying, a rename that fails, the manifest
 * that cannot be replaced), leaves the workspace byte for byte as it was, and the workspace still works.
 */
class FailedImportTest {
    @TempDir Path dir;

    /** Fails the {@code n}-th write step with the message a full disk gives. */
    static final class FailAt implements Transaction.Faults {
        final int n;
        int seen;
        final List<String> steps = new ArrayList<>();

        FailAt(int n) { this.n = n; }

        @Override
        public void at(String step, String file) throws IOException {
            steps.add(step + " " + file);
            if (++seen == n) throw new IOException("No space left on device");
        }
    }

    private Path workspaceWith(String name) throws IOException {
        Path ws = dir.resolve(name);
        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
        Cli.run("--workspace", ws.toString(), "import", "ledger", "sample-data/ledger.csv").ok();
        return ws;
    }

    /**
     * Replaces bids with the same file plus another (so one new data file has the old one's natural name),
     * and adds a ledger with a mapping copy: every kind of write, failed at each step in turn.
     */
    @Test
    void aReplaceThatFailsAtAnyStepLeavesTheWorkspaceAsItWas() throws IOException {
        Path ws = workspaceWith("ws");
        Map<String, String> before = BadInputImportTest.snapshot(ws);
        String status = Cli.run("--workspace", ws.toString(), "status", "--format", "csv").ok().out();
        List<Path> files = List.of(Path.of("sample-data/bids.csv"), Path.of("sample-data/bids-gb18030.csv"));
        ReadSettings settings = ReadSettings.defaults();
        int steps = 0;
        for (int n = 1; ; n++) {
            FailAt faults = new FailAt(n);
            Importer importer = new Importer(Cli.CLOCK, faults);
            try {
                importer.importFiles(new Workspace(ws), Dataset.BIDS, files, settings, true, 0);
                steps = n - 1;
                break; // no step left to fail
            } catch (BadInputException e) {
                assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains("nothing was changed"), e.getMessage());
                assertEquals(before, BadInputImportTest.snapshot(ws), "failed at " + faults.steps.get(faults.steps.size() - 1));
                assertEquals(status, Cli.run("--workspace", ws.toString(), "status", "--format", "csv").ok().out());
            }
        }
        assertTrue(steps >= 5, "write, move of two data files, then the manifest: " + steps);
        Cli.run("--workspace", ws.toString(), "price-drop", "--batch", "4+7", "--base-period", "2017").ok();
    }

    @Test
    void aFirstImportThatFailsLeavesNoWorkspace() {
        Path ws = dir.resolve("fresh");
        for (int n = 1; n <= 3; n++) {
            Importer importer = new Importer(Cli.CLOCK, new FailAt(n));
            assertThrows(BadInputException.class, () -> importer.importFiles(new Workspace(ws), Dataset.BIDS,
                    List.of(Path.of("sample-data/bids.csv")), ReadSettings.defaults(), false, 0));
            assertTrue(!Files.exists(ws), "attempt " + n);
        }
    }

    @Test
    void aLedgerWithMappingThatFailsLeavesTheWorkspaceAsItWas() throws IOException {
        Path ws = workspaceWith("ws2");
        Path ledger = dir.resolve("renamed.csv");
        String text = Files.readString(Path.of("sample-data/ledger.csv"));
        Files.writeString(ledger, text.replaceFirst("^[^,\\n]+", "采购时间"));
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, "columns:\n  采购时间: date\n");
        ReadSettings settings = new ReadSettings(null, null, List.of(dev.vbp.read.HeaderMapping.load(map)), ReadSettings.CodeCheck.WARN);
        Map<String, String> before = BadInputImportTest.snapshot(ws);
        for (int n = 1; n <= 5; n++) {
            Importer importer = new Importer(Cli.CLOCK, new FailAt(n));
            assertThrows(BadInputException.class, () -> importer.importFiles(new Workspace(ws), Dataset.LEDGER,
                    List.of(ledger), settings, true, 0));
            assertEquals(before, BadInputImportTest.snapshot(ws), "attempt " + n);
        }
        new Importer(Cli.CLOCK).importFiles(new Workspace(ws), Dataset.LEDGER, List.of(ledger), settings, true, 0);
        Cli.run("--workspace", ws.toString(), "online-rate").ok();
    }
}
