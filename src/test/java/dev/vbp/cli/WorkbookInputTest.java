package dev.vbp.cli;

import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.read.workbook.CsvToXlsx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dataset saved as a workbook reads as its CSV twin, and every message names the sheet's cell. */
class WorkbookInputTest {
    @TempDir
    Path dir;

    private Path twin(Path csv, String name) throws IOException {
        Path xlsx = dir.resolve(name);
        CsvToXlsx.write(csv, xlsx, "Sheet1");
        return xlsx;
    }

    @Test
    void aLedgerWorkbookGivesTheOnlineRateOfItsCsvTwin() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-data/ledger.csv"), StandardCharsets.UTF_8);
        Path csv = dir.resolve("ledger-2000.csv");
        Files.write(csv, lines.subList(0, 2001), StandardCharsets.UTF_8);
        Path xlsx = twin(csv, "ledger-2000.xlsx");
        for (String by : new String[] {"institution", "month"}) {
            String fromCsv = Cli.run("online-rate", "--ledger", csv.toString(), "--all-categories", "--by", by, "--format", "csv").ok().out();
            String fromXlsx = Cli.run("online-rate", "--ledger", xlsx.toString(), "--all-categories", "--by", by, "--format", "csv").ok().out();
            assertEquals(fromCsv, fromXlsx);
        }
    }

    @Test
    void bidAndBaselineWorkbooksGiveThePriceDropsOfTheirCsvTwins() throws IOException {
        Path bids = twin(Path.of("sample-data/bids.csv"), "bids.xlsx");
        Path baseline = twin(Path.of("sample-data/baseline.csv"), "baseline.xlsx");
        String fromCsv = Cli.run("price-drop", "--bids", "sample-data/bids.csv", "--baseline", "sample-data/baseline.csv",
                "--base-period", "2017", "--format", "csv").ok().out();
        String fromXlsx = Cli.run("price-drop", "--bids", bids.toString(), "--baseline", baseline.toString(),
                "--base-period", "2017", "--format", "csv").ok().out();
        assertEquals(fromCsv, fromXlsx);
    }

    @Test
    void aRejectedRowNamesTheCell() throws IOException {
        Path csv = dir.resolve("bids.csv");
        Files.writeString(csv, "batch_id,generic_name,spec,pack_count,bid_price\n"
                + "4+7,利培酮片,1mg,60,10.02\n4+7,阿托伐他汀钙片,20mg,7,abc\n");
        Path xlsx = twin(csv, "bids.xlsx");
        Cli.Result r = Cli.run("--workspace", dir.resolve("ws").toString(), "import", "bids", xlsx.toString()).expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains(xlsx + "!Sheet1!E3: bid_price: "), r.err());
    }

    @Test
    void aMalformedLedgerLineNamesTheCell() throws IOException {
        Path csv = dir.resolve("ledger.csv");
        Files.writeString(csv, "date,institution_code,product_code,quantity,amount,channel\n"
                + "2024-01-02,H1,XA1,2,10.5,线上\n2024-13-02,H1,XA1,2,10.5,线上\n2024-01-03,H1,XA1,1,1,线下\n");
        Path xlsx = twin(csv, "ledger.xlsx");
        LedgerResult<GroupedSums> r = LedgerScan.of(xlsx).run(GroupedSums.by());
        assertEquals(1, r.errorCount());
        assertEquals(2, r.acceptedLines());
        assertTrue(r.errors().get(0).toString().startsWith(xlsx + "!Sheet1!A3: date: "), r.errors().get(0).toString());
        assertEquals(xlsx + "!Sheet1", r.files().get(0).file().toString());
    }
}
