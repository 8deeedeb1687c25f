package dev.vbp.engine.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerErrorsTest {
    private static final Charset GB = Charset.forName("GB18030");

    @TempDir
    Path dir;

    static final String BAD = """
            date,institution_code,product_code,generic_name,quantity,unit_price,amount,channel,category
            2024-01-05,H1,XA,a,10,2.5,25,线上,药品
            2024-01-05,H1,XA,a,10,2.5,12.3.4,线上,药品
            2024-01-05,H1,XA,"two
            lines",10,2.5,25,线上,药品
            2024-01-05,H1,XA,a,10,2.5,25,线上
            
            2024-13-05,H1,XA,a,10,2.5,25,线上,药品
            2024-01-05,H1,XA,a,10,2.5,25,未知,药品
            2024-01-05,H1,XA,a,1.00001,2.5,25,线上,药品
            2024-01-05,,XA,a,1,2.5,25,线上,药品
            2024-01-05,H1,XA,a,1,2.5,25,线上,草药
            2024-01-05,H1,XA,a,1,abc,25,线上,药品
            2024-01-05,H1,XA,"a"b,1,2.5,25,线上,药品
            2024-01-05,H1,XA,a,1,2.5,25,线上,药品
            """;

    @Test
    void malformedLinesAreCountedSkippedAndReportedWithPhysicalLineNumbers() throws IOException {
        Path file = Ledgers.write(dir, "bad.csv", BAD, StandardCharsets.UTF_8);
        LedgerResult<GroupedSums> r = LedgerScan.of(file).run(GroupedSums.by());
        assertEquals(List.of(
                new LineError(file, 3, 7, "amount", "not a number: '12.3.4'"),
                new LineError(file, 6, 0, null, "expected 9 fields, found 8"),
                new LineError(file, 8, 1, "date", "not a date (expected e.g. 2024-01-31, 2024/1/31, 20240131 or 2024年1月31日): '2024-13-05'"),
                new LineError(file, 9, 8, "channel", "unknown channel (expected e.g. 线上/线下, online/offline): '未知'"),
                new LineError(file, 10, 5, "quantity", "more than 4 decimal places: '1.00001'"),
                new LineError(file, 11, 2, "institution_code", "empty"),
                new LineError(file, 12, 9, "category", "unknown category (expected e.g. 药品/耗材/中药饮片/院内制剂, drug/consumable): '草药'"),
                new LineError(file, 13, 6, "unit_price", "not a number: 'abc'"),
                new LineError(file, 14, 0, null, "text after a closing quote")), r.errors());
        assertEquals(9, r.errorCount());
        assertEquals(12, r.totalLines()); // the blank line 7 is not a line of data
        assertEquals(3, r.acceptedLines());
        assertEquals(new java.math.BigDecimal("75.0000"), r.aggregate().total().amountDecimal());
        assertEquals("bad.csv:3:7: amount: not a number: '12.3.4'", r.errors().get(0).toString().substring(
                r.errors().get(0).toString().indexOf("bad.csv")));
    }

    @Test
    void tooManyErrorsStopsTheScan() throws IOException {
        Path file = Ledgers.write(dir, "bad.csv", BAD, StandardCharsets.UTF_8);
        assertEquals(9, LedgerScan.of(file).maxErrors(9).run(GroupedSums.by()).errorCount());
        TooManyErrorsException e = assertThrows(TooManyErrorsException.class,
                () -> LedgerScan.of(file).maxErrors(8).run(GroupedSums.by()));
        assertEquals(8, e.maxErrors());
        assertTrue(e.getMessage().startsWith("more than 8 malformed ledger lines; scan stopped; first: "), e.getMessage());
        assertEquals(3, e.firstErrors().get(0).line());
        for (int chunk = 1; chunk < BAD.length(); chunk += 11) {
            int c = chunk;
            assertThrows(TooManyErrorsException.class,
                    () -> LedgerScan.of(file).maxErrors(8).threads(2).chunkBytes(c).run(GroupedSums.by()));
            assertEquals(9, LedgerScan.of(file).maxErrors(9).threads(2).chunkBytes(c).run(GroupedSums.by()).errorCount());
        }
        assertThrows(TooManyErrorsException.class, () -> LedgerScan.of(file).maxErrors(0).run(GroupedSums.by()));
    }

    /** Issue row: one unclosed quote on line 4 of 51 used to leave 48 lines out with a warning. */
    @Test
    void aQuoteNeverClosedEndsTheReadWithFileAndLineWhereverTheFileIsCut() throws IOException {
        StringBuilder text = new StringBuilder("date,institution_code,product_code,quantity,amount,channel\n");
        for (int i = 2; i <= 51; i++) {
            text.append(i == 4 ? "2024-01-05,H1,\"XA,1,2,线上\n" : "2024-01-05,H1,XA,1,2,线上\n");
        }
        Path file = Ledgers.write(dir, "broken.csv", text.toString(), StandardCharsets.UTF_8);
        for (long chunk : new long[] {0, 7, 50, 333}) {
            LedgerScan scan = LedgerScan.of(file).threads(2).maxErrors(Long.MAX_VALUE);
            if (chunk > 0) scan.chunkBytes(chunk);
            LedgerInputException e = assertThrows(LedgerInputException.class, () -> scan.run(GroupedSums.by()));
            assertEquals(file + ":4: a quoted field is never closed (a \" without its closing \"), so the rest of the file cannot be read",
                    e.getMessage(), "chunk " + chunk);
        }
    }

    @Test
    void missingRequiredColumnNamesTheFileAndTheAcceptedHeaders() throws IOException {
        Path file = Ledgers.write(dir, "noamount.csv", "采购日期,医疗机构编码,药品编码,采购数量,渠道\n2024-01-01,H1,X,1,线上\n", GB);
        // Amount is required by the analyses that ask for it (online-rate), not by every scan.
        LedgerScan.of(file).run(GroupedSums.by());
        LedgerInputException e = assertThrows(LedgerInputException.class,
                () -> LedgerScan.of(file).require("amount").run(GroupedSums.by()));
        // The one binder's words, as for every other dataset: what was found, and how to map it.
        assertEquals(file + ":1: missing required column 'amount' (accepted headers for amount: amount, 采购金额, 金额, 入库金额); "
                + "found: 采购日期, 医疗机构编码, 药品编码, 采购数量, 渠道; name the column in a mapping file (--map FILE; "
                + "'vbp columns ledger --map-template FILE' writes one)", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void chineseHeadersAndExtraAliasesBind() throws IOException {
        Path file = Ledgers.write(dir, "cn.csv",
                "\"采购日期\",机构编码,医保药品代码,数量,结算金额,是否线上,产品类别\n2024年1月2日,H1,X,2,3.5,是,耗材\n2024年1月3日,H1,X,1,1,否,耗材\n", GB);
        assertThrows(LedgerInputException.class, () -> LedgerScan.of(file).require("amount").run(GroupedSums.by()));
        LedgerResult<GroupedSums> r = LedgerScan.of(file).headerAliases(Map.of("结算金额", "amount")).require("amount")
                .run(GroupedSums.by(GroupedSums.Dimension.CHANNEL, GroupedSums.Dimension.CATEGORY));
        assertEquals(Map.of("-|-|-|-|online|consumable", "3.5000 2.0000 1 0", "-|-|-|-|offline|consumable", "1.0000 1.0000 1 0"),
                Ledgers.table(r.aggregate()));
        assertEquals("结算金额", r.files().get(0).columns().get("amount"));
        assertEquals("GB18030", r.files().get(0).encoding());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> LedgerScan.of(file).headerAliases(Map.of("结算金额", "amout")).run(GroupedSums.by()));
        assertTrue(bad.getMessage().startsWith("header mapping names unknown ledger field 'amout'"), bad.getMessage());
    }

    @Test
    void duplicateHeadersAndEmptyOrUndecodableFilesAreFatal() throws IOException {
        String rest = ",institution_code,product_code,quantity,amount,channel\n";
        assertFatal(Ledgers.write(dir, "dup.csv", "date" + rest.replace("quantity", "amount"), StandardCharsets.UTF_8),
                "1:5: duplicate header 'amount' (also column 4)");
        assertFatal(Ledgers.write(dir, "twice.csv", "date" + rest.replace("quantity", "qty,数量"), StandardCharsets.UTF_8),
                "1:5: columns 'qty' and '数量' both read as quantity; name the one to use in a mapping file (--map)");
        assertFatal(Ledgers.write(dir, "empty.csv", "", StandardCharsets.UTF_8), "empty file (expected a header line)");
        assertFatal(Ledgers.writeBytes(dir, "bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'}),
                "empty file (expected a header line)");
        byte[] junk = ("date" + rest + "2024-01-01,H\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(junk, junk.length + 3);
        bad[bad.length - 3] = (byte) 0x80;
        bad[bad.length - 2] = (byte) 0xFF;
        bad[bad.length - 1] = '\n';
        assertFatal(Ledgers.writeBytes(dir, "junk.csv", bad), "bytes are neither valid UTF-8 nor GB18030 (line 2)");
        assertFatal(Ledgers.writeBytes(dir, "utf16.csv", ("date" + rest).getBytes(StandardCharsets.UTF_16)),
                "UTF-16 text is not supported; save the file as UTF-8 or GB18030");
        assertFatal(dir.resolve("missing.csv"), "no such file or directory");
    }

    @Test
    void headerOnlyFileHasNoLines() throws IOException {
        Path file = Ledgers.write(dir, "header.csv", "date,institution_code,product_code,quantity,amount,channel", StandardCharsets.UTF_8);
        LedgerResult<GroupedSums> r = LedgerScan.of(file).run(GroupedSums.by());
        assertEquals(0, r.totalLines());
        assertEquals(0, r.aggregate().size());
    }

    private static void assertFatal(Path file, String problem) {
        LedgerInputException e = assertThrows(LedgerInputException.class, () -> LedgerScan.of(file).run(GroupedSums.by()));
        assertEquals(file + (Character.isDigit(problem.charAt(0)) ? ":" : ": ") + problem, e.getMessage());
    }
}
