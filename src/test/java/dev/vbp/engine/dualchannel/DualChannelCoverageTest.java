package dev.vbp.engine.dualchannel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
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
 * A hand-made world: counties A, B, C; outlets HA (hospital, A), PA1, PA2 (pharmacies, A), HB (hospital, B),
 * PB (pharmacy, B), HC (hospital, C; C has no pharmacy). Six designated outlets.
 * <pre>
 * catalog                           period                 dual  on 2026-06-30
 *   D1 甲片     XA00AAE001A010000000001   2026-01-01..2027-12-31  y     listed
 *   D2 乙胶囊   (no code)                 2025-01-01..2026-12-31  y     listed  (payment standard *)
 *   D3 丙注射液 XB00AAE003B010000000003   2026-01-01..2027-12-31  y     listed
 *   D4 丁片     XC00AAE004A010000000004   2024-01-01..2025-12-31  y     lapsed
 *   D5 戊片     XD00AAE005A010000000005   2027-01-01..2028-12-31  y     not begun
 *   D6 己片     XE00AAE006A010000000006   2026-01-01..2027-12-31  n     not dual-channel
 * stock: PA1 D1, PA2 D1, HA D1, PB D1, PA1 乙胶囊 (by name), HC 乙胶囊 (by name), HB D3,
 *        PA1 D4 (lapsed), PB D5 (not begun), PB 某某片 XZ.. (not in catalog), PX9 D1 (not designated)
 *
 * presence (pharmacy / hospital) on 2026-06-30:
 *          A        B          C
 *   D1     P + H    P          —
 *   D2     P        —          H only
 *   D3     —        H only     —
 * covered (pharmacy): D1 A, D1 B, D2 A = 3 of 3 × 3 = 9 pairs → 0.333333
 * --require hospital: only D1 A (PA1 and HA) = 1/9 → 0.111111
 * county coverage: A, B have a pharmacy → 2/3 = 0.666667
 * stocking rate: D1 PA1 PA2 HA PB = 4/6 = 0.666667; D2 PA1 HC = 2/6 = 0.333333; D3 HB = 1/6 = 0.166667
 * with institutions adding county D (no outlets): 3 of 3 × 4 = 12 → 0.25
 * </pre>
 */
class DualChannelCoverageTest {
    static final String CATALOG = """
            drug_code,generic_name,dosage_form,drug_class,spec,payment_standard,agreement_period,dual_channel,remarks
            XA00AAE001A010000000001,甲片,口服常释剂型,乙,10mg,1.58元(每片含甲10mg),2026年1月1日至2027年12月31日,y,
            ,乙胶囊,口服常释剂型,乙,20mg,*,2025年1月1日至2026年12月31日,y,
            XB00AAE003B010000000003,丙注射液,注射剂,甲,1.5ml:2mg；3ml:4mg,239元(1.5ml:2mg/支)；408元(3ml:4mg/支),2026年1月1日至2027年12月31日,y,
            XC00AAE004A010000000004,丁片,口服常释剂型,乙,5mg,2元(5mg/片),2024年1月1日至2025年12月31日,y,
            XD00AAE005A010000000005,戊片,口服常释剂型,乙,5mg,3元(5mg/片),2027年1月1日至2028年12月31日,y,
            XE00AAE006A010000000006,己片,口服常释剂型,乙,5mg,4元(5mg/片),2026年1月1日至2027年12月31日,n,
            """;
    static final String OUTLETS = """
            outlet_code,name,type,county
            HA,甲县医院,hospital,A
            PA1,甲县药房一,pharmacy,A
            PA2,甲县药房二,pharmacy,A
            HB,乙县医院,hospital,B
            PB,乙县药房,pharmacy,B
            HC,丙县医院,hospital,C
            """;
    static final String STOCK = """
            outlet_code,drug_code,generic_name,since
            PA1,XA00AAE001A010000000001,甲片,2025-01-01
            PA2,XA00AAE001A010000000001,甲片,
            HA,XA00AAE001A010000000001,甲片,
            PB,XA00AAE001A010000000001,甲片,
            PA1,,乙胶囊,
            HC,,乙胶囊,
            HB,XB00AAE003B010000000003,丙注射液,
            PA1,XC00AAE004A010000000004,丁片,
            PB,XD00AAE005A010000000005,戊片,
            PB,XZ00AAE009A010000000009,某某片,
            PX9,XA00AAE001A010000000001,甲片,
            """;
    static final String PRESCRIPTIONS = """
            date,prescription_id,hospital_code,pharmacy_code,drug_code,generic_name,amount,fund_paid
            2026-03-01,RX1,HA,PA1,XA00AAE001A010000000001,甲片,100.00,70.00
            2026-03-15,RX2,HA,PA2,,乙胶囊,200.00,150.00
            2026-04-02,RX3,HB,PX9,XA00AAE001A010000000001,甲片,50.00,0.00
            2026-04-20,RX4,HB,PB,XA00AAE001A010000000001,甲片,80.00,80.00
            """;

    @TempDir Path dir;
    Path catalog, outlets, stock, prescriptions, institutions;

    @BeforeEach
    void files() throws Exception {
        catalog = write("catalog.csv", CATALOG);
        outlets = write("outlets.csv", OUTLETS);
        stock = write("stock.csv", STOCK);
        prescriptions = write("prescriptions.csv", PRESCRIPTIONS);
        institutions = write("institutions.csv", "institution_code,name,county\nHA,甲县医院,A\nHD,丁县医院,D\n");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Cli.Result run(String sub, String... extra) {
        List<String> args = new ArrayList<>(List.of("--workspace", dir.resolve("ws").toString(), "--format", "json",
                "dual-channel", sub, "--catalog", catalog.toString(), "--outlets", outlets.toString(), "--stock", stock.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static BigDecimal dec(JsonNode n) { return Json.decimal(n); }

    @Test
    void coverageRatesOnTheHandMadeWorld() {
        JsonNode r = Json.parse(run("coverage", "--as-of", "2026-06-30").ok().out());
        JsonNode s = r.get("summary");
        assertEquals(3, s.get("listed_drugs").asInt());
        assertEquals(3, s.get("counties").asInt());
        assertEquals(9, s.get("pairs").asInt());
        assertEquals(3, s.get("covered_pairs").asInt());
        assertEquals(new BigDecimal("0.3333333333"), dec(s.get("coverage_rate")));
        assertEquals(new BigDecimal("0.6666666667"), dec(s.get("county_coverage")));
        JsonNode rows = r.get("rows");
        assertEquals("甲片", rows.get(0).get("generic_name").asText());
        assertEquals(2, rows.get(0).get("counties_covered").asInt());
        assertEquals(4, rows.get(0).get("outlets_stocking").asInt());
        assertEquals(new BigDecimal("0.6666666667"), dec(rows.get(0).get("stocking_rate")));
        assertEquals("乙胶囊", rows.get(1).get("generic_name").asText(), "matched by name, no code on either side");
        assertEquals(new BigDecimal("0.3333333333"), dec(rows.get(1).get("stocking_rate")));
        assertEquals("confidential", rows.get(1).get("payment_standard").asText(), "a * price stays confidential, never 0");
        assertEquals(new BigDecimal("0.1666666667"), dec(rows.get(2).get("stocking_rate")));
        assertEquals(0, rows.get(2).get("counties_covered").asInt(), "a hospital alone does not cover");
    }

    @Test
    void byCounty() {
        JsonNode rows = Json.parse(run("coverage", "--as-of", "2026-06-30", "--by", "county").ok().out()).get("rows");
        assertEquals("A", rows.get(0).get("county").asText());
        assertEquals(2, rows.get(0).get("pharmacies").asInt());
        assertEquals(2, rows.get(0).get("drugs_covered").asInt());
        assertEquals(new BigDecimal("0.6666666667"), dec(rows.get(0).get("coverage_rate")));
        assertEquals(1, rows.get(1).get("drugs_covered").asInt());
        assertEquals(0, rows.get(2).get("drugs_covered").asInt());
    }

    @Test
    void requireHospitalToo() {
        JsonNode s = Json.parse(run("coverage", "--as-of", "2026-06-30", "--require", "hospital").ok().out()).get("summary");
        assertEquals(1, s.get("covered_pairs").asInt());
        assertEquals(new BigDecimal("0.1111111111"), dec(s.get("coverage_rate")));
    }

    @Test
    void institutionsAddTheirCounties() {
        JsonNode s = Json.parse(run("coverage", "--as-of", "2026-06-30", "--institutions", institutions.toString()).ok().out()).get("summary");
        assertEquals(4, s.get("counties").asInt());
        assertEquals(new BigDecimal("0.25"), dec(s.get("coverage_rate")));
        assertEquals(new BigDecimal("0.5"), dec(s.get("county_coverage")));
    }

    /**
     * 2027-01-15: D2 lapsed (ended 2026-12-31), D5 begun; listed D1, D3, D5. Covered: D1 A, D1 B, D5 B (PB) = 3/9.
     * 2025-06-30: D1, D3 not begun, D4 in force; listed D2, D4, covered D2 A, D4 A = 2/6 = 0.333333.
     */
    @Test
    void asOfLeavesOutLapsedAndNotYetBegunDrugs() {
        JsonNode r = Json.parse(run("coverage", "--as-of", "2027-01-15").ok().out());
        List<String> names = new ArrayList<>();
        r.get("rows").forEach(row -> names.add(row.get("generic_name").asText()));
        assertEquals(List.of("甲片", "丙注射液", "戊片"), names);
        assertEquals(3, r.get("summary").get("covered_pairs").asInt());
        String warnings = r.get("warnings").toString();
        assertTrue(warnings.contains("乙胶囊 — agreement lapsed on 2026-12-31"), warnings);
        assertTrue(warnings.contains("己片 (XE00AAE006A010000000006) — not a dual-channel drug"), warnings);

        JsonNode early = Json.parse(run("coverage", "--as-of", "2025-06-30").ok().out());
        names.clear();
        early.get("rows").forEach(row -> names.add(row.get("generic_name").asText()));
        assertEquals(List.of("乙胶囊", "丁片"), names);
        assertEquals(new BigDecimal("0.3333333333"), dec(early.get("summary").get("coverage_rate")));
        assertTrue(early.get("warnings").toString().contains("戊片 (XD00AAE005A010000000005) — agreement begins on 2027-01-01"));
    }

    @Test
    void asOfDefaultsToTheClock() {
        // Cli.CLOCK is 2026-11-23: the same three drugs as on 2026-06-30
        JsonNode r = Json.parse(run("coverage").ok().out());
        assertEquals("2026-11-23", r.get("parameters").get("as_of").asText());
        assertEquals(3, r.get("summary").get("listed_drugs").asInt());
    }

    @Test
    void failUnderExitsOneAfterPrinting() {
        Cli.Result res = run("coverage", "--as-of", "2026-06-30", "--fail-under", "50%").expect(ExitCodes.CHECK_FAILED);
        JsonNode r = Json.parse(res.out());
        assertTrue(r.get("warnings").toString().contains("coverage rate 33.33% is below --fail-under 50.00% (shortfall 16.67%)"),
                r.get("warnings").toString());
        run("coverage", "--as-of", "2026-06-30", "--fail-under", "0.3").ok();
        run("coverage", "--as-of", "2026-06-30", "--fail-under", "95").expect(ExitCodes.USAGE);
    }

    /**
     * Gaps on 2026-06-30: no_pharmacy C; uncovered D1 C, D2 B, D2 C, D3 A, D3 B, D3 C (6); stock rows lapsed (PA1 丁片),
     * not_begun (PB 戊片), off_list (PB 某某片), unknown_outlet (PX9); not_listed D4, D5, D6. 1 + 6 + 4 + 3 = 14 rows.
     */
    @Test
    void gapsListEveryUnmatchedOrUncoveredRow() {
        JsonNode r = Json.parse(run("gaps", "--as-of", "2026-06-30").ok().out());
        JsonNode s = r.get("summary");
        assertEquals(14, s.get("gaps").asInt());
        assertEquals(1, s.get("no_pharmacy").asInt());
        assertEquals(6, s.get("uncovered").asInt());
        assertEquals(1, s.get("lapsed").asInt());
        assertEquals(1, s.get("not_begun").asInt());
        assertEquals(1, s.get("off_list").asInt());
        assertEquals(1, s.get("unknown_outlet").asInt());
        assertEquals(3, s.get("not_listed").asInt());
        JsonNode offList = find(r.get("rows"), "off_list");
        assertEquals("PB", offList.get("outlet_code").asText());
        assertEquals("XZ00AAE009A010000000009", offList.get("drug_code").asText());
        assertEquals("C", find(r.get("rows"), "no_pharmacy").get("county").asText());
    }

    private static JsonNode find(JsonNode rows, String kind) {
        for (JsonNode row : rows) if (row.get("kind").asText().equals(kind)) return row;
        throw new AssertionError("no " + kind + " row");
    }

    @Test
    void matrixCellsInJson() {
        JsonNode r = Json.parse(run("matrix", "--as-of", "2026-06-30").ok().out());
        JsonNode rows = r.get("rows");
        assertEquals("covered", rows.get(0).get("A").asText());
        assertEquals("covered", rows.get(0).get("B").asText());
        assertEquals("none", rows.get(0).get("C").asText());
        assertEquals("hospital_only", rows.get(1).get("C").asText());
        assertEquals("hospital_only", rows.get(2).get("B").asText());
        assertEquals(3, r.get("summary").get("covered").asInt());
        assertEquals(2, r.get("summary").get("hospital_only").asInt());
        assertEquals(4, r.get("summary").get("none").asInt());
        String table = Cli.run("--workspace", dir.resolve("ws").toString(), "dual-channel", "matrix", "--as-of", "2026-06-30",
                "--catalog", catalog.toString(), "--outlets", outlets.toString(), "--stock", stock.toString()).ok().out();
        assertTrue(table.contains("◐") && table.contains("●") && table.contains("hospital only"), table);
    }

    /**
     * RX1 PA1 甲片 ok 100/70; RX2 PA2 乙胶囊 not_stocked 200/150; RX3 PX9 not_designated 50/0; RX4 PB ok 80/80.
     * Total 430.00, fund 300.00, share 300/430 = 0.697674; flagged 2.
     * By month: 2026-03 300/220 = 0.733333 (1 flagged); 2026-04 130/80 = 0.615385 (1 flagged).
     */
    @Test
    void prescriptionsWithFlags() {
        JsonNode r = Json.parse(run("prescriptions", "--prescriptions", prescriptions.toString(), "--by", "prescription").ok().out());
        JsonNode s = r.get("summary");
        assertEquals(4, s.get("prescriptions").asInt());
        assertEquals(0, new BigDecimal("430").compareTo(dec(s.get("amount"))), "money now carries two decimals");
        assertEquals(0, new BigDecimal("300").compareTo(dec(s.get("fund_paid"))), "money now carries two decimals");
        assertEquals(new BigDecimal("0.6976744186"), dec(s.get("fund_share")));
        assertEquals(2, s.get("flagged").asInt());
        JsonNode rows = r.get("rows");
        assertTrue(rows.get(0).get("flag").isNull());
        assertEquals("not_stocked", rows.get(1).get("flag").asText());
        assertEquals("not_designated", rows.get(2).get("flag").asText());
        assertTrue(rows.get(3).get("flag").isNull());
        assertTrue(r.get("warnings").toString().contains("2 prescriptions are flagged"));

        JsonNode month = Json.parse(run("prescriptions", "--prescriptions", prescriptions.toString(), "--by", "month").ok().out()).get("rows");
        assertEquals("2026-03", month.get(0).get("month").asText());
        assertEquals(new BigDecimal("0.7333333333"), dec(month.get(0).get("fund_share")));
        assertEquals(1, month.get(0).get("flagged").asInt());
        assertEquals(new BigDecimal("0.6153846154"), dec(month.get(1).get("fund_share")));
        assertEquals(2, month.get(1).get("prescriptions").asInt());
    }
}
