package dev.vbp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbp.read.workbook.NationalResultsWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A national result workbook as published (NationalResultsWorkbook: two rounds on two sheets, title rows,
 * merged generic names, prices per pack and per minimum unit, "-" for missing) imports sheet by sheet with
 * nothing but --sheet and --set, and price-drop against the ceiling matches the hand computation below.
 *
 * <p>drop = 1 − bid unit price / ceiling unit price, the bid unit price being pack price ÷ units per pack
 * where the pack price is given (it is kept as written when the unit price agrees with it), else the unit price.
 *
 * <pre>
 * Sheet 第一批（4+7）                         bid unit                     ceiling   drop
 *   利培酮片 1mg ×60, 10.02               10.02 / 60 = 0.167             0.334     1 − 0.167/0.334 = 0.5
 *   恩替卡韦分散片 0.5mg ×28, 17.36        17.36 / 28 = 0.62              2.48      1 − 0.62/2.48   = 0.75
 *   硫酸氢氯吡格雷片 75mg ×7, 22.26         22.26 / 7  = 3.18              6.36      0.5
 *   苯磺酸氨氯地平片 5mg ×28, 4.16          4.16 / 28  = 0.148571428571…   0.5       0.702857142857…
 *   阿托伐他汀钙片 20mg ×7, 6.6             6.6 / 7    = 0.942857142857…   1.2       0.214285714285…
 *   simple mean = (0.5 + 0.75 + 0.5 + 0.702857142857 + 0.214285714286) / 5 = 2.667142857143 / 5 = 0.533428571429
 *
 * Sheet 第一批扩围
 *   利培酮片 常州四药 3.6 / 30 = 0.12, 华海 7.2 / 60 = 0.12, 齐鲁 1.47 / 30 = 0.049; ceiling 0.24
 *       drops 0.5, 0.5, 1 − 0.049/0.24 = 0.795833333333…
 *   苯磺酸氨氯地平片 药友 0.49 / 7 = 0.07, 容生 0.84 / 14 = 0.06, 东瑞 pack "-": unit 0.0567 (pack 0.0567 × 21 = 1.1907);
 *       ceiling 0.14: drops 0.5, 1 − 0.06/0.14 = 0.571428571429, 1 − 0.0567/0.14 = 0.595
 *   硫酸氢氯吡格雷片 乐普 20.85 / 7 = 2.978571428571…, ceiling 3.18: 1 − 2.978571428571/3.18 = 0.063342318059…;
 *       Sanofi ceiling "-": no drop, left out of the mean
 *   simple mean = (0.5 + 0.5 + 0.795833333333 + 0.5 + 0.571428571429 + 0.595 + 0.063342318059) / 7
 *               = 3.525604222821 / 7 = 0.503657746117
 * Both rounds: (2.667142857143 + 3.525604222821) / 12 = 0.516062256664
 * </pre>
 */
class NationalResultsWorkbookTest {
    @TempDir Path dir;

    @Test
    void aPublishedResultWorkbookImportsSheetBySheetAndItsDropsAreTheHandWorkedOnes() throws IOException {
        check(NationalResultsWorkbook.write(dir.resolve("national-results.xlsx")), dir.resolve("ws").toString());
    }

    /** The copy in sample-data/ is the helper's workbook: the same figures. */
    @Test
    void theSampleDataCopyGivesTheSameFigures() throws IOException {
        check(Path.of("sample-data/national-results.xlsx"), dir.resolve("sample-ws").toString());
    }

    private void check(Path book, String ws) throws IOException {
        Cli.run("--workspace", ws, "import", "bids", book.toString(), "--sheet", NationalResultsWorkbook.PILOT_SHEET,
                "--set", "batch_id=4+7").ok();
        Cli.run("--workspace", ws, "import", "bids", book.toString(), "--sheet", "2", "--set", "batch_id=4+7-expansion").ok();

        JsonNode byProduct = json(Cli.run("--workspace", ws, "price-drop", "--against", "ceiling", "--format", "json").ok().out());
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode r : byProduct.get("rows")) rows.put(r.get("batch_id").asText() + " " + r.get("generic_name").asText() + " " + r.get("manufacturer").asText(), r);
        assertEquals(13, rows.size(), rows.keySet().toString());
        assertDrop("0.5", rows.get("4+7 利培酮片 浙江华海药业股份有限公司"));
        assertDrop("0.75", rows.get("4+7 恩替卡韦分散片 正大天晴药业集团股份有限公司"));
        assertDrop("0.702857142857", rows.get("4+7 苯磺酸氨氯地平片 浙江京新药业股份有限公司"));
        assertDrop("0.214285714286", rows.get("4+7 阿托伐他汀钙片 北京嘉林药业股份有限公司"));
        // The merged generic name reaches every row of its group; the unit price stands in for the missing pack price.
        assertDrop("0.795833333333", rows.get("4+7-expansion 利培酮片 齐鲁制药有限公司"));
        JsonNode dongrui = rows.get("4+7-expansion 苯磺酸氨氯地平片 苏州东瑞制药有限公司");
        assertDrop("0.595", dongrui);
        assertEquals(0, new BigDecimal("0.0567").compareTo(dongrui.get("bid_unit_price").decimalValue()), dongrui.toString());
        assertEquals(0, new BigDecimal("1.19").compareTo(dongrui.get("bid_price").decimalValue()), dongrui.toString()); // 1.1907 shown to the fen
        assertDrop("0.063342318059", rows.get("4+7-expansion 硫酸氢氯吡格雷片 乐普药业股份有限公司"));
        // (The firm's full-width brackets are folded to ASCII as text cells are.)
        JsonNode sanofi = rows.entrySet().stream().filter(e -> e.getKey().startsWith("4+7-expansion 硫酸氢氯吡格雷片 SanofiClirSNC"))
                .findFirst().orElseThrow().getValue();
        assertTrue(sanofi.get("drop").isNull() && sanofi.get("note").asText().contains("no ceiling"), sanofi.toString());

        JsonNode byBatch = json(Cli.run("--workspace", ws, "price-drop", "--against", "ceiling", "--by", "batch",
                "--format", "json").ok().out());
        Map<String, JsonNode> batches = new HashMap<>();
        for (JsonNode r : byBatch.get("rows")) batches.put(r.get("batch_id").asText(), r);
        assertClose("0.533428571429", batches.get("4+7").get("drop"));
        assertClose("0.503657746117", batches.get("4+7-expansion").get("drop"));
        assertEquals(7, batches.get("4+7-expansion").get("with_baseline").asInt());
        // Over both rounds: (2.667142857143 + 3.525604222821) / 12 = 0.516062256664
        assertClose("0.516062256664", byBatch.get("summary").get("mean_drop"));
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    private static void assertDrop(String expected, JsonNode row) {
        assertTrue(row != null, "row missing");
        assertClose(expected, row.get("drop"));
    }

    /** Within 1e-10: the report carries ratios to 10 decimals, the hand computation 12. */
    private static void assertClose(String expected, JsonNode value) {
        BigDecimal got = value.decimalValue();
        assertTrue(new BigDecimal(expected).subtract(got).abs().compareTo(new BigDecimal("1e-10")) <= 0,
                "expected " + expected + ", got " + got);
    }
}
