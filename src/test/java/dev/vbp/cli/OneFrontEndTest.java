package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows of the "one way in" table (issue 8): what a new user did, and what vbp now does. Every file is
 * read the same way whichever command reads it, and nothing is lost without a word.
 */
class OneFrontEndTest {
    private static final Charset GB = Charset.forName("GB18030");
    private static final String HEADER = "date,institution_code,product_code,quantity,amount,channel\n";

    @TempDir Path dir;

    private Path write(String name, String text, Charset cs) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(cs));
    }

    private String ws() {
        return dir.resolve("ws").toString();
    }

    private Cli.Result onlineRate(Path ledger, String... more) {
        return Cli.run(concat(new String[] {"online-rate", "--ledger", ledger.toString(), "--workspace", ws(), "--format", "json"}, more));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String lines(int n, String line) {
        return line.repeat(n);
    }

    @Test
    void aQuoteNeverClosedEndsTheReadWithExit3AndTheLine() throws IOException {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 2; i <= 51; i++) b.append(i == 4 ? "2024-01-05,H1,\"XA,1,2,线上\n" : "2024-01-05,H1,XA,1,2,线上\n");
        Path ledger = write("broken.csv", b.toString(), StandardCharsets.UTF_8);
        Cli.Result r = onlineRate(ledger, "--fail-under", "95%").expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains(ledger + ":4: a quoted field is never closed"), r.err());
    }

    @Test
    void aGateNeverPassesOnNoData() throws IOException {
        Path abc = write("abc.csv", HEADER + lines(3, "2024-01-05,H1,XA,1,2,abc\n"), StandardCharsets.UTF_8);
        assertTrue(onlineRate(abc, "--fail-under", "95%").expect(ExitCodes.BAD_INPUT).err().contains("abc.csv:2:6: channel: unknown channel"));
        Cli.Result all = onlineRate(abc, "--fail-under", "95%", "--max-rejects", "-1").expect(ExitCodes.BAD_INPUT);
        assertTrue(all.err().contains("--fail-under 95.00%: the online rate could not be computed (0 of 3 ledger lines usable, 3 rejected"), all.err());
        Path empty = write("header.csv", HEADER, StandardCharsets.UTF_8);
        Cli.Result none = onlineRate(empty, "--fail-under", "95%").expect(ExitCodes.BAD_INPUT);
        assertTrue(none.err().contains("(the ledgers have no lines); a gate never passes on no data"), none.err());
        onlineRate(empty).ok(); // without a gate the empty report is fine
    }

    @Test
    void oneToleranceWithOneDefaultForValidateImportAndAnalyses() throws IOException {
        Path bad = write("bad.csv", HEADER + "2024-01-05,H1,XA,1,2,线上\n2024-01-05,H1,XA,x,2,线上\n", StandardCharsets.UTF_8);
        Cli.run("validate", "ledger", bad.toString()).expect(ExitCodes.BAD_INPUT);
        Cli.Result analysis = onlineRate(bad).expect(ExitCodes.BAD_INPUT);
        assertTrue(analysis.err().contains("bad.csv:3:4: quantity: not a number: 'x'"), analysis.err());
        Cli.run("validate", "ledger", bad.toString(), "--max-rejects", "1").ok();
        onlineRate(bad, "--max-rejects", "1").ok();
        for (String command : new String[] {"validate", "import", "online-rate", "price-drop", "volume"}) {
            String help = Cli.run(command, "--help").ok().out();
            assertTrue(help.contains("(default: 0, the same for") && help.contains("validate, import and every analysis"), command);
        }
    }

    @Test
    void importCountsEveryRejectedLedgerLineNotOnlyTheListedOnes() throws IOException {
        Path bad = write("bad.csv", HEADER + lines(500, "2024-01-05,H1,XA,x,2,线上\n"), StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("import", "ledger", bad.toString(), "--max-rejects", "150", "--workspace", ws()).expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains("(500 rows rejected, more than --max-rejects 150"), r.err());
    }

    @Test
    void aSemicolonLedgerIsReadWithOrWithoutTheOption() throws IOException {
        Path semi = write("semi.csv", HEADER.replace(',', ';') + "2024-01-05;H1;XA;1;2;线上\n2024-01-06;H1;XA;1;2;线下\n", StandardCharsets.UTF_8);
        assertTrue(onlineRate(semi).ok().out().contains("\"online_rate\": 0.5"));
        assertTrue(onlineRate(semi, "--delimiter", "semicolon").ok().out().contains("\"online_rate\": 0.5"));
    }

    @Test
    void theUsersEncodingWinsOverDetection() throws IOException {
        Path gb = write("gb.csv", "采购日期,医疗机构编码,药品编码,采购数量,采购金额,采购渠道\n2024-01-05,H1,XA,1,2,线上\n", GB);
        onlineRate(gb).ok();
        Cli.Result forced = onlineRate(gb, "--encoding", "utf-8").expect(ExitCodes.BAD_INPUT);
        assertTrue(forced.err().contains("not valid UTF-8 as --encoding says"), forced.err());
    }

    @Test
    void ledgerCellsFollowTheSameRulesAsBids() throws IOException {
        Path ledger = write("excel.csv", HEADER + "2024-01-05,\"=\"\"H51343300001\"\"\",XA,1,¥1015.04,线上\n"
                + "2024-01-05,H51343300001,XA,1,１０１５．０４,线下\n"
                + "2024-01-05,H51343300001,XA,1,\"1,015.04元\",线下\n", StandardCharsets.UTF_8);
        Path institutions = write("inst.csv", "institution_code,name,county,ownership\nH51343300001,医院,西昌市,public\n", StandardCharsets.UTF_8);
        String out = onlineRate(ledger, "--institutions", institutions.toString()).ok().out();
        assertTrue(out.contains("\"institution_code\": \"H51343300001\""), out);
        assertTrue(out.contains("\"online_amount\": 1015.04") && out.contains("\"offline_amount\": 2030.08"), out);
        assertFalse(out.contains("not in the institutions file"), out);
    }

    @Test
    void standardInputForEveryFileOption() throws IOException {
        byte[] ledger = (HEADER + "2024-01-05,H1,XA,1,3,线上\n2024-01-06,H1,XA,1,1,线下\n").getBytes(StandardCharsets.UTF_8);
        String out = Cli.runWithInput(ledger, "online-rate", "--ledger", "-", "--workspace", ws(), "--format", "json").ok().out();
        assertTrue(out.contains("\"online_rate\": 0.75") && out.contains("\"ledger: -\""), out);
        byte[] bids = "batch_id,generic_name,spec,pack_count,bid_price,ceiling_price\nB1,阿莫西林胶囊,0.25g,10,5,10\n".getBytes(StandardCharsets.UTF_8);
        String drop = Cli.runWithInput(bids, "price-drop", "--bids", "-", "--workspace", ws(), "--format", "csv").ok().out();
        assertTrue(drop.contains(",0.5,"), drop);
        byte[] bad = (HEADER + "2024-01-05,H1,XA,x,3,线上\n").getBytes(StandardCharsets.UTF_8);
        Cli.Result r = Cli.runWithInput(bad, "online-rate", "--ledger", "-", "--workspace", ws()).expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains("-:2:4: quantity: not a number"), r.err());
    }
}
