package dev.vbp.cli;

import dev.vbp.domain.Codes;
import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.engine.ledger.LedgerScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --code-map: old codes (曾用码) read as their current codes, in small datasets and in ledgers. */
class CodeMapOptionTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aBaselineUnderTheOldCodeMatchesTheBidUnderTheNewOne() throws IOException {
        Path bids = write("bids.csv", "batch_id,product_code,generic_name,spec,pack_count,bid_price\nB1,XNEW,阿莫西林胶囊,0.25g,10,5.00\n");
        Path base = write("base.csv", "product_code,pack_price,pack_count,year\nxold,10.00,10,2017\n");
        Path map = write("map.csv", "旧编码,新编码\nXOLD,XNEW\n");
        String ws = dir.resolve("ws").toString();
        String without = Cli.run("price-drop", "--bids", bids.toString(), "--baseline", base.toString(), "--workspace", ws,
                "--format", "csv").ok().out();
        assertTrue(without.contains("no baseline prices"), without);
        // bid unit 0.50, baseline unit 1.00: drop 50%, worked by hand
        String with = Cli.run("price-drop", "--bids", bids.toString(), "--baseline", base.toString(), "--workspace", ws,
                "--code-map", map.toString(), "--format", "csv").ok().out();
        assertTrue(with.lines().anyMatch(l -> l.startsWith("B1,XNEW,") && l.endsWith(",0.5000,1.0000,1,0.5,")), with); // unit prices carry four decimals
    }

    @Test
    void ledgerLinesUnderAnOldCodeCountForTheCurrentCode() throws IOException {
        Path ledger = write("ledger.csv", "date,institution_code,product_code,quantity,amount,channel\n"
                + "2024-01-05,H1,XOLD,10,25,线上\n2024-01-06,H1,XNEW,2,5,线上\n");
        GroupedSums sums = LedgerScan.of(ledger).codeMap(Codes.CodeMap.of(Map.of("XOLD", "XNEW")))
                .run(GroupedSums.by(GroupedSums.Dimension.PRODUCT)).aggregate();
        assertEquals(1, sums.groups().size());
        assertEquals("XNEW", sums.groups().get(0).key().product());
    }

    @Test
    void aMissingCodeMapIsBadInput() throws IOException {
        Path bids = write("bids.csv", "batch_id,generic_name,spec,pack_count,bid_price\nB1,阿莫西林胶囊,0.25g,10,5.00\n");
        Cli.Result r = Cli.run("price-drop", "--bids", bids.toString(), "--against", "ceiling", "--workspace",
                dir.resolve("ws").toString(), "--code-map", dir.resolve("nope.csv").toString()).expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains("nope.csv: code map file not found"), r.err());
    }
}
