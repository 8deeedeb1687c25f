package dev.vbp.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other commands that read a big baseline stream it too: retained-savings (P_pre), price-watch (the baseline's
 * dated rows as listed prices) and import read 240,000 baseline rows in a 16 MB heap, where holding the rows (a
 * Row, a String and a BigDecimal per cell: some 70 MB) runs out of memory. The figures are worked by hand.
 */
class ReferenceCommandsStreamingTest {
    private static final int ROWS = 240_000; // a multiple of 8: the price cycles below end together
    private static final List<String> TINY_HEAP = List.of("-Xmx16m");

    @TempDir Path dir;
    Path bids, baseline;

    @BeforeEach
    void files() throws IOException {
        bids = dir.resolve("bids.csv");
        // The bids' cycles start after the baseline's days: no listed price is held against a selected one.
        Files.writeString(bids, """
                batch_id,product_code,generic_name,spec,pack_count,bid_price,cycle_start,cycle_end
                B,P1,甲药,10mg,10,5.00,2019-01-01,2019-12-31
                B,P2,乙药,20mg,20,3.00,2019-01-01,2019-12-31
                """);
        baseline = dir.resolve("baseline.csv");
        try (BufferedWriter w = Files.newBufferedWriter(baseline)) {
            w.write("product_code,generic_name,spec,pack_price,pack_count,quantity,region,date\n");
            // P1: pack prices 10, 20, 30, 40 (per pack of 10), each row 1 pack, every year alike: P_pre over 2018 is
            // Σ price × packs / Σ units = 25 × n / 10 n = 2.5. P2: pack price 60, 2 packs, or 120 without quantity
            // (left out of the weighted sums): P_pre 60 × 2 n / 40 n = 3. Both series keep their yearly means.
            for (int i = 0; i < ROWS; i++) {
                String day = (2017 + i / 8 % 2) + "-0" + (1 + i % 9) + "-1" + i % 10;
                if (i % 2 == 0) w.write("P1,甲药,10mg," + (10 * (1 + i / 2 % 4)) + ",10,1,上海," + day + "\n");
                else w.write("P2,乙药,20mg," + (i / 2 % 2 == 0 ? "60,20,2" : "120,20,") + ",北京," + day + "\n");
            }
            // P3: one series that rises from 2017 (10 per unit) to 2018 (20), its rows out of day order.
            w.write("P3,丙药,5mg,200,10,1,上海,2018-06-01\n");
            w.write("P3,丙药,5mg,100,10,1,上海,2017-05-01\n");
            w.write("P3,丙药,5mg,200,10,1,上海,2018-02-01\n");
            w.write("P3,丙药,5mg,100,10,1,上海,2017-03-01\n");
        }
    }

    @Test
    void retainedSavingsFoldsTheBaselineIntoPrePrices() throws IOException, InterruptedException {
        Path allocations = dir.resolve("allocations.csv");
        Files.writeString(allocations, """
                batch_id,institution_code,product_code,agreed_qty,cycle_start,cycle_end
                B,H1,P1,1000,2019-01-01,2019-12-31
                B,H1,P2,2000,2019-01-01,2019-12-31
                """);
        Path scores = dir.resolve("scores.csv");
        Files.writeString(scores, "institution_code,score\nH1,90\n");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "base_period: 2018\n");
        ChildJvm.Result r = ChildJvm.run(TINY_HEAP, "retained-savings", "--bids", bids.toString(), "--baseline", baseline.toString(),
                "--allocations", allocations.toString(), "--scores", scores.toString(), "--policy", policy.toString(),
                "--as-of", "2019-12-31", "--format", "csv", "--columns", "generic_name,agreed_qty,p_pre,budget");
        assertEquals(0, r.exit(), r.err());
        // agreed quantities are minimum units: 1000 × 2.5 and 2000 × 3
        assertEquals("""
                generic_name,agreed_qty,p_pre,budget
                甲药,1000,2.5000,2500.00
                乙药,2000,3.0000,6000.00
                """, r.out().replace("\r\n", "\n"));
        r = ChildJvm.run(TINY_HEAP, "retained-savings", "--bids", bids.toString(), "--baseline", baseline.toString(),
                "--allocations", allocations.toString(), "--scores", scores.toString(), "--policy", policy.toString(),
                "--as-of", "2019-12-31", "--explain", "H1", "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        // P1's 2018 rows are i with i / 8 odd and i even: 60,000 rows; the first five named, in file order.
        assertTrue(r.out().contains("Σ pack price × packs / Σ units = 1500000 / 600000 (" + baseline + ":10, " + baseline + ":12, "
                + baseline + ":14, " + baseline + ":16, " + baseline + ":26 and 59995 more)"), r.out());
    }

    @Test
    void priceWatchFoldsTheBaselineIntoSeries() throws IOException, InterruptedException {
        ChildJvm.Result r = ChildJvm.run(TINY_HEAP, "price-watch", "--bids", bids.toString(), "--baseline", baseline.toString(),
                "--format", "csv", "--columns", "flag,product_code,from,to,price,reference,rows");
        assertEquals(0, r.exit(), r.err());
        // Only P3 rises (P1 and P2 keep their means); its rows by day: 2017-03-01, 2017-05-01, then 2018-02-01, 2018-06-01.
        long last = ROWS + 1;
        assertEquals("flag,product_code,from,to,price,reference,rows\n"
                + "rise,P3,2017,2018,20.0000,10.0000," + baseline + ":" + (last + 4) + "; " + baseline + ":" + (last + 2) + "; "
                + baseline + ":" + (last + 3) + "; " + baseline + ":" + (last + 1) + "\n", r.out().replace("\r\n", "\n"));
        r = ChildJvm.run(TINY_HEAP, "price-watch", "--bids", bids.toString(), "--baseline", baseline.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"listings\": " + (ROWS + 4)), r.out());
        assertTrue(r.out().contains("\"comparisons\": 3"), r.out());
    }

    @Test
    void importStreamsTheCanonicalCopy() throws IOException, InterruptedException {
        Path ws = dir.resolve("ws");
        ChildJvm.Result r = ChildJvm.run(TINY_HEAP, "import", "--workspace", ws.toString(), "baseline", baseline.toString(),
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"rows_accepted\": " + (ROWS + 4)), r.out());
        Path copy;
        try (Stream<Path> files = Files.list(ws.resolve("data/baseline"))) {
            copy = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        try (Stream<String> lines = Files.lines(copy)) {
            assertEquals(ROWS + 5, lines.count());
        }
        try (Stream<String> lines = Files.lines(copy)) {
            assertEquals(List.of("product_code,generic_name,dosage_form,spec,manufacturer,pack_price,pack_count,quantity,region,date,year,unit_price",
                    "P1,甲药,,10mg,,10,10,1,上海,2017-01-10,,"), lines.limit(2).toList());
        }
        // the workspace's copy streams as the file did, twice for the rows of a rise
        r = ChildJvm.run(TINY_HEAP, "price-watch", "--workspace", ws.toString(), "--bids", bids.toString(), "--format", "csv",
                "--columns", "flag,product_code,rows");
        assertEquals(0, r.exit(), r.err());
        assertEquals("flag,product_code,rows\nrise,P3,baseline.csv (imported) row " + (ROWS + 4) + "; baseline.csv (imported) row "
                + (ROWS + 2) + "; baseline.csv (imported) row " + (ROWS + 3) + "; baseline.csv (imported) row " + (ROWS + 1) + "\n",
                r.out().replace("\r\n", "\n"));
    }
}
