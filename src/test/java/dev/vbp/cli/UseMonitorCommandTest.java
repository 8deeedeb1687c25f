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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-worked world with substitution. 盐酸二甲双胍片 0.5g: selected S (60 a pack) from 2021-01-01, the original
 * O (30 a pack) not selected; N is a non-VBP drug of the same class (A10BA, characters 2–6 of the code). Rules at
 * their defaults: minimum share 70% by units, 6 months before and after the start, growth above 10%.
 *
 * <p>H1: January S 120 units of 180 (66.67%, short), February 180 of 210 (85.71%, +19.05 points); N 100 before,
 * 150 after (+50%) while the class's selected share after is 300 / 390 = 76.92%: growing, not substitution.
 * H2: March S 60 of 180 (33.33%, short); N 200 → 250 (+25%): substitution; an August purchase of N lies past the
 * six months and does not count. H3: N 100 → 105 (+5%, not beyond 10%), S alone: ok.
 */
class UseMonitorCommandTest {
    static final String S = "XA10BAE021A010000000001", O = "XA10BAE021A010000000002", N = "XA10BAE099A010000000003";
    static final String BIDS = """
            batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected,cycle_start,cycle_end
            b5,%s,盐酸二甲双胍片,0.5g,60,甲药业,6.00,y,2021-01-01,2021-12-31
            b5,%s,盐酸二甲双胍片,0.5g,30,原研药业,30.00,n,,
            """.formatted(S, O);
    static final String LEDGER = """
            date,institution_code,product_code,quantity,unit_price,amount
            2020-10-15,H1,O,10,30.00,300.00
            2020-11-15,H1,N,10,10.00,100.00
            2021-01-10,H1,S,2,6.00,12.00
            2021-01-10,H1,O,2,30.00,60.00
            2021-02-10,H1,S,3,6.00,18.00
            2021-02-10,H1,O,1,30.00,30.00
            2021-02-20,H1,N,15,10.00,150.00
            2020-12-01,H2,N,20,10.00,200.00
            2021-03-01,H2,S,1,6.00,6.00
            2021-03-01,H2,O,4,30.00,120.00
            2021-04-01,H2,N,25,10.00,250.00
            2021-08-01,H2,N,99,10.00,990.00
            2020-09-01,H3,N,10,10.00,100.00
            2021-05-01,H3,N,10,10.50,105.00
            2021-05-01,H3,S,1,6.00,6.00
            """.replace(",S,", "," + S + ",").replace(",O,", "," + O + ",").replace(",N,", "," + N + ",");

    static List<String> args(Path dir, String... more) throws IOException {
        Path b = Files.writeString(dir.resolve("bids.csv"), BIDS, StandardCharsets.UTF_8);
        Path l = Files.writeString(dir.resolve("ledger.csv"), LEDGER, StandardCharsets.UTF_8);
        List<String> a = new ArrayList<>(List.of("use-monitor", "--bids", b.toString(), "--ledger", l.toString(),
                "--format", "json", "--precision", "full", "--workspace", dir.resolve("ws").toString()));
        a.addAll(List.of(more));
        return a;
    }

    static JsonNode run(List<String> args) {
        return Json.parse(Cli.run(args.toArray(String[]::new)).ok().out());
    }

    static void assertDecimal(String expected, JsonNode node) {
        assertTrue(node != null && !node.isNull(), "no value, expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(Json.decimal(node)), "expected " + expected + ", was " + node);
    }

    @Test
    void selectedShareByMonthWithItsChange(@TempDir Path dir) throws IOException {
        JsonNode out = run(args(dir));
        JsonNode rows = out.get("rows");
        assertEquals(4, rows.size(), rows.toString());
        JsonNode jan = rows.get(0), feb = rows.get(1), h2 = rows.get(2), h3 = rows.get(3);
        assertEquals("H1", jan.get("institution_code").asText());
        assertEquals("2021-01", jan.get("month").asText()); // October's purchase of O came before the cycle: not a row
        assertDecimal("180", jan.get("purchased"));
        assertDecimal("120", jan.get("selected"));
        assertDecimal("0.6666666667", jan.get("selected_share"));
        assertTrue(jan.get("change").isNull());
        assertEquals("short", jan.get("status").asText());
        assertEquals("2021-02", feb.get("month").asText());
        assertDecimal("0.8571428571", feb.get("selected_share"));
        assertDecimal("0.1904761905", feb.get("change"));
        assertEquals("ok", feb.get("status").asText());
        assertEquals("H2", h2.get("institution_code").asText());
        assertDecimal("0.3333333333", h2.get("selected_share"));
        assertEquals("short", h2.get("status").asText());
        assertEquals("H3", h3.get("institution_code").asText());
        assertDecimal("1", h3.get("selected_share"));
        JsonNode s = out.get("summary");
        assertEquals(4, s.get("rows").asInt());
        assertEquals(2, s.get("short").asInt());
        assertDecimal("0.6666666667", s.get("selected_share")); // 420 / 630
        JsonNode rules = out.get("assumptions").get("use_monitor");
        assertDecimal("0.7", rules.get("min_selected_share").get("value"));
        assertTrue(rules.get("min_selected_share").get("source").asText().startsWith("setting; not confirmed"));
    }

    @Test
    void substitutionIsFlaggedWhereNonVbpDrugsGrowAndTheSelectedFallShort(@TempDir Path dir) throws IOException {
        JsonNode out = run(args(dir, "--show", "substitution"));
        JsonNode rows = out.get("rows");
        assertEquals(3, rows.size(), rows.toString());
        JsonNode h1 = rows.get(0), h2 = rows.get(1), h3 = rows.get(2);
        assertEquals("A10BA", h1.get("class").asText());
        assertEquals("盐酸二甲双胍片", h1.get("generics").asText());
        assertEquals("2021-01", h1.get("start").asText());
        assertDecimal("100", h1.get("non_vbp_before"));
        assertDecimal("150", h1.get("non_vbp_after"));
        assertDecimal("0.5", h1.get("growth"));
        assertDecimal("0.7692307692", h1.get("selected_share"));
        assertEquals("growing", h1.get("status").asText());
        assertDecimal("200", h2.get("non_vbp_before"));
        assertDecimal("250", h2.get("non_vbp_after"));
        assertDecimal("0.25", h2.get("growth"));
        assertDecimal("0.3333333333", h2.get("selected_share"));
        assertEquals("substitution", h2.get("status").asText());
        assertDecimal("0.05", h3.get("growth"));
        assertEquals("ok", h3.get("status").asText());
        assertEquals(1, out.get("summary").get("substitution").asInt());

        // Three months each side (Oct–Dec, Jan–Mar): H2's April purchase of N falls outside, so H2 no longer grows;
        // H3 has nothing inside either window and drops out.
        Path policy = Files.writeString(dir.resolve("instruments.yaml"), "use_monitor:\n  substitution_months: 3\n");
        JsonNode three = run(args(dir, "--show", "substitution", "--policy", policy.toString()));
        assertEquals(2, three.get("rows").size(), three.toString());
        assertEquals("growing", three.get("rows").get(0).get("status").asText());
        assertDecimal("-1", three.get("rows").get(1).get("growth"));
        assertEquals("ok", three.get("rows").get(1).get("status").asText());
        assertEquals(policy + ":2", three.get("assumptions").get("use_monitor").get("substitution_months").get("source").asText());
    }
}
