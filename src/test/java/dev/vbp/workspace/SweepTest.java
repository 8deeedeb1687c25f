package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What killed or failed imports left behind goes with the next import, under the lock; named files stay. */
class SweepTest {
    @TempDir Path dir;

    /** Every file under the workspace except the lock, relative. */
    static Set<String> files(Path ws) throws IOException {
        Set<String> names = new TreeSet<>();
        try (var s = Files.walk(ws)) {
            s.filter(p -> !Files.isDirectory(p)).map(p -> ws.relativize(p).toString()).filter(n -> !n.equals(".lock")).forEach(names::add);
        }
        return names;
    }

    /** The files the manifest names, and the manifest. */
    static Set<String> named(Path ws) {
        Set<String> names = new TreeSet<>(Set.of("manifest.yaml"));
        new Workspace(ws).manifest().datasets().values().forEach(list -> list.forEach(e -> {
            names.add(e.file());
            if (e.rejectsFile() != null) names.add(e.rejectsFile());
            if (e.mapping() != null && e.mapping().startsWith("data/")) names.add(e.mapping());
        }));
        return names;
    }

    private void plantLeftovers(Path ws) throws IOException {
        Files.writeString(ws.resolve("manifest.yaml.tmp"), "half a manifest");
        Files.writeString(ws.resolve("manifest.yaml.1f2e.tmp"), "half a manifest");
        Files.createDirectories(ws.resolve("data/ledger"));
        Files.write(ws.resolve("data/ledger/0123456789abcdef.csv.gz.tmp"), new byte[1000]);
        Files.write(ws.resolve("data/ledger/0123456789abcdef.csv.gz"), new byte[1000]);
        Files.createDirectories(ws.resolve("rejects/bids"));
        Files.writeString(ws.resolve("rejects/bids/fedcba9876543210.csv"), "source,line\n");
        Files.createDirectories(ws.resolve("data/orphan-folder"));
    }

    @Test
    void theNextImportSweepsWhatNoManifestNames() throws IOException {
        Path ws = dir.resolve("ws");
        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
        plantLeftovers(ws);
        Path outside = dir.resolve("keep-me.tmp");
        Files.writeString(outside, "not the workspace's");
        Cli.run("--workspace", ws.toString(), "import", "institutions", "sample-data/institutions.csv").ok();
        assertEquals(named(ws), files(ws));
        assertTrue(Files.exists(outside));
        assertTrue(!Files.exists(ws.resolve("data/orphan-folder")));
    }

    @Test
    void anImportThatChangesNothingSweepsToo() throws IOException {
        Path ws = dir.resolve("ws");
        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
        plantLeftovers(ws);
        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
        assertEquals(named(ws), files(ws));
    }

    @Test
    void replaceRemovesTheFilesItSupersedesAndKeepsLedgerMappings() throws IOException {
        Path ws = dir.resolve("ws");
        Path ledger = dir.resolve("renamed.csv");
        Files.writeString(ledger, Files.readString(Path.of("sample-data/ledger.csv")).replaceFirst("^date", "采购时间"));
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, "columns:\n  采购时间: date\n");
        Cli.run("--workspace", ws.toString(), "import", "ledger", ledger.toString(), "--map", map.toString()).ok();
        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids-gb18030.csv", "--replace").ok();
        assertEquals(named(ws), files(ws));
        assertTrue(files(ws).stream().anyMatch(f -> f.endsWith(".map.yaml")), files(ws).toString());
        Cli.run("--workspace", ws.toString(), "online-rate").ok();
    }
}
