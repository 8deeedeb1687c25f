package dev.vbp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vbp.cli.UseMonitorCommandTest.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Supply (供应量) from a platform's order export, worked by hand. Selected from 2021-01-01: S1 (甲药业, 奥氮平片)
 * and S2 (乙药业, 阿托伐他汀钙片); O is not selected.
 *
 * <p>S1: ordered 100 (H1, delivered 100) + 50 (H2, delivered quantity 40 wins over its status) + 30 (H1, status
 * 未配送: 0) = 180, delivered 140, rate 140 / 180 = 0.7777…, short below 95%. Its December order is before the
 * cycle and its return (−10) is no order: both left out. S2: 200 (status 已配送: all) + 20 (25 delivered: over,
 * counted as given) = 220, delivered 225, rate 1.0227…, ok; H2's order of S2 says nothing about delivery and is
 * left out with a warning. O's line is no selected product's. All rows: 365 / 400 = 0.9125.
 */
class UseMonitorSupplyTest {
    static final String S1 = "XN05AHE451A010000000001", S2 = "XC10AAE678A010000000002", O = "XN05AHE451A010000000003";
    static final String BIDS = """
            batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected,cycle_start,cycle_end
            b1,%s,奥氮平片,10mg,7,甲药业,67.51,y,2021-01-01,2022-12-31
            b1,%s,阿托伐他汀钙片,20mg,7,乙药业,6.60,y,2021-01-01,2022-12-31
            b1,%s,奥氮平片,10mg,7,原研药业,100.00,n,,
            """.formatted(S1, S2, O);
    static final String DELIVERIES = """
            订单日期,医疗机构编码,药品编码,采购数量,配送数量,配送状态
            2020-12-20,H1,S1,100,100,已配送
            2021-01-05,H1,S1,100,100,已配送
            2021-01-06,H2,S1,50,40,部分配送
            2021-02-01,H1,S1,30,,未配送
            2021-02-02,H1,S1,-10,,已配送
            2021-01-07,H1,S2,200,,已配送
            2021-01-08,H1,S2,20,25,已配送
            2021-01-09,H1,O,10,0,未配送
            2021-01-10,H2,S2,80,,
            """.replace(",S1,", "," + S1 + ",").replace(",S2,", "," + S2 + ",").replace(",O,", "," + O + ",");

    static List<String> args(Path dir, String ledger, String... more) throws IOException {
        Path b = Files.writeString(dir.resolve("bids.csv"), BIDS, StandardCharsets.UTF_8);
        Path l = Files.writeString(dir.resolve("deliveries.csv"), ledger, StandardCharsets.UTF_8);
        List<String> a = new ArrayList<>(List.of("use-monitor", "--show", "supply", "--bids", b.toString(), "--ledger", l.toString(),
                "--format", "json", "--precision", "full", "--workspace", dir.resolve("ws").toString()));
        a.addAll(List.of(more));
        return a;
    }

    static JsonNode run(List<String> args) {
        return Json.parse(Cli.run(args.toArray(String[]::new)).ok().out());
    }

    @Test
    void deliveryRatePerSelectedFirmAndGeneric(@TempDir Path dir) throws IOException {
        JsonNode out = run(args(dir, DELIVERIES));
        JsonNode rows = out.get("rows");
        assertEquals(2, rows.size(), rows.toString());
        JsonNode s2 = rows.get(0), s1 = rows.get(1); // by firm, in code-point order: 乙 (U+4E59) before 甲 (U+7532)
        assertEquals("甲药业", s1.get("manufacturer").asText());
        assertEquals("奥氮平片", s1.get("generic").asText());
        assertEquals(2, s1.get("institutions").asInt());
        assertEquals(3, s1.get("lines").asInt());
        assertDecimal("180", s1.get("ordered"));
        assertDecimal("140", s1.get("delivered"));
        assertDecimal("40", s1.get("undelivered"));
        assertEquals(0.7777, s1.get("delivery_rate").asDouble(), 1e-4);
        assertEquals("short", s1.get("status").asText());
        assertEquals("乙药业", s2.get("manufacturer").asText());
        assertDecimal("220", s2.get("ordered"));
        assertDecimal("225", s2.get("delivered"));
        assertDecimal("-5", s2.get("undelivered"));
        assertEquals(225.0 / 220, s2.get("delivery_rate").asDouble(), 1e-9);
        assertEquals("ok", s2.get("status").asText());
        JsonNode summary = out.get("summary");
        assertEquals(2, summary.get("rows").asInt());
        assertEquals(1, summary.get("short").asInt());
        assertDecimal("0.9125", summary.get("delivery_rate"));
        String warnings = out.get("warnings").toString();
        assertTrue(warnings.contains("1 ledger line of a selected product says nothing about delivery"), warnings);
        assertTrue(warnings.contains("1 line delivered more than ordered"), warnings);
        assertTrue(warnings.contains("1 return line (quantity ≤ 0) left out"), warnings);
    }

    @Test
    void anInstitutionAndAPolicyThreshold(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "use_monitor:\n  min_delivery_rate: 0.75\n");
        JsonNode out = run(args(dir, DELIVERIES, "--institution", "H2", "--policy", policy.toString()));
        JsonNode rows = out.get("rows");
        assertEquals(1, rows.size(), rows.toString()); // H2's S2 order says nothing about delivery
        assertDecimal("50", rows.get(0).get("ordered"));
        assertDecimal("40", rows.get(0).get("delivered"));
        assertDecimal("0.8", rows.get(0).get("delivery_rate"));
        assertEquals("ok", rows.get(0).get("status").asText()); // 80% is not below 75%
    }

    @Test
    void aLedgerThatSaysNothingAboutDeliveryIsBadInputNotFullSupply(@TempDir Path dir) throws IOException {
        String plain = "date,institution_code,product_code,quantity\n2021-01-05,H1," + S1 + ",100\n";
        Cli.Result r = Cli.run(args(dir, plain).toArray(String[]::new)).expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains("supply needs a delivered quantity (配送数量) or a delivery status (配送状态) column"), r.err());
    }

    @Test
    void anUnknownStatusIsARejectWithItsPlace(@TempDir Path dir) throws IOException {
        String odd = DELIVERIES + "2021-01-11,H1," + S1 + ",5,,配送异常\n";
        Cli.Result r = Cli.run(args(dir, odd).toArray(String[]::new)).expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains("deliveries.csv:11:6"), r.err());
        assertTrue(r.err().contains("unknown delivery status"), r.err());
    }

    @Test
    void chineseTableReadsAsChinese(@TempDir Path dir) throws IOException {
        List<String> a = args(dir, DELIVERIES, "--lang", "zh");
        a.set(a.indexOf("json"), "table");
        String out = Cli.run(a.toArray(String[]::new)).ok().out();
        assertTrue(out.contains("配送率") && out.contains("未完成") && out.contains("正常"), out);
        assertTrue(out.contains("行退货（数量 ≤ 0）不计入"), out);
    }
}
