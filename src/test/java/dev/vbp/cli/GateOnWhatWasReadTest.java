package dev.vbp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbp.read.workbook.CsvToXlsx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gate (--fail-under) passes or fails only on a figure computed from every line the user gave but the
 * rejects they allowed: with G lines given and K allowed, the figure rests on G − K lines, or the command
 * ends with exit 3 and the reason. Checked in every spelling of a ledger the reader knows, since a spelling
 * read wrongly (a line ending, a quoted line break, a delimiter) is how lines would be lost unseen.
 *
 * <p>Each ledger: 10 lines of amount 1, the first 6 online; 2 are bad (line 4, online, quantity {@code x};
 * line 9, channel {@code abc}). Of the 8 good lines 5 are online: online rate 5 / 8 = 0.625.
 */
class GateOnWhatWasReadTest {
    @TempDir Path dir;

    private static final int GIVEN = 10;
    private static final int BAD = 2;

    /** The lines of the ledger, header first, with a text column so that a quoted line break can be tried. */
    private static List<String[]> cells() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"date", "institution_code", "product_code", "quantity", "amount", "channel", "generic_name"});
        for (int i = 0; i < GIVEN; i++) {
            String channel = i < 6 ? "线上" : "线下";
            String quantity = "1";
            if (i == 3) quantity = "x";          // bad
            if (i == 8) channel = "abc";         // bad
            rows.add(new String[] {"2024-01-0" + (1 + i % 9), "H1", "XA", quantity, "1", channel, i == 5 ? "阿莫西林\n胶囊" : "阿莫西林胶囊"});
        }
        return rows;
    }

    private static String csv(String delimiter, String eol) {
        StringBuilder b = new StringBuilder();
        for (String[] row : cells()) {
            List<String> out = new ArrayList<>();
            for (String c : row) out.add(c.contains("\n") ? "\"" + c.replace("\n", eol) + "\"" : c);
            b.append(String.join(delimiter, out)).append(eol);
        }
        return b.toString();
    }

    private Map<String, Path> spellings() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("lf", write("lf.csv", csv(",", "\n"), StandardCharsets.UTF_8));
        files.put("crlf", write("crlf.csv", csv(",", "\r\n"), StandardCharsets.UTF_8));
        files.put("cr", write("cr.csv", csv(",", "\r"), StandardCharsets.UTF_8));
        files.put("bom", write("bom.csv", "\uFEFF" + csv(",", "\n"), StandardCharsets.UTF_8));
        files.put("blank lines", write("blank.csv", csv(",", "\n").replace("线下,阿莫西林胶囊\n", "线下,阿莫西林胶囊\n\n"), StandardCharsets.UTF_8));
        files.put("no last line break", write("noeol.csv", csv(",", "\n").stripTrailing(), StandardCharsets.UTF_8));
        files.put("semicolon", write("semicolon.csv", csv(";", "\n"), StandardCharsets.UTF_8));
        files.put("tab", write("tab.tsv", csv("\t", "\n"), StandardCharsets.UTF_8));
        String chinese = csv(",", "\r\n").replaceFirst("^date,institution_code,product_code,quantity,amount,channel,generic_name",
                "采购日期,医疗机构编码,药品编码,采购数量,采购金额,采购渠道,通用名");
        files.put("gb18030", write("gb.csv", chinese, Charset.forName("GB18030")));
        Path xlsx = dir.resolve("ledger.xlsx");
        CsvToXlsx.write(files.get("lf"), xlsx, "Sheet1");
        files.put("xlsx", xlsx);
        return files;
    }

    private Path write(String name, String text, Charset cs) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(cs));
    }

    private Cli.Result onlineRate(Path ledger, String... more) {
        List<String> args = new ArrayList<>(List.of("online-rate", "--ledger", ledger.toString(), "--workspace",
                dir.resolve("ws").toString(), "--format", "json"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aGatedFigureRestsOnAllLinesButTheAllowedRejectsInEverySpelling() throws IOException {
        for (var e : spellings().entrySet()) {
            String what = e.getKey();
            Path ledger = e.getValue();
            JsonNode passed = json(onlineRate(ledger, "--max-rejects", "" + BAD, "--fail-under", "60%").expect(ExitCodes.OK).out());
            assertEquals((GIVEN - BAD) + " lines used of " + GIVEN, passed.get("assumptions").get("ledger_lines").asText(), what);
            assertEquals(0.625, passed.get("summary").get("online_rate").asDouble(), 0, what);
            // The same figure fails a higher gate: it was computed, not skipped.
            onlineRate(ledger, "--max-rejects", "" + BAD, "--fail-under", "70%").expect(ExitCodes.CHECK_FAILED);
            // One reject more than allowed: exit 3, naming the first bad line and the tolerance.
            Cli.Result over = onlineRate(ledger, "--max-rejects", "" + (BAD - 1), "--fail-under", "60%").expect(ExitCodes.BAD_INPUT);
            assertTrue(over.err().contains("more than " + (BAD - 1) + " malformed ledger line"), what + ": " + over.err());
            assertTrue(over.err().contains("quantity"), what + ": " + over.err());
        }
    }

    @Test
    void rejectsAllowedAtImportAreTheOnesAllowedLater() throws IOException {
        Path ledger = spellings().get("lf");
        String ws = dir.resolve("imported").toString();
        Cli.run("--workspace", ws, "import", "ledger", ledger.toString()).expect(ExitCodes.BAD_INPUT);
        Cli.run("--workspace", ws, "import", "ledger", ledger.toString(), "--max-rejects", "" + BAD).ok();
        JsonNode r = json(Cli.run("--workspace", ws, "online-rate", "--fail-under", "60%", "--format", "json").ok().out());
        assertEquals((GIVEN - BAD) + " lines used of " + GIVEN, r.get("assumptions").get("ledger_lines").asText());
        assertEquals(0.625, r.get("summary").get("online_rate").asDouble(), 0);
    }

    @Test
    void aGateOnAFigureNoLineCouldGiveExitsThree() throws IOException {
        Path ledger = write("all-bad.csv", "date,institution_code,product_code,quantity,amount,channel\n"
                + "2024-01-05,H1,XA,x,1,线上\n2024-01-05,H1,XA,1,1,abc\n", StandardCharsets.UTF_8);
        Cli.Result r = onlineRate(ledger, "--max-rejects", "-1", "--fail-under", "70%").expect(ExitCodes.BAD_INPUT);
        assertTrue(r.err().contains("could not be computed (0 of 2 ledger lines usable, 2 rejected"), r.err());
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
