package dev.vbp.engine.dualchannel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planted cases of sample-data/README.md (catalog, outlets, stock, prescriptions) are all reported. */
class DualChannelSampleDataTest {
    @TempDir Path dir;

    private JsonNode run(String... args) {
        String[] all = new String[args.length + 12];
        String[] head = {"--workspace", dir.toString(), "--format", "json", "dual-channel", args[0],
                "--catalog", "sample-data/catalog.csv", "--outlets", "sample-data/outlets.csv", "--stock", "sample-data/stock.csv"};
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(args, 1, all, head.length, args.length - 1);
        return Json.parse(Cli.run(java.util.Arrays.copyOf(all, head.length + args.length - 1)).ok().out());
    }

    @Test
    void plantedGaps() {
        // 美姑县 has no outlet at all: it is a county only through the institutions file
        JsonNode r = run("gaps", "--as-of", "2026-06-30", "--institutions", "sample-data/institutions.csv");
        Set<String> seen = new HashSet<>();
        for (JsonNode row : r.get("rows")) {
            String kind = row.get("kind").asText();
            if (!kind.equals("uncovered")) seen.add(kind + " " + row.get("county").asText("") + row.get("generic_name").asText("")
                    + " " + row.get("outlet_code").asText(""));
        }
        assertTrue(seen.contains("no_pharmacy 木里藏族自治县 "), seen.toString());
        assertTrue(seen.contains("no_pharmacy 美姑县 "), seen.toString());
        assertTrue(seen.contains("stocked_nowhere 乙磺酸尼达尼布软胶囊 "), seen.toString());
        assertTrue(seen.contains("off_list 西昌市甲苯磺酸多纳非尼片 P513401001"), seen.toString());
        assertTrue(seen.contains("lapsed 会理市达格列净片 P513402002"), seen.toString());
    }

    @Test
    void plantedPrescriptionFlags() {
        JsonNode r = run("prescriptions", "--prescriptions", "sample-data/prescriptions.csv", "--by", "prescription");
        Set<String> flagged = new HashSet<>();
        for (JsonNode row : r.get("rows")) {
            if (!row.get("flag").isNull()) flagged.add(row.get("prescription_id").asText() + " " + row.get("flag").asText());
        }
        assertEquals(Set.of("RX202601240001 not_stocked", "RX202603280001 not_stocked", "RX202605190001 not_designated"), flagged);
    }
}
