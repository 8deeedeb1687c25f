package dev.vbp.engine.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bids and baselines written with and without a dosage-form column still find each other. */
class BaselineMatchingTest {
    @TempDir Path dir;

    @Test
    void nameAndFormSplitOrJoinedMatchAndDifferentFormsDoNot() throws IOException {
        Path bids = dir.resolve("bids.csv");
        Files.writeString(bids, """
                batch_id,generic_name,dosage_form,spec,pack_count,bid_price
                B,恩替卡韦,分散片,0.5mg,28,17.36
                B,注射用培美曲塞二钠,注射用无菌粉末,100mg,1,810
                B,阿托伐他汀钙,胶囊,20mg,7,6.60
                """);
        // Research-style baseline: the form is part of the name and there is no form column.
        Path baseline = dir.resolve("baseline.csv");
        Files.writeString(baseline, """
                Name,Strength,Price,Count,Year
                恩替卡韦分散片,500μg,28.00,7,2017
                注射用培美曲塞二钠,100mg,1000,1,2017
                阿托伐他汀钙片,20mg,10,7,2017
                """);
        JsonNode r = Json.parse(Cli.run("price-drop", "--bids", bids.toString(), "--baseline", baseline.toString(),
                "--format", "json").ok().out());
        // 0.62 against 4.00 a tablet: 1 − 0.62/4 = 0.845; 810 against 1000: 0.19
        assertEquals(new BigDecimal("0.845"), r.get("rows").get(0).get("drop").decimalValue());
        assertEquals(new BigDecimal("0.19"), r.get("rows").get(1).get("drop").decimalValue());
        // 阿托伐他汀钙 capsules are not 阿托伐他汀钙片 tablets.
        assertTrue(r.get("rows").get(2).get("drop").isNull());
        assertTrue(r.get("rows").get(2).get("note").asText().startsWith("no baseline prices for 阿托伐他汀钙"), r.toString());
    }
}
