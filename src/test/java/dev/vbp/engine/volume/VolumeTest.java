package dev.vbp.engine.volume;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreed volumes of 甲药片 P1 (10 tablets a pack) for 2024, as of 2024-06-30: elapsed = 182/366 = 0.4972677596.
 * <pre>
 *   H1 agreed 1000: bought 30 − 5 (return) packs by then (20 more in August do not count) = 250 tablets
 *      → 0.25, behind; other products of the generic: P9 (non-selected, 20 a pack) 3 packs = 60 tablets,
 *      and 2 packs of P7, which no bid names (reported, pack size unknown)
 *   H2 agreed 200: 25 packs = 250 tablets → 1.25, done
 *   by generic: 500 / 1200 = 0.4166666667, behind
 * Realised savings of P1 against its ceiling (1.00 a tablet, bid 0.50): cycle 2024 → 70 packs = 700 tablets
 * → 350; up to 2024-06-30 → 50 packs → 250.
 * </pre>
 */
class VolumeTest {
    @TempDir Path dir;
    Path bids, allocations, ledger;

    @BeforeEach
    void files() throws IOException {
        bids = dir.resolve("bids.csv");
        Files.writeString(bids, """
                batch_id,product_code,generic_name,spec,pack_count,bid_price,selected,cycle_start,cycle_end,ceiling_price
                B,P1,甲药片,10mg,10,5.00,y,2024-01-01,2024-12-31,10.00
                B,P9,甲药片,10mg,20,30.00,n,,,
                """);
        allocations = dir.resolve("allocations.csv");
        Files.writeString(allocations, """
                batch_id,institution_code,product_code,agreed_qty,cycle_start,cycle_end
                B,H1,P1,1000,2024-01-01,2024-12-31
                B,H2,P1,200,2024-01-01,2024-12-31
                """);
        ledger = dir.resolve("ledger.csv");
        Files.writeString(ledger, """
                date,institution_code,product_code,generic_name,quantity,amount,channel
                2024-02-01,H1,P1,甲药片,30,150.00,线上
                2024-02-10,H1,P1,甲药片,-5,-25.00,线上
                2024-08-01,H1,P1,甲药片,20,100.00,线上
                2024-03-01,H2,P1,甲药片,25,125.00,线上
                2024-02-01,H1,P9,甲药片,3,90.00,线下
                2024-02-03,H1,P7,甲药片,2,50.00,线下
                2023-12-31,H2,P1,甲药片,99,495.00,线上
                """);
    }

    private Cli.Result volume(String... extra) {
        List<String> args = new ArrayList<>(List.of("--workspace", dir.resolve("ws").toString(), "volume",
                "--allocations", allocations.toString(), "--bids", bids.toString(), "--ledger", ledger.toString(),
                "--as-of", "2024-06-30", "--format", "json"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void completionElapsedAndStatusPerAllocation() {
        JsonNode r = Json.parse(volume().ok().out());
        JsonNode h1 = r.get("rows").get(0), h2 = r.get("rows").get(1);
        assertEquals(new BigDecimal("250"), h1.get("purchased_qty").decimalValue());
        assertEquals(new BigDecimal("0.25"), h1.get("completion").decimalValue());
        assertEquals(new BigDecimal("0.4972677596"), h1.get("elapsed").decimalValue());
        assertEquals("behind", h1.get("status").asText());
        assertEquals(new BigDecimal("60"), h1.get("other_products_qty").decimalValue());
        assertTrue(h1.get("note").asText().startsWith("2 packs of products of the generic that no bid names"), h1.toString());
        assertEquals(new BigDecimal("1.25"), h2.get("completion").decimalValue());
        assertEquals("done", h2.get("status").asText());
        assertEquals(1, r.get("summary").get("behind").asInt());
    }

    @Test
    void aWarningLevelBelowOneForgivesSmallDelays() {
        JsonNode r = Json.parse(volume("--warn-below", "0.5").ok().out());
        assertEquals("on track", r.get("rows").get(0).get("status").asText()); // 0.25 ≥ 0.4973 × 0.5
    }

    @Test
    void byGenericAndFailUnder() {
        JsonNode r = Json.parse(volume("--by", "generic").ok().out());
        assertEquals(1, r.get("rows").size());
        assertEquals(new BigDecimal("0.4166666667"), r.get("rows").get(0).get("completion").decimalValue());
        assertEquals(new BigDecimal("60"), r.get("rows").get(0).get("other_products_qty").decimalValue());
        Cli.Result failed = volume("--fail-under", "50%").expect(ExitCodes.CHECK_FAILED);
        assertTrue(failed.out().contains("1 row is below --fail-under 50.00%: B / H1 / P1 / 甲药片: 25.00%"), failed.out());
    }

    @Test
    void realisedSavingsFromTheLedger() {
        String ws = dir.resolve("ws").toString();
        JsonNode all = Json.parse(Cli.run("--workspace", ws, "savings", "--bids", bids.toString(), "--against", "ceiling",
                "--volume", "actual", "--ledger", ledger.toString(), "--format", "json").ok().out());
        assertEquals(new BigDecimal("700"), all.get("rows").get(0).get("quantity").decimalValue());
        assertEquals(0, new BigDecimal("350").compareTo(all.get("summary").get("savings").decimalValue()), "money now carries two decimals");
        JsonNode half = Json.parse(Cli.run("--workspace", ws, "savings", "--bids", bids.toString(), "--against", "ceiling",
                "--volume", "actual", "--to", "2024-06-30", "--ledger", ledger.toString(), "--format", "json").ok().out());
        assertEquals(0, new BigDecimal("250").compareTo(half.get("summary").get("savings").decimalValue()), "money now carries two decimals");
        assertEquals("actual", half.get("parameters").get("volume").asText());
    }

    /**
     * P1 selected in two batches with consecutive cycles (same code), P2 of the same generic allocated to H2
     * only. As of 2025-06-30: H1's 2024 allocation counts 10 packs (100 tablets), its 2025 one 7 packs (70);
     * H1's 4 packs of P2 in 2024 are other products of its 2024 row only (40), never of 2025.
     */
    @Test
    void eachAllocationCountsInItsOwnWindowAndOtherProductsOnce() throws IOException {
        Files.writeString(bids, """
                batch_id,product_code,generic_name,spec,pack_count,bid_price,selected,cycle_start,cycle_end
                B1,P1,甲药片,10mg,10,5.00,y,2024-01-01,2024-12-31
                B2,P1,甲药片,10mg,10,4.00,y,2025-01-01,2025-12-31
                B1,P2,甲药片,10mg,10,6.00,y,2024-01-01,2024-12-31
                """);
        Files.writeString(allocations, """
                batch_id,institution_code,product_code,agreed_qty,cycle_start,cycle_end
                B1,H1,P1,1000,2024-01-01,2024-12-31
                B2,H1,P1,1000,2025-01-01,2025-12-31
                B1,H2,P2,500,2024-01-01,2024-12-31
                """);
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity
                2024-02-01,H1,P1,10
                2025-02-01,H1,P1,7
                2024-03-01,H1,P2,4
                """);
        String ws = dir.resolve("ws").toString();
        JsonNode r = Json.parse(Cli.run("--workspace", ws, "volume", "--allocations", allocations.toString(), "--bids", bids.toString(),
                "--ledger", ledger.toString(), "--as-of", "2025-06-30", "--format", "json").ok().out());
        JsonNode rows = r.get("rows");
        assertEquals(new BigDecimal("100"), rows.get(0).get("purchased_qty").decimalValue());
        assertEquals(new BigDecimal("40"), rows.get(0).get("other_products_qty").decimalValue());
        assertEquals(new BigDecimal("70"), rows.get(1).get("purchased_qty").decimalValue());
        assertEquals(new BigDecimal("0"), rows.get(1).get("other_products_qty").decimalValue());
        assertEquals(new BigDecimal("0"), rows.get(2).get("purchased_qty").decimalValue());
        assertEquals(new BigDecimal("40"), r.get("summary").get("other_products_qty").decimalValue());
        JsonNode byGeneric = Json.parse(Cli.run("--workspace", ws, "volume", "--allocations", allocations.toString(), "--bids", bids.toString(),
                "--ledger", ledger.toString(), "--as-of", "2025-06-30", "--by", "generic", "--format", "json").ok().out());
        assertEquals(new BigDecimal("40"), byGeneric.get("summary").get("other_products_qty").decimalValue());
    }

    @Test
    void statusesAfterTheYearAndBeforeItAndNoBlendedElapsed() throws Exception {
        // As of 2025-06-30: B1's 2024 year has ended (H1 100 of 1000 → short; H2 250 of 200 → met); B3's
        // 2026 year has not begun (not started); B2's 2025 year: 70 of 1000, elapsed 181/365 → behind.
        Files.writeString(bids, """
                batch_id,product_code,generic_name,spec,pack_count,bid_price,selected
                B1,P1,甲药片,10mg,10,5.00,y
                B2,P2,甲药片,10mg,10,4.00,y
                B3,P3,甲药片,10mg,10,4.00,y
                """);
        Files.writeString(allocations, """
                batch_id,institution_code,product_code,agreed_qty,cycle_start,cycle_end
                B1,H1,P1,1000,2024-01-01,2024-12-31
                B1,H2,P1,200,2024-01-01,2024-12-31
                B2,H1,P2,1000,2025-01-01,2025-12-31
                B3,H1,P3,1000,2026-01-01,2026-12-31
                """);
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity
                2024-02-01,H1,P1,10
                2024-03-01,H2,P1,25
                2025-02-01,H1,P2,7
                """);
        JsonNode r = Json.parse(Cli.run("--workspace", dir.resolve("ws").toString(), "volume", "--allocations", allocations.toString(),
                "--bids", bids.toString(), "--ledger", ledger.toString(), "--as-of", "2025-06-30", "--format", "json").ok().out());
        JsonNode rows = r.get("rows");
        assertEquals("short", rows.get(0).get("status").asText());
        assertEquals("met", rows.get(1).get("status").asText());
        assertEquals("behind", rows.get(2).get("status").asText());
        assertEquals(0, new BigDecimal("0.495890411").compareTo(rows.get(2).get("elapsed").decimalValue())); // 181 / 365
        assertEquals("not started", rows.get(3).get("status").asText());
        assertEquals(1, r.get("summary").get("short").asInt());
        assertEquals(1, r.get("summary").get("met").asInt());
        assertEquals(1, r.get("summary").get("not_started").asInt());
        assertTrue(r.get("summary").get("elapsed").isNull(), "three agreement years: no blended elapsed share");
        // By institution H1's row mixes three years: no elapsed, no status, a note.
        JsonNode byInst = Json.parse(Cli.run("--workspace", dir.resolve("ws").toString(), "volume", "--allocations", allocations.toString(),
                "--bids", bids.toString(), "--ledger", ledger.toString(), "--as-of", "2025-06-30", "--by", "institution", "--format", "json").ok().out());
        JsonNode h1 = byInst.get("rows").get(0);
        assertTrue(h1.get("elapsed").isNull() && h1.get("status").isNull(), h1.toString());
        assertTrue(h1.get("note").asText().contains("3 agreement years"), h1.toString());
        assertEquals("met", byInst.get("rows").get(1).get("status").asText());
    }
}
