package dev.vbp.read;

import dev.vbp.errors.BadInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prices per minimum unit in place of pack price and pack count. The figures are real 4+7 results
 * (research-data): atorvastatin 20mg × 7 at 6.60 a pack, 0.943 a tablet as published (6.60 ÷ 7 = 0.942857…);
 * entecavir 0.5mg × 28 at 17.36, 0.62 a tablet; clopidogrel 75mg × 7 at 22.26, 3.18 a tablet.
 */
class UnitPricesTest {
    private static ReadResult read(Dataset dataset, String csv) {
        return DatasetReader.read(csv.getBytes(StandardCharsets.UTF_8), "t.csv", dataset, ReadSettings.defaults());
    }

    private static String quoted(String header) {
        return "\"" + header.replace("\"", "\"\"") + "\"";
    }

    @Test
    void everySpellingOfAUnitPriceHeaderBindsAndThePackPriceIsUnitTimesCount() {
        for (String header : List.of("unit_price", "Unit Price", "单位价格", "最小规格价格", "最小制剂单位价格", "最小计价单位价格",
                "竞标价格\n（最小规格）（元）", "竞标价格（最小规格）", "中选价格（最小制剂单位）", "中选价格(最小制剂单位)(元)",
                "中选价格(元/片)", "中选价格【最小制剂单位】", "拟中选价格（元/最小制剂单位）", "申报价格(每片)")) {
            ReadResult r = read(Dataset.BIDS, "批次,通用名,规格,转换比," + quoted(header) + "\n4+7,阿托伐他汀钙片,20mg,7,0.943\n");
            assertEquals(List.of(), r.rejects(), header);
            Row row = r.rows().get(0);
            assertEquals(new BigDecimal("0.943"), row.decimal("unit_price"), header);
            // 0.943 × 7 = 6.601: the file's unit price times its count, exactly (the published pack price is 6.60).
            assertEquals(new BigDecimal("6.601"), row.decimal("bid_price"), header);
            assertEquals(7, row.integer("pack_count"), header);
        }
    }

    @Test
    void aBracketNamingAPackOrOnlyMoneyKeepsThePackPrice() {
        for (String header : List.of("中选价格（元）", "中选价格(元/盒)", "竞标价格(最小包装)", "中选价格(单位:元)", "竞标价格",
                "中选价格（每盒）", "申报价格(元/包装)")) {
            ReadResult r = read(Dataset.BIDS, "批次,通用名,规格,转换比," + quoted(header) + "\n4+7,阿托伐他汀钙片,20mg,7,6.60\n");
            Row row = r.rows().get(0);
            assertEquals(new BigDecimal("6.60"), row.decimal("bid_price"), header);
            assertNull(row.get("unit_price"), header);
        }
    }

    @Test
    void packAndUnitPriceThatAgreeWithinRoundingKeepThePackPriceAsWritten() {
        // |6.60 − 0.943 × 7| = 0.001 ≤ 0.005 (half a fen) + 7 × 0.0005 = 0.0085
        ReadResult r = read(Dataset.BIDS, "batch_id,generic_name,spec,pack_count,bid_price,\"中选价格\n（最小制剂单位）\"\n"
                + "4+7,阿托伐他汀钙片,20mg,7,6.60,0.943\n4+7,恩替卡韦分散片,0.5mg,28,17.36,0.62\n");
        assertEquals(List.of(), r.rejects());
        assertEquals(new BigDecimal("6.60"), r.rows().get(0).decimal("bid_price"));
        assertEquals(new BigDecimal("17.36"), r.rows().get(1).decimal("bid_price"));
    }

    @Test
    void packAndUnitPriceThatDisagreeRejectTheRowWithBothFigures() {
        // 0.95 × 7 = 6.65: 0.05 off 6.60, beyond 0.005 + 7 × 0.005 = 0.04
        ReadResult r = read(Dataset.BIDS, "batch_id,generic_name,spec,pack_count,bid_price,unit_price\n"
                + "4+7,阿托伐他汀钙片,20mg,7,6.60,0.95\n4+7,硫酸氢氯吡格雷片,75mg,7,22.26,3.18\n");
        assertEquals(1, r.rows().size());
        Reject reject = r.rejects().get(0);
        assertEquals(2, reject.line());
        assertEquals(6, reject.column());
        assertEquals("unit_price", reject.field());
        assertEquals("bid_price 6.60 and unit_price 0.95 disagree: 0.95 × 7 = 6.65, beyond the rounding of either", reject.reason());
    }

    @Test
    void withoutAPackCountAUnitPriceAloneIsAPricePerUnitSaidOnce() {
        ReadResult r = read(Dataset.BIDS, "batch_id,generic_name,spec,单位价格\n4+7,恩替卡韦分散片,0.5mg,0.62\n"
                + "4+7,硫酸氢氯吡格雷片,75mg,3.18\n");
        assertEquals(List.of(), r.rejects());
        assertEquals(1, r.rows().get(0).integer("pack_count"));
        assertEquals(new BigDecimal("0.62"), r.rows().get(0).decimal("bid_price"));
        assertEquals(new BigDecimal("3.18"), r.rows().get(1).decimal("bid_price"));
        assertEquals(List.of("t.csv: no pack count column; every row is priced per minimum unit: pack_count 1, bid_price = unit_price"
                + " (quantities are read as minimum units)"), r.warnings());
    }

    @Test
    void withoutAPackCountBothPricesGiveTheCountWhenItIsWhole() {
        // 17.36 ÷ 0.62 = 28; 22.26 ÷ 3.18 = 7; 10.00 ÷ 3.00 = 3.33…: no whole count, rejected
        ReadResult r = read(Dataset.BIDS, "batch_id,generic_name,spec,bid_price,unit_price\n4+7,恩替卡韦分散片,0.5mg,17.36,0.62\n"
                + "4+7,硫酸氢氯吡格雷片,75mg,22.26,3.18\n4+7,某药片,1mg,10.00,3.00\n");
        assertEquals(28, r.rows().get(0).integer("pack_count"));
        assertEquals(7, r.rows().get(1).integer("pack_count"));
        assertEquals(1, r.rejects().size());
        assertEquals("pack_count", r.rejects().get(0).field());
        assertTrue(r.rejects().get(0).reason().contains("not a whole number of unit prices 3.00"), r.rejects().get(0).reason());
        assertEquals(List.of("t.csv: no pack count column; pack_count = bid_price ÷ unit_price in every row"), r.warnings());
    }

    @Test
    void anEmptyPackCountCellWithAUnitPriceIsPricedPerUnitWithTheRowNamed() {
        ReadResult r = read(Dataset.BIDS, "batch_id,generic_name,spec,pack_count,bid_price,unit_price\n"
                + "4+7,恩替卡韦分散片,0.5mg,28,,0.62\n4+7,硫酸氢氯吡格雷片,75mg,-,—,3.18\n4+7,某药片,1mg,-,5,-\n4+7,某药片,2mg,7,,\n");
        assertEquals(new BigDecimal("17.36"), r.rows().get(0).decimal("bid_price")); // 0.62 × 28
        assertEquals(1, r.rows().get(1).integer("pack_count"));
        assertEquals(new BigDecimal("3.18"), r.rows().get(1).decimal("bid_price"));
        assertEquals(List.of("t.csv:3: no pack count; priced per minimum unit: pack_count 1, bid_price = unit_price"
                + " (quantities are read as minimum units)"), r.warnings());
        assertEquals(2, r.rejects().size());
        assertEquals("pack_count", r.rejects().get(0).field());
        assertEquals(4, r.rejects().get(0).column());
        assertEquals("no price: bid_price and unit_price are both empty", r.rejects().get(1).reason());
    }

    @Test
    void aCeilingPerMinimumUnitGivesTheCeilingPerPack() {
        ReadResult r = read(Dataset.BIDS, "batch_id,generic_name,spec,pack_count,\"中选价格（最小制剂单位）\",\"最高有效申报价（最小制剂单位）\"\n"
                + "4+7,恩替卡韦分散片,0.5mg,28,0.62,1.24\n");
        Row row = r.rows().get(0);
        assertEquals(new BigDecimal("1.24"), row.decimal("ceiling_unit_price"));
        assertEquals(new BigDecimal("34.72"), row.decimal("ceiling_price")); // 1.24 × 28
        assertEquals(new BigDecimal("17.36"), row.decimal("bid_price"));
    }

    @Test
    void baselinesAndListingsTakeUnitPricesToo() {
        ReadResult base = read(Dataset.BASELINE, "通用名,规格,转换比,\"挂网价格（元/片）\",年份\n阿托伐他汀钙片,20mg,7,2.5,2017\n"
                + "阿托伐他汀钙片,10mg,,1.5,2017\n");
        assertEquals(List.of(), base.rejects());
        assertEquals(new BigDecimal("17.5"), base.rows().get(0).decimal("pack_price")); // 2.5 × 7
        assertEquals(1, base.rows().get(1).integer("pack_count"));
        assertEquals(new BigDecimal("1.5"), base.rows().get(1).decimal("pack_price"));
        // The research panel's own columns: Price per pack, Count, unit_price; a row whose figures disagree is rejected.
        ReadResult panel = read(Dataset.BASELINE, "Name,Firm,Price,Strength,Count,unit_price,Year\n"
                + "丙泊酚中/长链脂肪乳注射液,四川科伦药业股份有限公司,74.29,20ml:0.2g,5,14.858,2021\n"
                + "某药片,某企业,84.9,1mg,8,6.90875,2019\n");
        assertEquals(1, panel.rows().size());
        assertTrue(panel.rejects().get(0).reason().startsWith("pack_price 84.9 and unit_price 6.90875 disagree: 6.90875 × 8 = 55.27000"),
                panel.rejects().get(0).reason());
        ReadResult listings = read(Dataset.LISTINGS, "通用名,规格,\"挂网价格（最小制剂单位）\",日期\n阿托伐他汀钙片,20mg,0.943,2019-03-01\n");
        assertEquals(new BigDecimal("0.943"), listings.rows().get(0).decimal("listed_price"));
        assertEquals(1, listings.rows().get(0).integer("pack_count"));
    }

    @Test
    void aFileWithNeitherPackCountNorUnitPriceSaysBothWouldDo() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> read(Dataset.BIDS, "batch_id,generic_name,spec,bid_price\n4+7,恩替卡韦分散片,0.5mg,17.36\n"));
        assertTrue(e.getMessage().contains("missing required column 'pack_count'"), e.getMessage());
        assertTrue(e.getMessage().contains("or a price per minimum unit (unit_price: unit_price, 单位价格"), e.getMessage());
    }

    @Test
    void agreementIsWithinTheRoundingOfBothFiguresAsWritten() {
        assertTrue(UnitPrices.agree(new BigDecimal("6.60"), new BigDecimal("0.943"), 7));
        assertTrue(UnitPrices.agree(new BigDecimal("74.29"), new BigDecimal("14.858"), 5));
        assertTrue(UnitPrices.agree(new BigDecimal("6.6"), new BigDecimal("0.942857142857143"), 7)); // an xlsx double
        assertTrue(!UnitPrices.agree(new BigDecimal("6.60"), new BigDecimal("0.95"), 7));
        assertTrue(!UnitPrices.agree(new BigDecimal("6.60"), new BigDecimal("0.9443"), 7)); // 6.6101: 0.0101 > 0.005 + 0.00035
    }
}
