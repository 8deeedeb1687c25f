package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A baseline streams: price-drop and validate read 240,000 baseline rows in a 16 MB heap, where holding the rows
 * (a Row, a String and a BigDecimal per cell: some 70 MB) runs out of memory. The baseline's figures are worked
 * by hand: each product's prices repeat a cycle whose mean and minimum are known.
 */
class ReferenceStreamingTest {
    @TempDir Path dir;

    @Test
    void manyBaselineRowsInATinyHeap() throws IOException, InterruptedException {
        Path bids = dir.resolve("bids.csv");
        Files.writeString(bids, """
                batch_id,product_code,generic_name,spec,pack_count,bid_price
                B,P1,甲药,10mg,10,5.00
                B,P2,乙药,20mg,20,3.00
                """);
        Path baseline = dir.resolve("baseline.csv");
        int rows = 240_000; // a multiple of 12, so the cycles below end together
        try (BufferedWriter w = Files.newBufferedWriter(baseline)) {
            w.write("product_code,generic_name,spec,pack_price,pack_count,region,year\n");
            // P1: pack prices 10, 20, 30, 40 (per pack of 10): unit prices 1 to 4, mean 2.5, min 1.
            // P2: pack prices 60, 120 (per 20): unit prices 3 and 6, mean 4.5, min 3; rows of 2016 are outside the period.
            for (int i = 0; i < rows; i++) {
                if (i % 2 == 0) w.write("P1,甲药,10mg," + (10 * (1 + i / 2 % 4)) + ",10,上海," + 2017 + "\n");
                else w.write("P2,乙药,20mg," + (i / 2 % 2 == 0 ? "60" : "120") + ",20,北京," + (i % 3 == 0 ? 2016 : 2017) + "\n");
            }
        }
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx16m"), "price-drop", "--bids", bids.toString(), "--baseline", baseline.toString(),
                "--base-period", "2017", "--format", "csv", "--columns", "product_code,base_unit_price,base_observations,drop");
        assertEquals(0, r.exit(), r.err());
        // P1: 1 − 0.5/2.5 = 0.8 over 120,000 rows. P2: rows with i odd; 2016 where i % 3 == 0 (i = 3, 9, 15 ...: 40,000
        // of 120,000); unit prices 3 and 6 alternate with i / 2 % 2, independently of i % 3, so the mean stays 4.5:
        // 1 − 0.15/4.5 = 0.9666666666...
        assertEquals("""
                product_code,base_unit_price,base_observations,drop
                P1,2.5000,120000,0.8
                P2,4.5000,80000,0.9666666667
                """, r.out().replace("\r\n", "\n"));
        r = ChildJvm.run(List.of("-Xmx16m"), "price-drop", "--bids", bids.toString(), "--baseline", baseline.toString(),
                "--base-stat", "min", "--base-region", "上海市", "--format", "csv", "--columns", "product_code,base_unit_price,note");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                product_code,base_unit_price,note
                P1,1.0000,
                P2,,no baseline prices in region 上海市
                """, r.out().replace("\r\n", "\n"));
        r = ChildJvm.run(List.of("-Xmx16m"), "validate", "baseline", baseline.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"rows_accepted\": " + rows), r.out());
    }
}
