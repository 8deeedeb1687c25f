package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one header binder and the cell rules, as a user meets them: messages, title rows, --set, columns. */
class HeadersAndCellsTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aStockFileWithoutADrugColumnSaysSoOnOneLine() throws IOException {
        Path stock = write("stock.csv", "outlet_code,drug_name,since\nH1,阿莫西林胶囊,2025-01-01\n");
        Cli.Result r = Cli.run("validate", "stock", stock.toString()).expect(ExitCodes.BAD_INPUT);
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("vbp: error: " + stock + ":1: no drug column: expected drug_code or generic_name"), line);
        assertTrue(line.contains("found: outlet_code, drug_name, since"), line);
        assertTrue(line.contains("did you mean 'drug_name' as drug_code"), line);
        assertTrue(line.contains("--map FILE"), line);
        for (String header : new String[] {"品名", "药品名"}) {
            Path other = write("stock-" + header + ".csv", "outlet_code," + header + "\nH1,阿莫西林胶囊\n");
            String err = Cli.run("validate", "stock", other.toString()).expect(ExitCodes.BAD_INPUT).err();
            assertTrue(err.contains("did you mean '" + header + "' as"), err);
        }
    }

    @Test
    void headerCellsWithLineBreaksAndUnitsInBracketsBind() throws IOException {
        Path bids = write("bids.csv", "\"批次\",\"通用名\",\"规格\",\"转换比\n（片）\",\"中选价格\n（元）\"\nB1,阿莫西林胶囊,0.25g,10,5.00\n");
        String out = Cli.run("validate", "bids", bids.toString(), "--format", "csv").ok().out();
        assertTrue(out.isEmpty() || !out.contains("rejected"), out);
    }

    @Test
    void titleRowsAboveTheHeaderAreFoundOrNamed() throws IOException {
        String body = "batch_id,generic_name,spec,pack_count,bid_price,ceiling_price\nB1,阿莫西林胶囊,0.25g,10,5,10\n";
        Path bids = write("titled.csv", "第十批国家组织药品集中采购拟中选结果\n公示日期：2024年12月1日\n" + body);
        String found = Cli.run("price-drop", "--bids", bids.toString(), "--workspace", dir.resolve("ws").toString(),
                "--format", "csv").ok().out();
        assertTrue(found.contains(",0.5,"), found);
        String named = Cli.run("price-drop", "--bids", bids.toString(), "--header-row", "3", "--workspace",
                dir.resolve("ws").toString(), "--format", "csv").ok().out();
        assertEquals(found, named);
        Path ledger = write("titled-ledger.csv", "采购明细\n\ndate,institution_code,product_code,quantity,amount,channel\n"
                + "2024-01-05,H1,XA,1,3,线上\n2024-01-06,H1,XA,1,1,线下\n");
        String rate = Cli.run("online-rate", "--ledger", ledger.toString(), "--workspace", dir.resolve("ws").toString(),
                "--format", "json").ok().out();
        assertTrue(rate.contains("\"online_rate\": 0.75"), rate);
    }

    @Test
    void setSuppliesAColumnTheFileLacks() throws IOException {
        Path bids = write("round.csv", "generic_name,spec,pack_count,bid_price,ceiling_price\n阿莫西林胶囊,0.25g,10,5,10\n");
        Cli.run("validate", "bids", bids.toString()).expect(ExitCodes.BAD_INPUT);
        String out = Cli.run("price-drop", "--bids", bids.toString(), "--set", "batch_id=round-3", "--workspace",
                dir.resolve("ws").toString(), "--format", "csv", "--by", "batch").ok().out();
        assertTrue(out.contains("round-3"), out);
        Cli.run("validate", "bids", bids.toString(), "--set", "batch_idd=round-3").expect(ExitCodes.USAGE);
    }

    @Test
    void aMappingFileSetsColumnsTooAndTheCommandLineWins() throws IOException {
        Path bids = write("round4.csv", "药品名,spec,pack_count,bid_price,ceiling_price\n阿莫西林胶囊,0.25g,10,5,10\n");
        Path map = write("round4.yaml", "dataset: bids\ncolumns:\n  药品名: generic_name\nset:\n  batch_id: round-4\n");
        String ws = dir.resolve("ws").toString();
        String out = Cli.run("price-drop", "--bids", bids.toString(), "--map", map.toString(), "--workspace", ws,
                "--format", "csv", "--by", "batch").ok().out();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("round-4,")), out);
        out = Cli.run("price-drop", "--bids", bids.toString(), "--map", map.toString(), "--set", "batch_id=round-5",
                "--workspace", ws, "--format", "csv", "--by", "batch").ok().out();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("round-5,")) && !out.contains("round-4"), out);
        Path bad = write("bad-set.yaml", "dataset: bids\nset:\n  batch_idd: round-4\n");
        String err = Cli.run("validate", "bids", bids.toString(), "--map", bad.toString()).expect(ExitCodes.BAD_INPUT).err();
        assertTrue(err.contains("bad-set.yaml:3: 'set' names an unknown column 'batch_idd'"), err);
    }

    @Test
    void dashesAndSlashesAreEmptyWhereAValueMayBeMissing() throws IOException {
        Path bids = write("dash.csv", "batch_id,generic_name,spec,pack_count,bid_price,ceiling_price,manufacturer\n"
                + "B1,阿莫西林胶囊,0.25g,10,5,—,/\nB1,布洛芬片,0.2g,10,5,-,-\n");
        String out = Cli.run("price-drop", "--bids", bids.toString(), "--against", "ceiling", "--workspace",
                dir.resolve("ws").toString(), "--format", "json").ok().out();
        assertTrue(out.contains("\"manufacturer\": null"), out);
        Path required = write("dash-required.csv", "batch_id,generic_name,spec,pack_count,bid_price\nB1,阿莫西林胶囊,0.25g,10,-\n");
        String err = Cli.run("validate", "bids", required.toString()).expect(ExitCodes.BAD_INPUT).out();
        assertTrue(err.contains("required value is empty"), err);
    }

    @Test
    void columnsListsTheRulesAndWritesAMappingTemplate() throws IOException {
        String out = Cli.run("columns", "stock", "--format", "csv").ok().out();
        assertTrue(out.startsWith("column,required,type,aliases,example"), out);
        assertTrue(out.contains("outlet_code,y,code,"), out);
        Path template = dir.resolve("stock-map.yaml");
        Cli.run("columns", "stock", "--map-template", template.toString()).ok();
        String yaml = Files.readString(template);
        assertTrue(yaml.contains("dataset: stock") && yaml.contains("  generic_name: generic_name"), yaml);
        // The template loads as it is, and with a header filled in it maps the user's file.
        Path stock = write("stock.csv", "outlet_code,品名\nH1,阿莫西林胶囊\n");
        Files.writeString(template, yaml.replace("  generic_name: generic_name", "  品名: generic_name"));
        Cli.run("validate", "stock", stock.toString(), "--map", template.toString()).ok();
    }

    @Test
    void pricesPerMinimumUnitStandInForPackPriceAndPackCount() throws IOException {
        // Entecavir 0.5mg: 0.62 a tablet against a ceiling of 1.24 a tablet: drop = 1 − 0.62 / 1.24 = 0.5.
        // Atorvastatin 20mg: 6.60 a pack of 7 and 0.943 a tablet (agree within rounding), ceiling 1.886 a tablet:
        // bid unit 6.60 / 7 = 0.942857…, ceiling 1.886 × 7 = 13.202 a pack, drop = 1 − 6.60 / 13.202 = 0.500075…
        Path bids = write("units.csv", "batch_id,generic_name,spec,转换比,\"竞标价格\n（最小包装）（元）\",\"竞标价格\n（最小规格）（元）\","
                + "\"最高有效申报价（最小制剂单位）\"\nB1,恩替卡韦分散片,0.5mg,28,,0.62,1.24\nB1,阿托伐他汀钙片,20mg,7,6.60,0.943,1.886\n");
        String out = Cli.run("price-drop", "--bids", bids.toString(), "--against", "ceiling", "--workspace",
                dir.resolve("ws").toString(), "--format", "csv").ok().out();
        assertTrue(out.contains("恩替卡韦分散片,0.5mg,,28,17.36,0.6200,1.2400,1,0.5,"), out);
        assertTrue(out.contains("阿托伐他汀钙片,20mg,,7,6.60,0.9429,1.8860,1,0.5000757461,"), out);
        Path per = write("per-unit.csv", "batch_id,generic_name,spec,\"中选价格（最小制剂单位）\",\"最高有效申报价（最小制剂单位）\"\n"
                + "B1,恩替卡韦分散片,0.5mg,0.62,1.24\n");
        Cli.Result r = Cli.run("price-drop", "--bids", per.toString(), "--against", "ceiling", "--workspace",
                dir.resolve("ws").toString(), "--format", "json").ok();
        assertTrue(r.out().contains("\"drop\": 0.5,"), r.out());
        assertTrue(r.out().contains("no pack count column; every row is priced per minimum unit: pack_count 1"), r.out());
        String columns = Cli.run("columns", "bids", "--format", "csv").ok().out();
        assertTrue(columns.contains("pack_count,y,count,") && columns.contains("or give unit_price (per minimum unit) instead"), columns);
        assertTrue(columns.lines().anyMatch(l -> l.startsWith("unit_price,n,price,") && l.contains("最小制剂单位价格")
                && l.endsWith("a missing bid_price is unit_price × pack_count; both given must agree within rounding")), columns);
        Path template = dir.resolve("bids-map.yaml");
        Cli.run("columns", "bids", "--map-template", template.toString()).ok();
        assertTrue(Files.readString(template).contains("  bid_price: bid_price    # required unless unit_price is given, decimal"),
                Files.readString(template));
        Path bad = write("disagree.csv", "batch_id,generic_name,spec,pack_count,bid_price,unit_price\nB1,阿托伐他汀钙片,20mg,7,6.60,0.95\n");
        String err = Cli.run("validate", "bids", bad.toString()).expect(ExitCodes.BAD_INPUT).out();
        assertTrue(err.contains("bid_price 6.60 and unit_price 0.95 disagree: 0.95 × 7 = 6.65"), err);
    }
}
