package dev.vbp.engine.onlinerate;

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
 * A hand-worked ledger (yuan):
 * <pre>
 *   H1 public  drug     online 100 − 20 (a return) = 80, offline 50   → 80/130  = 0.6153846154
 *   H1         consumable online 30                                   → 1 (no offline purchases)
 *   H1         herbal pieces offline 20                               → 0 (no online purchases)
 *   H2 public  drug     offline 40                                    → 0
 *   H3 private drug     offline 1000                                  → left out
 *   H4 (not in the institutions file) drug online 30                  → 1
 *   all: online 80 + 30 + 30 = 140, offline 50 + 20 + 40 = 110        → 140/250 = 0.56
 * </pre>
 */
class OnlineRateTest {
    @TempDir Path dir;
    Path ledger, institutions;

    @BeforeEach
    void files() throws IOException {
        institutions = dir.resolve("institutions.csv");
        Files.writeString(institutions, """
                institution_code,name,county,level,ownership
                H1,甲医院,西昌市,三级,公立
                H2,乙医院,会理市,二级,public
                H3,丙诊所,西昌市,一级,民营
                """);
        ledger = dir.resolve("ledger.csv");
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,amount,channel,category
                2024-01-05,H1,P1,10,100.00,线上,药品
                2024-01-06,H1,P1,-2,-20.00,线上,药品
                2024-02-01,H1,P2,5,50.00,线下,药品
                2024-02-02,H1,C1,1,30.00,线上,耗材
                2024-01-10,H2,P1,4,40.00,线下,药品
                2024-01-11,H3,P1,100,1000.00,线下,药品
                2024-03-01,H4,P1,3,30.00,线上,药品
                2024-03-02,H1,Y1,2,20.00,线下,中药饮片
                """);
    }

    private Cli.Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--workspace", dir.resolve("ws").toString(), "online-rate",
                "--ledger", ledger.toString(), "--institutions", institutions.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static BigDecimal rate(JsonNode r, String institution, String category) {
        for (JsonNode row : r.get("rows")) {
            if (row.get("institution_code").asText().equals(institution)
                    && (category == null || row.get("category").asText().equals(category))) {
                return row.get("online_rate").decimalValue();
            }
        }
        throw new AssertionError("no row " + institution + " " + category + " in " + r.get("rows"));
    }

    @Test
    void perPublicInstitutionAndCategoryByAmount() {
        JsonNode r = Json.parse(run().ok().out());
        assertEquals(5, r.get("rows").size(), r.get("rows").toString());
        assertEquals(new BigDecimal("0.6153846154"), rate(r, "H1", "drug"));
        assertEquals(new BigDecimal("1"), rate(r, "H1", "consumable"));
        assertEquals(new BigDecimal("0"), rate(r, "H1", "herbal_pieces"));
        assertEquals(new BigDecimal("0"), rate(r, "H2", "drug"));
        assertEquals(new BigDecimal("1"), rate(r, "H4", "drug"));
        assertEquals(new BigDecimal("0.56"), r.get("summary").get("online_rate").decimalValue());
        // Money in JSON carries two decimals (140.00); compared by value, as the parser may normalise the scale.
        assertEquals(0, new BigDecimal("140.00").compareTo(r.get("summary").get("online_amount").decimalValue()));
        assertEquals(1, r.get("summary").get("private_left_out").asInt());
        String notes = r.get("rows").toString();
        assertTrue(notes.contains("no offline purchases; not in the institutions file"), notes);
        assertTrue(notes.contains("no online purchases"), notes);
        assertTrue(r.get("warnings").toString().contains("1 institution is not in the institutions file"), r.get("warnings").toString());
    }

    @Test
    void excludedCategoriesAreLeftOutAndNamed() {
        JsonNode r = Json.parse(run("--exclude", "herbal-pieces").ok().out());
        assertEquals(new BigDecimal("0.6086956522"), r.get("summary").get("online_rate").decimalValue()); // 140/230
        assertEquals("[herbal_pieces]", r.get("assumptions").get("excluded").asText());
    }

    @Test
    void byCountyAllCategoriesAndItemsBasis() {
        JsonNode r = Json.parse(run("--by", "county", "--all-categories").ok().out());
        assertEquals("(unknown)", r.get("rows").get(0).get("county").asText());
        assertEquals("会理市", r.get("rows").get(1).get("county").asText());
        assertEquals(new BigDecimal("0"), r.get("rows").get(1).get("online_rate").decimalValue());
        assertEquals("西昌市", r.get("rows").get(2).get("county").asText());
        assertEquals(new BigDecimal("0.6111111111"), r.get("rows").get(2).get("online_rate").decimalValue()); // 110/180
        assertEquals(1, r.get("rows").get(2).get("institutions").asInt(), "the private clinic is not counted");

        // H1's lines: P1 online bought and partly returned (net 8 > 0: one line, the return is no line of its own),
        // P2 offline, C1 online, Y1 offline → 2 online lines of 4 (counting the return as a line gave 3 of 5).
        JsonNode lines = Json.parse(run("--all-categories", "--basis", "lines").ok().out());
        assertEquals(new BigDecimal("0.5"), rate(lines, "H1", null));
        assertEquals(2, lines.get("rows").get(0).get("online_lines").asInt());
        // Products: P1 and C1 bought online, of P1, P2, C1 and Y1 bought → 2/4.
        JsonNode products = Json.parse(run("--all-categories", "--basis", "products").ok().out());
        assertEquals(new BigDecimal("0.5"), rate(products, "H1", null));
    }

    @Test
    void returnsAmongSeveralPurchasesNetInProportionToWhatStaysBought() throws IOException {
        // H1 online: P1 three purchases of 10 and a partial return of −5 (net 25 of 30: ⌈3 × 25/30⌉ = 3 lines; the
        // old "purchases less returns" gave 2); P2 three purchases of 10 and one returned whole (net 20: ⌈3 × 20/30⌉
        // = 2). Offline: P3 one purchase. Lines basis: 5 online of 6.
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,amount,channel,category
                2024-01-05,H1,P1,10,100.00,线上,药品
                2024-01-06,H1,P1,10,100.00,线上,药品
                2024-01-07,H1,P1,10,100.00,线上,药品
                2024-01-08,H1,P1,-5,-50.00,线上,药品
                2024-01-05,H1,P2,10,100.00,线上,药品
                2024-01-06,H1,P2,10,100.00,线上,药品
                2024-01-07,H1,P2,10,100.00,线上,药品
                2024-01-09,H1,P2,-10,-100.00,线上,药品
                2024-01-05,H1,P3,10,100.00,线下,药品
                """);
        JsonNode r = Json.parse(run("--all-categories", "--basis", "lines").ok().out());
        assertEquals(5, r.get("rows").get(0).get("online_lines").asInt());
        assertEquals(1, r.get("rows").get(0).get("offline_lines").asInt());
        assertEquals(0, new BigDecimal("0.8333333333").compareTo(rate(r, "H1", null)));
    }

    @Test
    void aPurchaseAndItsReturnAreNoLineAtAll() throws IOException {
        // H1: P1 online 100.00; P2 offline 50.00 and its full return −50.00.
        // amount: 100 / (100 + 0) = 100%; lines: 1 / (1 + 0) = 100% (counting each line: 1 / 3 = 33%);
        // products: P1 online, of P1 bought (P2's net is zero) = 100%.
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,amount,channel,category
                2024-01-05,H1,P1,10,100.00,线上,药品
                2024-02-01,H1,P2,5,50.00,线下,药品
                2024-02-09,H1,P2,-5,-50.00,线下,药品
                """);
        for (String basis : new String[]{"amount", "lines", "products"}) {
            JsonNode r = Json.parse(run("--all-categories", "--basis", basis).ok().out());
            assertEquals(0, BigDecimal.ONE.compareTo(rate(r, "H1", null)), basis);
        }
        assertEquals(0, Json.parse(run("--all-categories", "--basis", "lines").ok().out()).get("rows").get(0).get("offline_lines").asInt());
    }

    @Test
    void failUnderExitsOneAndNamesTheShortfall() {
        Cli.Result r = run("--all-categories", "--fail-under", "50%").expect(ExitCodes.CHECK_FAILED);
        assertTrue(r.out().contains("1 row is below --fail-under 50.00%: H2: 0.00%"), r.out());
        run("--all-categories", "--fail-under", "0%").ok();
        Cli.run("online-rate", "--ledger", ledger.toString(), "--fail-under", "95").expect(ExitCodes.USAGE);
    }

    @Test
    void targetAddsAStatus() {
        JsonNode r = Json.parse(run("--all-categories", "--target", "0.6").ok().out());
        assertEquals("met", r.get("rows").get(0).get("status").asText()); // H1 0.6111
        assertEquals("below", r.get("rows").get(1).get("status").asText()); // H2 0
        assertEquals(1, r.get("summary").get("rows_below_target").asInt());
    }

    @Test
    void amountsThatDisagreeWithQuantityTimesPriceAreCounted() throws IOException {
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,unit_price,amount,channel,category
                2024-01-05,H1,P1,10,10.00,100.00,线上,药品
                2024-01-06,H1,P1,3,10.00,31.00,线下,药品
                2024-01-07,H1,P1,3,10.00,30.01,线下,药品
                """);
        JsonNode r = Json.parse(run().ok().out());
        assertEquals(1, r.get("summary").get("amount_mismatches").asInt(), "31.00 is off by 1 yuan; 30.01 is within 0.01");
        assertTrue(r.get("warnings").toString().contains("1 ledger line's amount differs from quantity × unit price by more than 0.01 yuan"),
                r.get("warnings").toString());
    }

    /** Online 100 with an offline return of −50 is 100/50 = 200%: shown, flagged, failing the gate. */
    @Test
    void ratesOutsideZeroToOneAreFlaggedAndRowsWithoutARateStayOutOfTheGate() throws IOException {
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,amount,channel,category
                2024-01-05,H1,P1,10,100.00,线上,药品
                2024-01-06,H1,P1,-5,-50.00,线下,药品
                2024-01-07,H2,P1,-1,-10.00,线上,药品
                """);
        Cli.Result r = run("--all-categories", "--fail-under", "90%", "--target", "90%").expect(ExitCodes.CHECK_FAILED);
        JsonNode json = Json.parse(r.out());
        assertEquals(new BigDecimal("2"), rate(json, "H1", null));
        assertEquals("check", json.get("rows").get(0).get("status").asText());
        assertEquals("no rate", json.get("rows").get(1).get("status").asText());
        assertEquals(1, json.get("summary").get("rows_below_target").asInt());
        String warnings = json.get("warnings").toString();
        assertTrue(warnings.contains("1 row is below --fail-under 90.00%: H1: 200.00% (outside 0–100%)"), warnings);
        assertTrue(warnings.contains("1 row has no net purchases, so no rate; left out of --target and --fail-under: H2"), warnings);
    }
}
