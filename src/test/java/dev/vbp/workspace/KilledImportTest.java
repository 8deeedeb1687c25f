package dev.vbp.workspace;

import dev.vbp.cli.ChildJvm;
import dev.vbp.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 at any moment of an import: a child JVM imports a large gzip ledger and is killed at random
 * points (fixed seed) of its run. Afterwards the workspace is as before or as after the import, status
 * works, the next import works, and after it no file remains that the manifest does not name.
 */
class KilledImportTest {
    @TempDir Path dir;

    @Test
    void killedAtRandomPoints() throws IOException, InterruptedException {
        Path ledger = dir.resolve("big.csv.gz");
        Cli.run("sample", "ledger", "--rows", "300000", "--seed", "3", "--out", ledger.toString()).ok();
        // One undisturbed run gives the state after, and how long an import takes.
        Path reference = dir.resolve("reference");
        Cli.run("--workspace", reference.toString(), "import", "bids", "sample-data/bids.csv").ok();
        long started = System.nanoTime();
        ChildJvm.Result full = ChildJvm.run(List.of("-Xmx256m"), "--workspace", reference.toString(), "import", "ledger", ledger.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, full.exit(), full.err());
        String after = manifestWithoutTimes(reference);

        Random random = new Random(42);
        int before = 0, committed = 0;
        for (int k = 0; k < 5; k++) {
            Path ws = dir.resolve("ws-" + k);
            Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
            Map<String, String> initial = BadInputImportTest.snapshot(ws);
            Process p = ChildJvm.builder(List.of("-Xmx256m"), "--workspace", ws.toString(), "import", "ledger", ledger.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Spread over the whole run, start-up included, with some kills near its end where the commit is.
            long delay = (long) (millis * (k == 4 ? 0.97 : random.nextDouble()));
            p.waitFor(delay, TimeUnit.MILLISECONDS);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            p.waitFor(1, TimeUnit.MINUTES);

            String now = manifestWithoutTimes(ws);
            Map<String, String> snapshot = BadInputImportTest.snapshot(ws);
            boolean unchanged = snapshot.get("manifest.yaml").equals(initial.get("manifest.yaml"));
            if (unchanged) before++;
            else {
                assertEquals(after, now, "kill " + k + " after " + delay + " ms: the manifest is neither before nor after");
                committed++;
            }
            // Named files are whole: the ones that were there are untouched, the ledger (if committed) complete.
            for (var e : initial.entrySet()) {
                if (!e.getKey().equals("manifest.yaml")) assertEquals(e.getValue(), snapshot.get(e.getKey()), e.getKey() + " changed");
            }
            Cli.run("--workspace", ws.toString(), "status").ok();
            Cli.run("--workspace", ws.toString(), "import", "ledger", ledger.toString()).ok();
            assertEquals(after, manifestWithoutTimes(ws));
            assertEquals(SweepTest.named(ws), SweepTest.files(ws), "kill " + k + ": stray files after the next import");
            Cli.run("--workspace", ws.toString(), "online-rate", "--all-categories").ok();
        }
        assertEquals(5, before + committed);
    }

    private static String manifestWithoutTimes(Path ws) throws IOException {
        return Files.readString(ws.resolve("manifest.yaml")).replaceAll("(?m)^(\\s*)imported_at: .*$", "$1imported_at: -")
                .replaceAll("(?m)^(\\s*-?\\s*)source: .*$", "$1source: -");
    }
}
