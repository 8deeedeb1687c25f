package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rejects files are opened in spreadsheets: a cell that starts like a formula is kept as text. */
class RejectsFileTest {
    @TempDir Path dir;

    @Test
    void formulaCellsAreNeutralised() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "batch_id,generic_name,spec,pack_count,manufacturer,bid_price\n"
                + "4+7,a,1mg,10,b,17.36\n"
                + "=cmd|' /C calc'!A0,a,1mg,10,b,-1\n"
                + "@SUM(A1),a,1mg,10,b,abc\n");
        Path ws = dir.resolve("ws");
        Cli.Result r = Cli.run("--workspace", ws.toString(), "import", "bids", bad.toString(), "--max-rejects", "-1", "--format", "csv").ok();
        Path rejects;
        try (var s = Files.walk(ws.resolve("rejects"))) {
            rejects = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        String text = Files.readString(rejects);
        try (var parser = org.apache.commons.csv.CSVParser.parse(text, org.apache.commons.csv.CSVFormat.RFC4180)) {
            for (var record : parser) {
                for (String c : record) {
                    assertFalse(c.startsWith("=") || c.startsWith("@") || c.startsWith("+") || c.startsWith("-"), record.toString());
                }
            }
        }
        assertTrue(text.contains("'=cmd|"), text);
        assertTrue(text.contains("'@SUM(A1)"), text);
    }
}
