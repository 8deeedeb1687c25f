package dev.vbp.engine.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2018 4+7 pilot on the real rows of sample-data/: every product gets a drop against 2017 provincial
 * prices of the same strength, found across {@code 0.5mg}/{@code 500μg} spellings. The baseline is
 * recomputed here independently, straight from the CSV, with the spellings listed by hand.
 */
class FourPlusSevenTest {
    static final Path SAMPLES = Path.of("sample-data");

    private JsonNode run() {
        return Json.parse(Cli.run("--workspace", "target/no-workspace", "price-drop",
                "--bids", SAMPLES.resolve("bids.csv").toString(), "--baseline", SAMPLES.resolve("baseline.csv").toString(),
                "--batch", "4+7", "--base-period", "2017", "--format", "json").ok().out());
    }

    @Test
    void everyPilotProductHasA2017Baseline() {
        JsonNode r = run();
        assertEquals(17, r.get("rows").size());
        assertEquals(0, r.get("summary").get("without_baseline").asInt());
        for (JsonNode row : r.get("rows")) assertNull(row.get("note").textValue(), row.toString());
    }

    @Test
    void entecavirAt1736For28IsA062TabletAgainstThe2017MeanOfBothSpellings() throws IOException {
        JsonNode entecavir = null;
        for (JsonNode row : run().get("rows")) {
            if (row.get("generic_name").asText().equals("恩替卡韦分散片")) entecavir = row;
        }
        assertEquals(new BigDecimal("17.36"), entecavir.get("bid_price").decimalValue());
        assertEquals(new BigDecimal("0.62"), entecavir.get("bid_unit_price").decimalValue());

        // Independent baseline: 2017 rows of 恩替卡韦分散片 written 0.5mg or 500μg, mean of price / count.
        List<BigDecimal> units = new ArrayList<>();
        int spelledInMicrograms = 0;
        try (Reader in = Files.newBufferedReader(SAMPLES.resolve("baseline.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord rec : p) {
                if (!rec.get("generic_name").equals("恩替卡韦分散片") || !rec.get("year").equals("2017")) continue;
                String spec = rec.get("spec");
                if (!Set.of("0.5mg", "500μg").contains(spec)) continue;
                if (spec.equals("500μg")) spelledInMicrograms++;
                units.add(new BigDecimal(rec.get("pack_price")).divide(new BigDecimal(rec.get("pack_count")), MathContext.DECIMAL128));
            }
        }
        assertTrue(spelledInMicrograms > 0, "the sample must exercise the 500μg spelling");
        BigDecimal mean = units.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(units.size()), MathContext.DECIMAL128);
        assertEquals(units.size(), entecavir.get("base_observations").asInt());
        // A unit price in JSON is rounded half-up once to four decimals, as tables show it (--precision full keeps it exact).
        assertEquals(0, mean.setScale(4, RoundingMode.HALF_UP).compareTo(entecavir.get("base_unit_price").decimalValue()));
        BigDecimal drop = BigDecimal.ONE.subtract(new BigDecimal("0.62").divide(mean, MathContext.DECIMAL128));
        assertEquals(drop.setScale(10, RoundingMode.HALF_UP).stripTrailingZeros(), entecavir.get("drop").decimalValue());
    }
}
