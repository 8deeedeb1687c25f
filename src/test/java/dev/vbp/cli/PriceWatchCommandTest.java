package dev.vbp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-worked world for each price-watch flag with a row just short of it beside.
 *
 * <p>阿托伐他汀钙片 20mg: selected A (7 per pack at 0.70, unit 0.10) and B (14 at 2.80, unit 0.20), cycle 2021;
 * non-selected C (10 per pack). The highest selected unit price is 0.20, so k = 1.5 allows 0.30.
 * Listings: C in 四川省 at 2.00 (2020-03-01, before the cycle: not held against it), 3.00 (2021-02-01: unit 0.30,
 * exactly the limit, no flag), 3.01 (2021-06-01: 0.301, flagged), delisted 2021-09-01; D (no code, 某药业, 海南省)
 * at 2.00, 2.20, 2.43 in 2021, 2022, 2023. Rises by year, threshold 10%: C 2020 → 2021 mean (0.30 + 0.301) / 2 =
 * 0.3005 against 0.20 (× 1.5025, flagged); D 2021 → 2022 × 1.10 exactly (no flag), 2022 → 2023 0.243 / 0.22 (flagged).
 */
class PriceWatchCommandTest {
    static final String BIDS = """
            batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected,cycle_start,cycle_end
            b8,XC10AAE001A010000000001,阿托伐他汀钙片,20mg,7,甲药业,0.70,y,2021-01-01,2021-12-31
            b8,XC10AAE001A010000000002,阿托伐他汀钙片,20mg,14,乙药业,2.80,y,2021-01-01,2021-12-31
            b8,XC10AAE001A010000000003,阿托伐他汀钙片,20mg,10,丙药业,5.00,n,2021-01-01,2021-12-31
            """;
    static final String LISTINGS = """
            product_code,generic_name,spec,manufacturer,listed_price,pack_count,date,region,status
            XC10AAE001A010000000003,阿托伐他汀钙片,20mg,丙药业,2.00,10,2020-03-01,四川省,挂网
            XC10AAE001A010000000003,阿托伐他汀钙片,20mg,丙药业,3.00,10,2021-02-01,四川省,挂网
            XC10AAE001A010000000003,阿托伐他汀钙片,20mg,丙药业,3.01,10,2021-06-01,四川省,挂网
            XC10AAE001A010000000003,阿托伐他汀钙片,20mg,丙药业,3.01,10,2021-09-01,四川省,撤网
            ,阿托伐他汀钙片,20mg,某药业,2.00,10,2021-03-01,海南省,
            ,阿托伐他汀钙片,20mg,某药业,2.20,10,2022-03-01,海南省,
            ,阿托伐他汀钙片,20mg,某药业,2.43,10,2023-03-01,海南省,
            """;
    /**
     * H1 buys selected A (bid 0.70 a pack, tolerance 0.01): 0.71 (within), 0.72 (above by 0.02 × 10), 4.00 for 5
     * packs without a unit price (0.80, above by 0.10 × 5), a return, and 0.90 in 2022 after the cycle (not checked).
     * H2 buys C: before its first listing, at 2.00 (listed 2.00), 3.05 against 3.00 (above by 0.05 × 2), 3.01 against
     * 3.01, and once while delisted.
     */
    static final String LEDGER = """
            date,institution_code,product_code,quantity,unit_price,amount
            2021-03-05,H1,XC10AAE001A010000000001,10,0.71,7.10
            2021-04-05,H1,XC10AAE001A010000000001,10,0.72,7.20
            2021-05-05,H1,XC10AAE001A010000000001,5,,4.00
            2021-06-05,H1,XC10AAE001A010000000001,-2,0.80,-1.60
            2022-01-05,H1,XC10AAE001A010000000001,10,0.90,9.00
            2020-02-01,H2,XC10AAE001A010000000003,1,2.50,2.50
            2020-05-01,H2,XC10AAE001A010000000003,4,2.00,8.00
            2021-03-01,H2,XC10AAE001A010000000003,2,3.05,6.10
            2021-07-01,H2,XC10AAE001A010000000003,1,3.01,3.01
            2021-10-01,H2,XC10AAE001A010000000003,1,3.50,3.50
            """;

    record World(Path bids, Path listings, Path ledger) {
        List<String> args(String... more) {
            List<String> a = new ArrayList<>(List.of("price-watch", "--bids", bids.toString(), "--listings", listings.toString(),
                    "--format", "json", "--precision", "full", "--workspace", bids.getParent().resolve("ws").toString()));
            a.addAll(List.of(more));
            return a;
        }
    }

    static World world(Path dir) throws IOException {
        Path b = Files.writeString(dir.resolve("bids.csv"), BIDS, StandardCharsets.UTF_8);
        Path l = Files.writeString(dir.resolve("listings.csv"), LISTINGS, StandardCharsets.UTF_8);
        Path g = Files.writeString(dir.resolve("ledger.csv"), LEDGER, StandardCharsets.UTF_8);
        return new World(b, l, g);
    }

    static JsonNode run(List<String> args) {
        return Json.parse(Cli.run(args.toArray(String[]::new)).ok().out());
    }

    static void assertDecimal(String expected, JsonNode node) {
        assertTrue(node != null && !node.isNull(), "no value, expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(Json.decimal(node)), "expected " + expected + ", was " + node);
    }

    @Test
    void listedPricesRiseAndStandAboveTheSelectedPrice(@TempDir Path dir) throws IOException {
        World w = world(dir);
        JsonNode out = run(w.args());
        JsonNode rows = out.get("rows");
        assertEquals(3, rows.size(), rows.toString());

        JsonNode d = rows.get(0); // sorted: rises first, the row without a code before C
        assertEquals("rise", d.get("flag").asText());
        assertEquals("海南省", d.get("region").asText());
        assertEquals("2022", d.get("from").asText());
        assertEquals("2023", d.get("to").asText());
        assertDecimal("0.243", d.get("price"));
        assertDecimal("0.22", d.get("reference"));
        assertDecimal("1.1", d.get("limit"));
        assertEquals(w.listings() + ":7; " + w.listings() + ":8", d.get("rows").asText());

        JsonNode c = rows.get(1);
        assertEquals("rise", c.get("flag").asText());
        assertEquals("XC10AAE001A010000000003", c.get("product_code").asText());
        assertEquals("2020", c.get("from").asText());
        assertEquals("2021", c.get("to").asText());
        assertDecimal("0.3005", c.get("price"));
        assertDecimal("0.2", c.get("reference"));
        assertDecimal("1.5025", c.get("ratio"));
        assertEquals(w.listings() + ":2; " + w.listings() + ":3; " + w.listings() + ":4", c.get("rows").asText());

        JsonNode above = rows.get(2);
        assertEquals("above_selected", above.get("flag").asText());
        assertEquals("2021-06-01", above.get("from").asText());
        assertDecimal("0.301", above.get("price"));
        assertDecimal("0.2", above.get("reference"));
        assertDecimal("1.505", above.get("ratio"));
        assertDecimal("1.5", above.get("limit"));
        assertEquals(w.listings() + ":4", above.get("rows").asText());

        JsonNode s = out.get("summary");
        assertEquals(6, s.get("listings").asInt());
        assertEquals(1, s.get("delistings").asInt());
        assertEquals(3, s.get("comparisons").asInt());
        assertEquals(2, s.get("rises").asInt());
        assertEquals(3, s.get("checked_against_selected").asInt()); // C 2021-02, C 2021-06, D 2021-03
        assertEquals(1, s.get("above_selected").asInt());
        assertNull(s.get("above_bid"), "no ledger, no purchase checks");

        JsonNode rules = out.get("assumptions").get("price_watch");
        assertDecimal("0.1", rules.get("rise_threshold").get("value"));
        assertEquals("setting; not confirmed", rules.get("rise_threshold").get("source").asText());
        assertTrue(rules.get("max_multiple_of_selected").get("source").asText().startsWith("setting; not confirmed"));
        assertEquals("highest", rules.get("selected_reference").get("value").asText());
    }

    @Test
    void settingsMoveTheBoundaries(@TempDir Path dir) throws IOException {
        World w = world(dir);
        // Against the lowest selected unit price (0.10, limit 0.15) every listing in the cycle is above: C twice, D once.
        Path policy = Files.writeString(dir.resolve("instruments.yaml"), "price_watch:\n  selected_reference: lowest\n");
        JsonNode lowest = run(w.args("--policy", policy.toString()));
        assertEquals(3, lowest.get("summary").get("above_selected").asInt());
        assertEquals(policy + ":2", lowest.get("assumptions").get("price_watch").get("selected_reference").get("source").asText());
        // A rise of exactly 10% is not beyond a 10% threshold; at 9% D's 2021 → 2022 rise flags too.
        JsonNode nine = run(w.args("--rise-threshold", "9%"));
        assertEquals(3, nine.get("summary").get("rises").asInt());
        assertEquals("--rise-threshold", nine.get("assumptions").get("price_watch").get("rise_threshold").get("source").asText());
        // k = 1.505 allows C's 0.301 exactly.
        assertEquals(0, run(w.args("--max-multiple", "1.505")).get("summary").get("above_selected").asInt());
        // By month, C's 2021-02 → 2021-06 (0.30 → 0.301) is one more comparison and no flag.
        JsonNode monthly = run(w.args("--period", "month"));
        assertEquals(4, monthly.get("summary").get("comparisons").asInt());
        assertEquals(2, monthly.get("summary").get("rises").asInt());
    }

    @Test
    void purchasesAboveTheBidAndTheListedPrice(@TempDir Path dir) throws IOException {
        World w = world(dir);
        JsonNode out = run(w.args("--ledger", w.ledger().toString()));
        JsonNode rows = out.get("rows");
        assertEquals(5, rows.size(), rows.toString()); // the three listing flags, then the purchases

        JsonNode bid = rows.get(3);
        assertEquals("above_bid", bid.get("flag").asText());
        assertEquals("H1", bid.get("institution_code").asText());
        assertEquals("XC10AAE001A010000000001", bid.get("product_code").asText());
        assertEquals("甲药业", bid.get("manufacturer").asText());
        assertEquals("2021-04-05", bid.get("from").asText());
        assertEquals("2021-05-05", bid.get("to").asText());
        assertEquals(2, bid.get("lines").asInt());
        assertDecimal("15", bid.get("packs"));
        assertDecimal("0.8", bid.get("price"));
        assertDecimal("0.7", bid.get("reference"));
        assertDecimal("0.70", bid.get("paid_above")); // 0.02 × 10 + 0.10 × 5
        assertEquals(w.ledger() + ":3; " + w.ledger() + ":4", bid.get("rows").asText());

        JsonNode listed = rows.get(4);
        assertEquals("above_listed", listed.get("flag").asText());
        assertEquals("H2", listed.get("institution_code").asText());
        assertEquals(1, listed.get("lines").asInt());
        assertDecimal("3.05", listed.get("price"));
        assertDecimal("3.00", listed.get("reference"));
        assertDecimal("0.10", listed.get("paid_above"));
        assertEquals(w.ledger() + ":9", listed.get("rows").asText());

        JsonNode s = out.get("summary");
        assertEquals(3, s.get("lines_checked_against_bid").asInt());     // A's three purchases in the cycle
        assertEquals(3, s.get("lines_checked_against_listing").asInt()); // C on 2020-05-01, 2021-03-01, 2021-07-01
        assertEquals(1, s.get("above_bid").asInt());
        assertEquals(1, s.get("above_listed").asInt());
        assertDecimal("0.80", s.get("paid_above"));
        String warnings = out.get("warnings").toString();
        assertTrue(warnings.contains("1 purchase lines were bought on a day their product was delisted"), warnings);
        assertTrue(warnings.contains("1 purchase lines are dated before their product's first listing"), warnings);
        assertTrue(warnings.contains("1 purchase lines are returns"), warnings);
    }

    @Test
    void aFlagCanFailACheckAndBaselineRowsServeAsListings(@TempDir Path dir) throws IOException {
        World w = world(dir);
        List<String> gate = w.args("--fail-on-flag");
        Cli.run(gate.toArray(String[]::new)).expect(ExitCodes.CHECK_FAILED);

        // The same listed prices as baseline rows (no status: each listed from its date).
        Path baseline = Files.writeString(dir.resolve("baseline.csv"), LISTINGS.lines()
                .filter(l -> !l.contains("撤网")).map(l -> l.substring(0, l.lastIndexOf(',')))
                .map(l -> l.replace("listed_price", "pack_price")).reduce("", (a, b) -> a + b + "\n"), StandardCharsets.UTF_8);
        JsonNode out = Json.parse(Cli.run("price-watch", "--bids", w.bids().toString(), "--baseline", baseline.toString(),
                "--format", "json", "--workspace", dir.resolve("ws").toString()).ok().out());
        assertEquals(2, out.get("summary").get("rises").asInt());
        assertEquals(1, out.get("summary").get("above_selected").asInt());
        assertTrue(out.get("assumptions").get("listed_prices").asText().contains("baseline"));
    }
}
