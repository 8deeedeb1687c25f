package dev.vbp.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ledgers go into the workspace by streaming, and read back exactly as the file they came from. */
class LedgerImportTest {
    @TempDir Path dir;

    private JsonNode rows(String... args) {
        return Json.parse(Cli.run(args).ok().out()).get("rows");
    }

    @Test
    void theWorkspaceGivesTheSameFiguresAsTheFile() {
        String ws = dir.resolve("ws").toString();
        Cli.Result imported = Cli.run("--workspace", ws, "import", "ledger", "sample-data/ledger.csv", "--format", "csv").ok();
        assertTrue(imported.out().contains("ledger,sample-data/ledger.csv,imported,UTF-8,10932,0,"), imported.out());
        assertEquals(rows("--workspace", ws, "online-rate", "--ledger", "sample-data/ledger.csv", "--format", "json"),
                rows("--workspace", ws, "online-rate", "--format", "json"));
    }

    @Test
    void aGb18030LedgerWithItsOwnHeadersAndAMapping() throws IOException {
        Path ledger = dir.resolve("gbk.csv");
        Files.write(ledger, ("""
                采购日期\t医疗机构编码\t产品编码\t采购数量\t结算金额\t采购渠道
                2024/1/5\tH1\tP1\t10\t100.00\t线上
                2024/1/6\tH1\tP1\t2\t50.00\t线下
                """).getBytes(Charset.forName("GB18030")));
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, "dataset: ledger\ncolumns:\n  结算金额: amount\n");
        String ws = dir.resolve("ws").toString();
        Cli.run("--workspace", ws, "import", "ledger", ledger.toString(), "--map", map.toString()).ok();
        JsonNode r = rows("--workspace", ws, "online-rate", "--all-categories", "--format", "json");
        assertEquals("0.6666666667", r.get(0).get("online_rate").decimalValue().toPlainString()); // 100 / 150
    }

    @Test
    void malformedLinesFailTheImportUnlessTolerated() throws IOException {
        Path ledger = dir.resolve("bad.csv");
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,amount,channel
                2024-01-05,H1,P1,10,100.00,线上
                2024-01-06,H1,P1,2,abc,线下
                """);
        Path ws = dir.resolve("ws");
        Cli.Result failed = Cli.run("--workspace", ws.toString(), "import", "ledger", ledger.toString()).expect(ExitCodes.BAD_INPUT);
        assertTrue(failed.err().startsWith("vbp: error: " + ledger + ":3:5: amount: not a number: 'abc'"), failed.err());
        assertTrue(Files.notExists(ws), "a failed first import leaves no workspace");
        Cli.run("--workspace", ws.toString(), "import", "ledger", ledger.toString(), "--max-rejects", "1").ok();
        Workspace w = new Workspace(ws);
        String rejects = Files.readString(ws.resolve(w.manifest().entries("ledger").get(0).rejectsFile()));
        assertTrue(rejects.contains(",3,5,amount,not a number: 'abc',"), rejects);
        assertEquals(1, w.manifest().entries("ledger").get(0).rowsAccepted());
        String warnings = Json.parse(Cli.run("--workspace", ws.toString(), "online-rate", "--format", "json").ok().out())
                .get("warnings").toString();
        // The manifest names the source relative to the directory holding the workspace (both lie in dir).
        assertTrue(warnings.contains("\"1 malformed ledger line was left out (first: bad.csv (imported):3:5: amount: not a number"),
                "names the source, not the workspace copy: " + warnings);
    }

    @Test
    void validateChecksALedgerAsImportWouldAndWritesNothing() throws IOException {
        Path ledger = dir.resolve("bad.csv");
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,amount,channel
                2024-01-05,H1,P1,10,100.00,线上
                2024-02-30,H1,P1,2,20.00,线下
                """);
        Path ws = dir.resolve("ws");
        Cli.Result r = Cli.run("--workspace", ws.toString(), "validate", "ledger", ledger.toString(), "--format", "csv")
                .expect(ExitCodes.BAD_INPUT);
        assertTrue(r.out().contains(ledger + ",3,1,date,"), r.out());
        assertTrue(Files.notExists(ws));
        Cli.run("--workspace", ws.toString(), "validate", "ledger", ledger.toString(), "--max-rejects", "1").ok();
    }
}
