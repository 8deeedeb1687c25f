package dev.vbp.engine.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rulings of domain.md §4 "How the formula is applied", each in a world small enough to work by hand.
 * Unless said otherwise: r_fund = s_insured = 1, base period 2018, score 85 → band A, ratio 0.5, one pack =
 * one unit, cycle 2019-01-01..2019-12-31, settled as of 2019-12-31.
 */
class RetainedSavingsRulingsTest {
    @TempDir Path dir;

    /** A world: bids, baseline, allocations, ledger; scores give every institution 85. */
    private record World(String bids, String baseline, String allocations, String ledger) {}

    private static final String BIDS = """
            batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected
            B1,P1,甲药片,10mg,1,厂一,0.50,y
            B1,P7,甲药片,10mg,1,厂七,0.60,y
            B1,N1,甲药片,10mg,1,厂二,2.00,n
            """;
    private static final String BASELINE_2 = """
            generic_name,spec,pack_price,pack_count,quantity,year
            甲药片,10mg,2.00,1,1000,2018
            """;

    JsonNode run(World w, String policy, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--workspace", dir.resolve("ws").toString(), "retained-savings",
                "--base-period", "2018", "--format", "json", "--precision", "full")); // rows exact: the test is about where rounding happens
        args.addAll(file("--bids", "bids.csv", w.bids()));
        args.addAll(file("--baseline", "baseline.csv", w.baseline()));
        args.addAll(file("--allocations", "allocations.csv", "batch_id,institution_code,product_code,agreed_qty,cycle_start,cycle_end\n" + w.allocations()));
        args.addAll(file("--ledger", "ledger.csv", "date,institution_code,product_code,quantity,amount,channel\n" + w.ledger()));
        args.addAll(file("--scores", "scores.csv", "institution_code,score\nH1,85\nH2,85\n"));
        if (policy != null) args.addAll(file("--policy", "policy.yaml", policy));
        args.addAll(List.of(extra));
        if (!args.contains("--as-of")) args.addAll(List.of("--as-of", "2019-12-31"));
        return Json.parse(Cli.run(args.toArray(String[]::new)).ok().out());
    }

    private List<String> file(String option, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return List.of(option, f.toString());
    }

    static void money(String expected, JsonNode node) {
        assertEquals(0, new BigDecimal(expected).compareTo(node.decimalValue()), "expected " + expected + ", got " + node);
    }

    static JsonNode institution(JsonNode r, String code) {
        for (JsonNode row : r.get("rows")) if (row.get("institution_code").asText().equals(code)) return row;
        throw new AssertionError("no row for " + code + " in " + r.get("rows"));
    }

    // 1. Selected purchases of the generic count and are priced together, capped at the generic's agreed total.

    @Test
    void selectedProductWithoutItsOwnAllocationIsPricedAndCounted() throws Exception {
        // Allocated 1,000 of P1; bought 1,000 of P7 (same generic, selected, 0.60/unit).
        // budget 1000 × 2.00 = 2000; spend 1000 × 0.60 = 600; balance 1400; completion 1000/1000 = 100%
        // retained 1400 × 0.5 = 700.00 (not 1,000.00: P7 was counted toward completion but priced at 0)
        JsonNode r = run(new World(BIDS, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\n",
                "2019-03-01,H1,P7,1000,600.00,online\n"), null);
        JsonNode h1 = institution(r, "H1");
        money("2000", h1.get("budget"));
        money("600", h1.get("spend"));
        money("1", h1.get("completion"));
        money("1400", h1.get("eligible_balance"));
        money("700", h1.get("retained"));
    }

    @Test
    void selectedProductsAreCappedTogetherAtTheGenericsAgreedTotal() throws Exception {
        // P1 and P7 allocated 1,000 each (agreed total 2,000); bought 1,500 of P1 and 500 of P7.
        // budget 2000 × 2.00 = 4000; spend 1500 × 0.50 + 500 × 0.60 = 750 + 300 = 1050 (2000 ≤ 2000, nothing capped)
        // balance 2950 → 1,475.00 (per-product caps gave 1000 × 0.5 + 500 × 0.6 = 800 → 1,600.00)
        JsonNode r = run(new World(BIDS, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\nB1,H1,P7,1000,2019-01-01,2019-12-31\n",
                "2019-03-01,H1,P1,1500,750.00,online\n2019-04-01,H1,P7,500,300.00,online\n"), null);
        JsonNode h1 = institution(r, "H1");
        money("4000", h1.get("budget"));
        money("1050", h1.get("spend"));
        money("1475", h1.get("retained"));
    }

    @Test
    void theCapTakesPurchasesInDateOrder() throws Exception {
        // Allocated 1,000 of P1. P7 600 on 03-01, then P1 600 on 04-01: the first 1,000 units are counted.
        // spend 600 × 0.60 + 400 × 0.50 = 360 + 200 = 560; balance 2000 − 560 = 1440 → 720.00; 200 capped.
        JsonNode r = run(new World(BIDS, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\n",
                "2019-03-01,H1,P7,600,360.00,online\n2019-04-01,H1,P1,600,300.00,online\n"), null);
        money("560", institution(r, "H1").get("spend"));
        money("720", institution(r, "H1").get("retained"));
        money("1.2", institution(r, "H1").get("completion"));
        // The other way round: P1 600 × 0.50 + P7 400 × 0.60 = 300 + 240 = 540; 1460 → 730.00
        JsonNode swapped = run(new World(BIDS, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\n",
                "2019-04-01,H1,P7,600,360.00,online\n2019-03-01,H1,P1,600,300.00,online\n"), null);
        money("540", institution(swapped, "H1").get("spend"));
        money("730", institution(swapped, "H1").get("retained"));
        JsonNode explain = run(new World(BIDS, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\n",
                "2019-03-01,H1,P7,600,360.00,online\n2019-04-01,H1,P1,600,300.00,online\n"), null, "--explain", "H1");
        String capped = step(explain, "甲药片 B1 2019-01-01..2019-12-31: capped").get("values").asText();
        assertTrue(capped.startsWith("200 units from 2019-04-01 (P1, ledger ") && capped.contains("ledger.csv:3"), capped);
        String p7 = step(explain, "甲药片 B1 2019-01-01..2019-12-31: selected P7").get("values").asText();
        assertTrue(p7.startsWith("600 bought (no allocation of its own), 600 counted × 0.6"), p7);
    }

    static JsonNode step(JsonNode explain, String name) {
        for (JsonNode row : explain.get("rows")) if (row.get("step").asText().equals(name)) return row;
        List<String> steps = new ArrayList<>();
        explain.get("rows").forEach(x -> steps.add(x.get("step").asText()));
        throw new AssertionError("no step " + name + " in " + steps);
    }

    // 2. Settle per agreement year; batches stay apart.

    @Test
    void eachAgreementYearSettlesOnItsOwn() throws Exception {
        // Cycle 2019-03-01..2021-02-28, 2,400 a year, P_pre 1.00, selected 0.30 (P_pre − price = 0.70).
        // Year 1: 1,920 bought (80%) → not met → 0. Year 2: 1,200 (50%) → 0.
        // (Against the whole cycle: 3,120 / 2,400 = 130%, 2,400 × 0.70 × 0.5 = 840.00.)
        String bids = "batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected\nB1,P1,甲药片,10mg,1,厂一,0.30,y\n";
        String baseline = "generic_name,spec,pack_price,pack_count,quantity,year\n甲药片,10mg,1.00,1,1000,2018\n";
        World w = new World(bids, baseline, "B1,H1,P1,2400,2019-03-01,2021-02-28\n",
                "2019-06-01,H1,P1,1920,576.00,online\n2020-06-01,H1,P1,1200,360.00,online\n");
        JsonNode y1 = institution(run(w, null, "--as-of", "2020-02-29"), "H1");
        assertEquals("2019-03-01", y1.get("year_start").asText());
        assertEquals("2020-02-29", y1.get("year_end").asText());
        money("0.8", y1.get("completion"));
        money("0", y1.get("retained"));
        JsonNode y2 = institution(run(w, null, "--as-of", "2021-02-28"), "H1");
        assertEquals("2020-03-01", y2.get("year_start").asText());
        money("0.5", y2.get("completion"));
        money("0", y2.get("retained"));
        // Year 2 bought in full: 2,400 × (1.00 − 0.30) × 0.5 = 840.00, the year-1 purchase left out.
        World full = new World(bids, baseline, "B1,H1,P1,2400,2019-03-01,2021-02-28\n",
                "2019-06-01,H1,P1,1920,576.00,online\n2020-06-01,H1,P1,2400,720.00,online\n");
        JsonNode r = run(full, null, "--as-of", "2021-02-28");
        money("840", institution(r, "H1").get("retained"));
        JsonNode out = step(run(full, null, "--as-of", "2021-02-28", "--explain", "H1"), "甲药片 B1 2020-03-01..2021-02-28: left out");
        assertEquals("1920", out.get("result").asText());
    }

    @Test
    void batchesOfOneGenericStayApart() throws Exception {
        // 甲 selected in B1 (P1, 0.50) and again in B2 (P7, 0.60); H1 allocated 1,000 in each, same year.
        // B1: budget 2000 − P1 1000 × 0.50 = 1500 → met; B2: 2000 − P7 1000 × 0.60 = 1400 → met.
        // Each purchase goes to the batch that selected its product; retained (1500 + 1400) × 0.5 = 1,450.00.
        String bids = """
                batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected
                B1,P1,甲药片,10mg,1,厂一,0.50,y
                B2,P7,甲药片,10mg,1,厂七,0.60,y
                """;
        JsonNode r = run(new World(bids, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\nB2,H1,P7,1000,2019-01-01,2019-12-31\n",
                "2019-03-01,H1,P1,1000,500.00,online\n2019-03-01,H1,P7,1000,600.00,online\n"), null, "--by", "generic");
        assertEquals(2, r.get("rows").size());
        assertEquals("B1", r.get("rows").get(0).get("batch_id").asText());
        money("1500", r.get("rows").get(0).get("balance"));
        money("1", r.get("rows").get(0).get("completion"));
        assertEquals("B2", r.get("rows").get(1).get("batch_id").asText());
        money("1400", r.get("rows").get(1).get("balance"));
        money("1450", r.get("summary").get("retained"));
    }

    // 3. Over-spend offsets whatever the completion; only positive balances need completion.

    @Test
    void overSpendOffsetsWhateverTheCompletion() throws Exception {
        // 甲: agreed 1000, P_pre 2.50, selected 1.00, 1000 bought → 2500 − 1000 = 1500, met.
        // 乙: agreed 1000, P_pre 1.00, selected 0.30; non-selected amount 1040.
        //   900 bought (90%): spend 270 + 1040 = 1310 → −310 → (1500 − 310) × 0.5 = 595.00 (old: 乙 left out, 750.00)
        //   1000 bought (100%): 300 + 1040 = 1340 → −340 → (1500 − 340) × 0.5 = 580.00
        String bids = """
                batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected
                B1,X1,甲药片,10mg,1,厂一,1.00,y
                B1,Y1,乙药片,5mg,1,厂三,0.30,y
                B1,YN,乙药片,5mg,1,厂四,2.60,n
                """;
        String baseline = "generic_name,spec,pack_price,pack_count,quantity,year\n甲药片,10mg,2.50,1,100,2018\n乙药片,5mg,1.00,1,100,2018\n";
        String alloc = "B1,H1,X1,1000,2019-01-01,2019-12-31\nB1,H1,Y1,1000,2019-01-01,2019-12-31\n";
        String ledger = "2019-02-01,H1,X1,1000,1000.00,online\n2019-02-01,H1,YN,400,1040.00,offline\n";
        String offset = "over_spend: offset\n";
        JsonNode r90 = run(new World(bids, baseline, alloc, ledger + "2019-03-01,H1,Y1,900,270.00,online\n"), offset, "--by", "institution");
        money("-310", row(run(new World(bids, baseline, alloc, ledger + "2019-03-01,H1,Y1,900,270.00,online\n"), offset), "乙药片").get("eligible_balance"));
        money("1190", institution(r90, "H1").get("eligible_balance"));
        money("595", institution(r90, "H1").get("retained"));
        JsonNode r100 = run(new World(bids, baseline, alloc, ledger + "2019-03-01,H1,Y1,1000,300.00,online\n"), offset, "--by", "institution");
        money("580", institution(r100, "H1").get("retained"));
        // Under over_spend: zero the over-spent generic is just zero: 1500 × 0.5 = 750.00 either way.
        money("750", institution(run(new World(bids, baseline, alloc, ledger + "2019-03-01,H1,Y1,900,270.00,online\n"), null, "--by", "institution"), "H1").get("retained"));
    }

    static JsonNode row(JsonNode r, String generic) {
        for (JsonNode row : r.get("rows")) if (row.get("generic_name").asText().equals(generic)) return row;
        throw new AssertionError("no row " + generic);
    }

    // 4. Net per product and year; a negative net is named and counts as zero.

    @Test
    void aReturnWithoutPurchaseInTheYearCountsAsZero() throws Exception {
        // P1 1000 bought (500.00); a return of 10 N1 (−20.00) whose purchase was in 2018.
        // Spend 500 (not 500 − 20 = 480); balance 2000 − 500 = 1500 → 750.00 (old: 1520 → 760.00)
        JsonNode r = run(new World(BIDS, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\n",
                "2019-03-01,H1,P1,1000,500.00,online\n2018-12-20,H1,N1,10,20.00,offline\n2019-01-05,H1,N1,-10,-20.00,offline\n"), null);
        JsonNode h1 = institution(r, "H1");
        money("500", h1.get("spend"));
        money("0", h1.get("non_selected_spend"));
        money("750", h1.get("retained"));
        String warnings = r.get("warnings").toString();
        assertTrue(warnings.contains("H1 N1 (甲药片): net purchases -10 in 2019-01-01..2019-12-31 are below zero")
                && warnings.contains("ledger.csv:4"), warnings);
    }

    // 5. Round once, the institution's total; per-generic rounding is a setting.

    @Test
    void roundOnceUnlessThePolicyRoundsPerGeneric() throws Exception {
        // Two generics, each: agreed 1, P_pre 2.005, selected 1.00, 1 bought → balance 1.005, × 0.5 = 0.5025.
        // Once: (1.005 + 1.005) × 0.5 = 1.005 → 1.01.  Per generic: 0.50 + 0.50 = 1.00.
        String bids = """
                batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected
                B1,A1,甲药片,10mg,1,厂一,1.00,y
                B1,B1,乙药片,10mg,1,厂二,1.00,y
                """;
        String baseline = "generic_name,spec,pack_price,pack_count,quantity,year\n甲药片,10mg,2.005,1,1,2018\n乙药片,10mg,2.005,1,1,2018\n";
        World w = new World(bids, baseline, "B1,H1,A1,1,2019-01-01,2019-12-31\nB1,H1,B1,1,2019-01-01,2019-12-31\n",
                "2019-03-01,H1,A1,1,1.00,online\n2019-03-01,H1,B1,1,1.00,online\n");
        JsonNode once = run(w, null);
        money("0.5025", row(once, "甲药片").get("retained"));
        money("1.01", once.get("summary").get("retained"));
        assertTrue(once.get("assumptions").get("retained").asText().contains("once"));
        JsonNode perGeneric = run(w, "rounding: generic\n");
        money("0.5", row(perGeneric, "甲药片").get("retained"));
        money("1.00", perGeneric.get("summary").get("retained"));
    }

    // 6. P_pre over the same generic and strength by default.

    @Test
    void prePriceOfTheAllocatedStrength() throws Exception {
        // 1 mg at 1.00/tablet and 2 mg at 1.80/tablet, 1,000 each in 2018. D1 (1 mg, 0.10) allocated and bought 1,000.
        // strength: P_pre 1.00, budget 1000, spend 100 → 900 × 0.5 = 450.00
        // generic:  P_pre (1000 × 1.00 + 1000 × 1.80) / 2000 = 1.40, budget 1400 → 1300 × 0.5 = 650.00
        String bids = """
                batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected
                B1,D1,丁药片,1mg,10,厂一,1.00,y
                B1,D2,丁药片,2mg,10,厂一,1.80,y
                """;
        String baseline = "generic_name,spec,pack_price,pack_count,quantity,year\n丁药片,1mg,10.00,10,100,2018\n丁药片,2mg,18.00,10,100,2018\n";
        World w = new World(bids, baseline, "B1,H1,D1,1000,2019-01-01,2019-12-31\n", "2019-03-01,H1,D1,100,100.00,online\n");
        JsonNode strength = run(w, null);
        money("1", row(strength, "丁药片").get("p_pre"));
        money("450", strength.get("summary").get("retained"));
        assertEquals("over the allocated product's generic and strength (base_price_scope: strength)",
                strength.get("assumptions").get("p_pre").asText());
        JsonNode generic = run(w, "base_price_scope: generic\n");
        money("1.4", row(generic, "丁药片").get("p_pre"));
        money("650", generic.get("summary").get("retained"));
        assertEquals("generic", generic.get("assumptions").get("base_price_scope").asText());
    }

    // What users see: coverage and as-of warnings.

    @Test
    void warnsWhenTheLedgerOrTheAsOfDayMissesTheYear() throws Exception {
        World w = new World(BIDS, BASELINE_2, "B1,H1,P1,1000,2019-01-01,2019-12-31\n", "2019-03-01,H1,P1,1000,500.00,online\n");
        String warnings = run(w, null, "--as-of", "2021-06-30").get("warnings").toString();
        assertTrue(warnings.contains("as-of 2021-06-30 is past every cycle (the last ends 2019-12-31)"), warnings);
        assertTrue(warnings.contains("as-of 2021-06-30 is past the ledger's last date 2019-03-01"), warnings);
        assertTrue(warnings.contains("the ledger covers 2019-03-01..2019-03-01, not the whole settlement year of 1 batch(es): B1 2019-01-01..2019-12-31"), warnings);
        String midYear = run(w, null, "--as-of", "2019-06-30").get("warnings").toString();
        assertTrue(midYear.contains("on 2019-06-30 the agreement year has not ended for: B1 2019-01-01..2019-12-31"), midYear);
    }
}
