package dev.vbp.engine.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.BeforeEach;
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
 * Hand-worked retained savings (r_fund = s_insured = 1 unless said; cycle 2019; base period 2018).
 * <pre>
 * Unit prices: S1 (甲, selected) 5.00/10 = 0.50; N1 (甲, not selected); S2 (乙) 0.30/1 = 0.30; S3 (丙) 10.00/10 = 1.00.
 * P_pre 甲 = (20.00×100 + 30.00×100) / (1000 + 1000) = 2.50 (the 2017 row is outside the base period)
 * P_pre 乙 = 1.00×500 / 500 = 1.00;  丙: its only row has no quantity → no P_pre (base_price: mean → 5.00)
 *
 * H1 (score 80 → A 0.5):
 *   甲 agreed 1000, budget 1000 × 2.50 = 2500. S1 bought 120 − 10 (return) = 110 packs = 1100 units
 *      (the 2018-12-31 line is outside the cycle); N1 10 packs, 200.00.
 *      cap on:  min(1100, 1000) × 0.50 = 500 + 200 = 700 → balance 1800 → 900.00
 *      cap off: 1100 × 0.50 = 550 + 200 = 750 → balance 1750 → 875.00
 *      non-selected not counted: 500 → balance 2000 → 1000.00
 *      completion 1100 / 1000 = 1.1
 *   乙 agreed 1000, budget 1000; S2 1000 units × 0.30 = 300 → balance 700 → 350.00
 *   丙 no P_pre → 0 (with base_price: mean: budget 100 × 5 = 500, spend 100 × 1 = 100, 400 × 0.5 = 200.00)
 *   total 1250.00
 * H2..H6 乙 only, balance 700: 79.9 → B 280.00; 70 → B 280.00; 69.9 → C 210.00; 60 → C 210.00; 59.9 → D 0
 * H7 no score → 0.  H8 (90) bought 870 of 1000 → completion 87% < 100% → 0.
 * H9 (90): 乙 700 → 350.00; 甲 budget 2500, spend 1000 × 0.5 + N1 2200 = 2700 → over-spend 200:
 *   zero: 甲 0, total 350.00; offset: (−200 + 700) × 0.5 = 250.00
 * Bureau total (defaults): 1250 + 280 + 280 + 210 + 210 + 350 = 2580.00
 * Counties: 甲县 (H1, H2) 1530.00; 乙县 (H3) 280.00; unknown (H4, H5, H9 … ) 770.00
 * r_fund 0.8, s_insured 0.9 (share 0.72): H1 乙 budget 720, spend 216, balance 504 → 252.00
 * </pre>
 */
class RetainedSavingsTest {
    static final String BIDS = """
            batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected
            B1,S1,甲药片,10mg,10,厂一,5.00,y
            B1,N1,甲药片,10mg,10,厂二,20.00,n
            B1,S2,乙药片,5mg,1,厂三,0.30,y
            B1,S3,丙药片,1g,10,厂四,10.00,y
            """;
    static final String BASELINE = """
            product_code,generic_name,spec,pack_price,pack_count,quantity,year
            ,甲药片,10mg,20.00,10,100,2018
            ,甲药片,10mg,30.00,10,100,2018
            ,乙药片,5mg,1.00,1,500,2018
            ,丙药片,1g,50.00,10,,2018
            ,甲药片,10mg,99.00,10,100,2017
            """;
    static final String SCORES = """
            institution_code,score
            H1,80
            H2,79.9
            H3,70
            H4,69.9
            H5,60
            H6,59.9
            H8,90
            H9,90
            """;
    static final String INSTITUTIONS = """
            institution_code,name,county
            H1,一院,甲县
            H2,二院,甲县
            H3,三院,乙县
            """;

    @TempDir Path dir;
    List<String> files;

    @BeforeEach
    void write() throws Exception {
        StringBuilder alloc = new StringBuilder("institution_code,product_code,agreed_qty,cycle_start,cycle_end\n");
        StringBuilder ledger = new StringBuilder("date,institution_code,product_code,quantity,amount,channel\n");
        alloc.append("H1,S1,1000,2019-01-01,2019-12-31\nH1,S2,1000,2019-01-01,2019-12-31\nH1,S3,100,2019-01-01,2019-12-31\n");
        ledger.append("2019-03-01,H1,S1,120,600.00,online\n2019-04-01,H1,S1,-10,-50.00,online\n2018-12-31,H1,S1,50,250.00,online\n")
                .append("2019-05-01,H1,N1,10,200.00,offline\n2019-02-01,H1,S2,1000,300.00,online\n2019-02-01,H1,S3,10,100.00,online\n");
        for (String h : new String[]{"H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9"}) {
            alloc.append(h).append(",S2,1000,2019-01-01,2019-12-31\n");
            ledger.append("2019-06-01,").append(h).append(",S2,").append(h.equals("H8") ? "870,261.00" : "1000,300.00").append(",online\n");
        }
        alloc.append("H9,S1,1000,2019-01-01,2019-12-31\n");
        ledger.append("2019-06-01,H9,S1,100,500.00,online\n2019-06-02,H9,N1,50,2200.00,offline\n");
        files = new ArrayList<>();
        add("--bids", "bids.csv", BIDS);
        add("--baseline", "baseline.csv", BASELINE);
        add("--allocations", "allocations.csv", alloc.toString());
        add("--ledger", "ledger.csv", ledger.toString());
        add("--scores", "scores.csv", SCORES);
        add("--institutions", "institutions.csv", INSTITUTIONS);
    }

    private void add(String option, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        files.add(option);
        files.add(f.toString());
    }

    JsonNode run(String policy, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--workspace", dir.resolve("ws").toString(), "retained-savings",
                "--base-period", "2018", "--as-of", "2019-12-31", "--format", "json"));
        args.addAll(files);
        if (policy != null) {
            Path p = dir.resolve("policy.yaml");
            Files.writeString(p, policy);
            args.add("--policy");
            args.add(p.toString());
        }
        args.addAll(List.of(extra));
        return Json.parse(Cli.run(args.toArray(String[]::new)).ok().out());
    }

    static JsonNode row(JsonNode r, String institution, String generic) {
        for (JsonNode row : r.get("rows")) {
            if (row.get("institution_code").asText().equals(institution)
                    && (generic == null || row.get("generic_name").asText().equals(generic))) return row;
        }
        throw new AssertionError("no row " + institution + " " + generic);
    }

    static void money(String expected, JsonNode node) {
        assertEquals(0, new BigDecimal(expected).compareTo(node.decimalValue()), "expected " + expected + ", got " + node);
    }

    @Test
    void defaultPolicyCapOnNonSelectedCounted() throws Exception {
        JsonNode r = run(null);
        JsonNode a = row(r, "H1", "甲药片");
        money("2.5", a.get("p_pre"));
        money("2500", a.get("budget"));
        money("1100", a.get("selected_qty"));
        money("500", a.get("selected_spend"));
        money("200", a.get("non_selected_spend"));
        money("700", a.get("spend"));
        money("1800", a.get("balance"));
        money("1.1", a.get("completion"));
        assertEquals("A", a.get("band").asText());
        money("0.5", a.get("ratio"));
        money("900", a.get("retained"));
        assertTrue(a.get("reason").isNull());
        money("350", row(r, "H1", "乙药片").get("retained"));
        money("2580", r.get("summary").get("retained"));
        assertEquals("2018", r.get("assumptions").get("base_period").asText());
        assertEquals("zero", r.get("assumptions").get("over_spend").asText());
        assertTrue(r.get("assumptions").get("cap_selected_at_agreed").asBoolean());
    }

    @Test
    void capOff() throws Exception {
        JsonNode a = row(run("cap_selected_at_agreed: false\n"), "H1", "甲药片");
        money("550", a.get("selected_spend"));
        money("1750", a.get("balance"));
        money("875", a.get("retained"));
    }

    @Test
    void nonSelectedNotCounted() throws Exception {
        JsonNode a = row(run("count_non_selected: false\n"), "H1", "甲药片");
        money("0", a.get("non_selected_spend"));
        money("2000", a.get("balance"));
        money("1000", a.get("retained"));
    }

    @Test
    void scoreBandBoundaries() throws Exception {
        JsonNode r = run(null);
        assertEquals("A", row(r, "H1", "乙药片").get("band").asText());
        String[][] expected = {{"H2", "B", "280"}, {"H3", "B", "280"}, {"H4", "C", "210"}, {"H5", "C", "210"}, {"H6", "D", "0"}};
        for (String[] e : expected) {
            JsonNode x = row(r, e[0], "乙药片");
            assertEquals(e[1], x.get("band").asText(), e[0]);
            money(e[2], x.get("retained"));
        }
        assertEquals("band D (score 59.9) keeps nothing", row(r, "H6", null).get("reason").asText());
    }

    @Test
    void noScoreAndCompletionNotMet() throws Exception {
        JsonNode r = run(null);
        JsonNode h7 = row(r, "H7", null);
        money("0", h7.get("retained"));
        assertEquals("no score", h7.get("reason").asText());
        assertTrue(h7.get("score").isNull());
        JsonNode h8 = row(r, "H8", null);
        money("0.87", h8.get("completion"));
        money("0", h8.get("retained"));
        assertEquals("completion 87% < 100% required", h8.get("reason").asText());
    }

    @Test
    void noBasePeriodPriceIsReportedNotGuessed() throws Exception {
        JsonNode c = row(run(null), "H1", "丙药片");
        assertTrue(c.get("p_pre").isNull());
        assertTrue(c.get("budget").isNull());
        money("0", c.get("retained"));
        assertTrue(c.get("reason").asText().startsWith("no base-period price for 丙药片 1000mg: its 1 baseline rows have no quantity"),
                c.get("reason").asText());
        JsonNode m = row(run("base_price: mean\n"), "H1", "丙药片");
        money("5", m.get("p_pre"));
        money("400", m.get("balance"));
        money("200", m.get("retained"));
    }

    @Test
    void overSpendZeroAndOffset() throws Exception {
        JsonNode zero = run(null, "--by", "institution");
        JsonNode h9 = row(zero, "H9", null);
        money("350", h9.get("retained"));
        JsonNode line = row(run(null), "H9", "甲药片");
        money("2700", line.get("spend"));
        money("0", line.get("balance"));
        assertEquals("spending exceeds budget by 200 (over_spend: zero)", line.get("reason").asText());
        money("250", row(run("over_spend: offset\n", "--by", "institution"), "H9", null).get("retained"));
        money("-200", row(run("over_spend: offset\n"), "H9", "甲药片").get("balance"));
    }

    @Test
    void fundShares() throws Exception {
        JsonNode b = row(run("r_fund: 0.8\ns_insured: 0.9\n"), "H1", "乙药片");
        money("720", b.get("budget"));
        money("216", b.get("spend"));
        money("504", b.get("balance"));
        money("252", b.get("retained"));
    }

    @Test
    void byCounty() throws Exception {
        JsonNode r = run(null, "--by", "county");
        assertEquals("甲县", r.get("rows").get(0).get("county").asText());
        money("1530", r.get("rows").get(0).get("retained"));
        money("280", r.get("rows").get(1).get("retained"));
        assertEquals("(unknown county)", r.get("rows").get(2).get("county").asText());
        money("770", r.get("rows").get(2).get("retained"));
    }

    @Test
    void explainListsEveryStepWithSources() throws Exception {
        JsonNode r = run(null, "--explain", "H1");
        List<String> steps = new ArrayList<>();
        r.get("rows").forEach(x -> steps.add(x.get("step").asText()));
        String y = "甲药片 2019-01-01..2019-12-31: ";
        assertTrue(steps.contains(y + "budget"), steps.toString());
        JsonNode budget = r.get("rows").get(steps.indexOf(y + "budget"));
        assertEquals("1000 × 2.5 × 1 × 1", budget.get("values").asText());
        assertEquals("2500", budget.get("result").asText());
        // 1100 bought against 1000 agreed: the last 100 (from the 2019-03-01 purchase) are capped; the
        // 2018-12-31 line (50 packs = 500 units) is outside the agreement year.
        assertEquals("100", r.get("rows").get(steps.indexOf(y + "capped")).get("result").asText());
        JsonNode out = r.get("rows").get(steps.indexOf(y + "left out"));
        assertEquals("500", out.get("result").asText());
        assertTrue(out.get("values").asText().contains("ledger.csv:4"), out.get("values").asText());
        JsonNode sel = r.get("rows").get(steps.indexOf(y + "selected S1"));
        assertTrue(sel.get("values").asText().contains("ledger.csv:2"), sel.get("values").asText());
        assertTrue(sel.get("values").asText().contains("bids.csv:2"), sel.get("values").asText());
        assertEquals("1250.00", r.get("rows").get(steps.indexOf("total")).get("result").asText());
        money("1250", r.get("summary").get("retained"));
    }

    @Test
    void noLedgerMeansNoPurchases() throws Exception {
        int i = files.indexOf("--ledger");
        files.remove(i);
        files.remove(i);
        JsonNode r = run(null);
        money("0", r.get("summary").get("retained"));
        JsonNode a = row(r, "H1", "甲药片");
        assertTrue(a.get("reason").asText().contains("no purchases (no ledger data)"), a.get("reason").asText());
        assertTrue(r.get("warnings").toString().contains("no purchase data"));
    }
}
