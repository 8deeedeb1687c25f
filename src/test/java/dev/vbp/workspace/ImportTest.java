package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import dev.vbp.read.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportTest {
    static final Path SAMPLES = Path.of("sample-data");

    @TempDir Path dir;

    private String canonical(Workspace ws, Dataset d) throws IOException {
        List<Path> files = ws.files(d);
        assertEquals(1, files.size());
        return Files.readString(files.get(0));
    }

    @Test
    void gb18030TwinWithChineseHeadersImportsToTheSameRows() throws IOException {
        Workspace a = new Workspace(dir.resolve("a"));
        Workspace b = new Workspace(dir.resolve("b"));
        Cli.run("--workspace", a.root().toString(), "import", "bids", SAMPLES.resolve("bids.csv").toString()).ok();
        Cli.Result r = Cli.run("--workspace", b.root().toString(), "import", "bids", SAMPLES.resolve("bids-gb18030.csv").toString(),
                "--format", "csv").ok();
        assertTrue(r.out().contains(",GB18030,"), r.out());
        assertEquals(canonical(a, Dataset.BIDS), canonical(b, Dataset.BIDS));
    }

    @Test
    void mappingFileReadsUnusualHeaders() throws IOException {
        Workspace ws = new Workspace(dir.resolve("ws"));
        Cli.run("--workspace", ws.root().toString(), "import", "bids", SAMPLES.resolve("bids-custom-headers.csv").toString(),
                "--map", SAMPLES.resolve("mapping-example.yaml").toString()).ok();
        Workspace full = new Workspace(dir.resolve("full"));
        Cli.run("--workspace", full.root().toString(), "import", "bids", SAMPLES.resolve("bids.csv").toString()).ok();
        List<String> mapped = canonical(ws, Dataset.BIDS).lines().toList();
        List<String> all = canonical(full, Dataset.BIDS).lines().toList();
        assertEquals(6, mapped.size());
        // The custom file carries a subset of columns; every value it has equals the full file's.
        String[] header = all.get(0).split(",");
        for (int i = 1; i < mapped.size(); i++) {
            String[] m = mapped.get(i).split(",", -1);
            String[] f = all.get(i).split(",", -1);
            for (int c = 0; c < header.length; c++) {
                if (!m[c].isEmpty()) assertEquals(f[c], m[c], header[c] + " of row " + i);
            }
        }
    }

    @Test
    void sameFileAgainChangesNothingAndReplaceSwaps() throws IOException {
        Workspace ws = new Workspace(dir.resolve("ws"));
        Path bids = SAMPLES.resolve("bids.csv");
        Cli.run("--workspace", ws.root().toString(), "import", "bids", bids.toString()).ok();
        var before = BadInputImportTest.snapshot(ws.root());
        Cli.Result again = Cli.run("--workspace", ws.root().toString(), "import", "bids", bids.toString(), "--format", "json").ok();
        assertTrue(again.out().contains("\"status\": \"unchanged\""), again.out());
        assertEquals(before, BadInputImportTest.snapshot(ws.root()));

        Path other = dir.resolve("two.csv");
        Files.writeString(other, "batch_id,generic_name,spec,pack_count,bid_price\nX,甲,1mg,1,1.00\n");
        Cli.run("--workspace", ws.root().toString(), "import", "bids", other.toString()).ok();
        assertEquals(2, ws.files(Dataset.BIDS).size(), "a different file is added");
        Cli.run("--workspace", ws.root().toString(), "import", "bids", other.toString(), "--replace").ok();
        assertEquals(1, ws.files(Dataset.BIDS).size(), "--replace leaves only the files given");
        assertEquals(1, ws.read(Dataset.BIDS).get(0).rows().size());
        try (var data = Files.list(ws.root().resolve("data/bids"))) {
            assertEquals(1, data.count(), "replaced data files are removed");
        }
    }

    @Test
    void rejectedRowsAreKeptWithReasonsWhenTolerated() throws IOException {
        Workspace ws = new Workspace(dir.resolve("ws"));
        Path f = dir.resolve("b.csv");
        Files.writeString(f, "batch_id,generic_name,spec,pack_count,bid_price\nX,甲,1mg,1,1.00\nX,乙,1mg,0,2.00\n");
        Cli.Result r = Cli.run("--workspace", ws.root().toString(), "import", "bids", f.toString(), "--max-rejects", "5").ok();
        assertTrue(r.out().contains("b.csv:3:4: pack_count:"), r.out());
        String rejects = Files.readString(ws.root().resolve(ws.manifest().entries("bids").get(0).rejectsFile()));
        assertTrue(rejects.contains(",3,4,pack_count,"), rejects);
        assertTrue(rejects.contains("X,乙,1mg,0,2.00"), rejects);
    }

    @Test
    void theSameBidsImportedTwiceInTwoEncodingsCountOnce() {
        String ws = dir.resolve("ws").toString();
        Cli.run("--workspace", ws, "import", "bids", SAMPLES.resolve("bids.csv").toString()).ok();
        Cli.run("--workspace", ws, "import", "bids", SAMPLES.resolve("bids-gb18030.csv").toString()).ok();
        var r = dev.vbp.cli.Json.parse(Cli.run("--workspace", ws, "price-drop", "--against", "ceiling", "--format", "json").ok().out());
        assertEquals(110, r.get("summary").get("products").asInt());
        assertTrue(r.get("warnings").toString().contains("bids: 118 rows repeat the batch and product of an earlier row and are left out"),
                r.get("warnings").toString());
    }

    @Test
    void concurrentImportsIntoOneWorkspaceBothLand() throws Exception {
        String ws = dir.resolve("ws").toString();
        Cli.run("--workspace", ws, "import", "scores", SAMPLES.resolve("scores.csv").toString()).ok();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> Cli.run("--workspace", ws, "import", "bids", SAMPLES.resolve("bids.csv").toString()));
            var b = pool.submit(() -> Cli.run("--workspace", ws, "import", "baseline", SAMPLES.resolve("baseline.csv").toString()));
            a.get().ok();
            b.get().ok();
        } finally {
            pool.shutdown();
        }
        Workspace w = new Workspace(Path.of(ws));
        assertEquals(java.util.Set.of("scores", "bids", "baseline"), w.manifest().datasets().keySet(),
                "an import must not drop what the other committed meanwhile");
    }
}
