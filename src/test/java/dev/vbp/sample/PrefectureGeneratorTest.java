package dev.vbp.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sample-data's allocations, ledger and scores are exactly what the documented command writes, and look like a prefecture. */
class PrefectureGeneratorTest {
    @TempDir Path dir;

    @Test
    void sampleDataIsWhatTheDocumentedCommandWrites() throws Exception {
        Cli.run("sample", "prefecture", "--bids", "sample-data/bids.csv", "--institutions", "sample-data/institutions.csv",
                "--batch", "4+7", "--batch", "batch-2", "--batch", "batch-3", "--seed", "2019", "--out", dir.toString()).ok();
        for (String f : new String[]{"allocations.csv", "ledger.csv", "scores.csv"}) {
            assertEquals(Files.readString(Path.of("sample-data", f)), Files.readString(dir.resolve(f)), f + " is stale: regenerate it (sample-data/README.md)");
        }
    }

    @Test
    void looksLikeAPrefecture() {
        String[] common = {"--bids", "sample-data/bids.csv", "--allocations", "sample-data/allocations.csv",
                "--ledger", "sample-data/ledger.csv", "--institutions", "sample-data/institutions.csv", "--format", "json"};
        // 4+7's year: most institutions met their volume, a few clearly not.
        JsonNode v = Json.parse(Cli.run(concat(new String[]{"--workspace", dir.resolve("ws").toString(), "volume", "--as-of", "2020-02-29",
                "--batch", "4+7", "--by", "institution"}, common)).out());
        int met = v.get("summary").get("met").asInt(), shortOnes = v.get("summary").get("short").asInt();
        assertTrue(met >= 25 && shortOnes >= 2 && shortOnes <= 8, "met " + met + ", short " + shortOnes);
        // No township centre or 一级 institution is allocated an injection.
        JsonNode rows = Json.parse(Cli.run(concat(new String[]{"--workspace", dir.resolve("ws").toString(), "volume", "--as-of", "2020-02-29",
                "--batch", "4+7"}, common)).out()).get("rows");
        for (JsonNode r : rows) {
            if (r.get("generic_name").asText().contains("注射")) {
                assertTrue(r.get("institution_name").asText().matches(".*(医院)$"), r.toString());
            }
        }
        // Retained savings: summaries are exactly the sums of the rows.
        JsonNode rs = Json.parse(Cli.run("--workspace", dir.resolve("ws").toString(), "retained-savings", "--bids", "sample-data/bids.csv",
                "--baseline", "sample-data/baseline.csv", "--allocations", "sample-data/allocations.csv", "--scores", "sample-data/scores.csv",
                "--institutions", "sample-data/institutions.csv", "--ledger", "sample-data/ledger.csv", "--policy", "sample-data/policy.yaml",
                "--as-of", "2021-10-31", "--by", "institution", "--format", "json", "--precision", "full").ok().out()); // exact rows: rounded rows need not add up
        for (String k : new String[]{"budget", "spend", "balance", "eligible_balance", "retained"}) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode r : rs.get("rows")) sum = sum.add(r.get(k).decimalValue());
            assertEquals(0, sum.compareTo(rs.get("summary").get(k).decimalValue()), k);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
