package dev.vbp.engine.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A hand-worked batch of three products (unit prices per minimum unit, agreed quantities in units):
 * <pre>
 *   P1  bid 10.00/10 = 1.00  ceiling 20.00/10 = 2.00  drop 0.5  q 100
 *   P2  bid  0.30/1  = 0.30  ceiling  1.00/1  = 1.00  drop 0.7  q 300
 *   P3  bid 45.00/10 = 4.50  ceiling 50.00/10 = 5.00  drop 0.1  q 600
 *   simple = (0.5 + 0.7 + 0.1) / 3          = 0.4333333333 (10 places)
 *   volume = (50 + 210 + 60) / 1000           = 0.32
 *   amount = (3500 − 2890) / 3500 = 610/3500  = 0.1742857143 (10 places)
 *   median 0.5, max 0.7, min 0.1; savings 610.00
 * </pre>
 */
class PriceDropMeansTest {
    static final String BIDS = """
            batch_id,product_code,generic_name,spec,pack_count,manufacturer,bid_price,selected,agreed_qty,ceiling_price
            B1,P1,甲药片,10mg,10,厂一,10.00,y,100,20.00
            B1,P2,乙药片,5mg,1,厂二,0.30,y,300,1.00
            B1,P3,丙药片,1g,10,厂三,45.00,y,600,50.00
            B1,P4,丙药片,1g,10,厂四,48.00,n,,50.00
            """;

    @TempDir Path dir;

    private JsonNode run(String... extra) throws Exception {
        Path bids = dir.resolve("bids.csv");
        Files.writeString(bids, BIDS);
        String[] args = new String[extra.length + 6];
        args[0] = "--workspace"; args[1] = dir.resolve("ws").toString();
        args[2] = "price-drop"; args[3] = "--bids"; args[4] = bids.toString(); args[5] = "--format=json";
        System.arraycopy(extra, 0, args, 6, extra.length);
        return Json.parse(Cli.run(args).ok().out());
    }

    @Test
    void simpleMeanOverProducts() throws Exception {
        JsonNode r = run();
        assertEquals(3, r.get("rows").size(), "the non-selected bid is not a product of the batch");
        assertEquals(new BigDecimal("0.5"), r.get("rows").get(0).get("drop").decimalValue());
        assertEquals(0, BigDecimal.ONE.compareTo(r.get("rows").get(0).get("bid_unit_price").decimalValue()), "unit prices carry four decimals");
        assertEquals(new BigDecimal("0.4333333333"), r.get("summary").get("mean_drop").decimalValue());
        assertEquals(new BigDecimal("0.5"), r.get("summary").get("median_drop").decimalValue());
        assertEquals(new BigDecimal("0.7"), r.get("summary").get("max_drop").decimalValue());
        assertEquals(new BigDecimal("0.1"), r.get("summary").get("min_drop").decimalValue());
        assertEquals("ceiling_price", r.get("assumptions").get("baseline").asText());
    }

    @Test
    void volumeWeightedMean() throws Exception {
        JsonNode r = run("--mean", "volume");
        assertEquals(new BigDecimal("0.32"), r.get("summary").get("mean_drop").decimalValue());
        assertEquals("volume", r.get("parameters").get("mean").asText());
    }

    @Test
    void amountWeightedMeanIsTheSavingsRate() throws Exception {
        JsonNode r = run("--mean", "amount", "--by", "batch");
        assertEquals(new BigDecimal("0.1742857143"), r.get("summary").get("mean_drop").decimalValue());
        assertEquals(new BigDecimal("0.1742857143"), r.get("rows").get(0).get("drop").decimalValue());
        assertEquals(3, r.get("rows").get(0).get("products").asInt());
    }

    @Test
    void savingsOfTheSameBatch() throws Exception {
        Path bids = dir.resolve("bids.csv");
        Files.writeString(bids, BIDS);
        JsonNode r = Json.parse(Cli.run("--workspace", dir.resolve("ws").toString(), "savings", "--bids", bids.toString(),
                "--format", "json").ok().out());
        assertEquals(0, new BigDecimal("3500").compareTo(r.get("summary").get("base_amount").decimalValue()), "money now carries two decimals");
        assertEquals(0, new BigDecimal("2890").compareTo(r.get("summary").get("bid_amount").decimalValue()), "money now carries two decimals");
        assertEquals(0, new BigDecimal("610").compareTo(r.get("summary").get("savings").decimalValue()), "money now carries two decimals");
        assertEquals(new BigDecimal("0.1742857143"), r.get("summary").get("savings_rate").decimalValue());
        assertEquals("agreed", r.get("parameters").get("volume").asText());
    }
}
