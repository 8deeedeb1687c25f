package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderMappingTest {
    @TempDir Path dir;

    private Path write(String name, String text, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(charset));
        return p;
    }

    @Test
    void gb18030MappingFileReadsLikeUtf8() throws IOException {
        String yaml = "dataset: bids\ncolumns:\n  药品名: generic_name\n  本次中选单价: bid_price\n";
        HeaderMapping gb = HeaderMapping.load(write("gb.yaml", yaml, Charset.forName("GB18030")));
        HeaderMapping utf = HeaderMapping.load(write("utf.yaml", yaml, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(utf.columns(), gb.columns());
        assertEquals("bid_price", gb.columns().get(HeaderNames.normalise("本次中选单价")));
    }

    @Test
    void errorsCarryTheLineNumber() throws IOException {
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertEquals(write("a.yaml", "", utf8) + ":3: unknown column 'price_per_box'; bids has batch_id, product_code, generic_name, dosage_form, spec, pack_count, manufacturer, bid_price, selected, agreed_qty, region, cycle_start, cycle_end, category, ceiling_price, year, consistency_evaluated, unit_price, ceiling_unit_price",
                assertThrows(BadInputException.class, () -> HeaderMapping.load(write("a.yaml",
                        "dataset: bids\ncolumns:\n  单价: price_per_box\n", utf8))).getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> HeaderMapping.load(write("b.yaml",
                "dataset: bids\ncolumns:\n  药品名: generic_name\n  药品名: spec\n", utf8))).getMessage()
                .endsWith("b.yaml:4: '药品名' is mapped twice (also on line 3)"));
        assertTrue(assertThrows(BadInputException.class, () -> HeaderMapping.load(write("c.yaml",
                "datasets: bids\n", utf8))).getMessage().endsWith("c.yaml:1: unknown key 'datasets'; expected 'dataset', 'columns' or 'set'"));
        assertTrue(assertThrows(BadInputException.class, () -> HeaderMapping.load(write("d.yaml",
                "dataset: bidz\n", utf8))).getMessage().contains("d.yaml:1: unknown dataset 'bidz'"));
    }

    @Test
    void aMappingForAnotherDatasetIsAUsageError() throws IOException {
        Path map = write("m.yaml", "dataset: baseline\ncolumns:\n  价格: pack_price\n", java.nio.charset.StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("--workspace", dir.resolve("ws").toString(), "import", "bids", "sample-data/bids.csv",
                "--map", map.toString()).expect(ExitCodes.USAGE);
        assertTrue(r.err().contains("maps columns of baseline, not bids"), r.err());
    }
}
