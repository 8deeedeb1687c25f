package dev.vbp.output;

import static dev.vbp.output.RenderTesting.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRendererTest {

    private static final String HEADER =
            "product_code,generic_name,bid_price,unit_price,drop,agreed_qty,pack_count,cycle_start,selected\n";

    @Test
    void moneyIsRoundedHalfUpOnceByDefault() {
        // 1234567.885 → 1234567.89, 141.13335 → 141.1334 (unit price, four decimals), -12.5 → -12.50,
        // 0.005 → 0.01, 0.00005 → 0.0001; ratios, quantities and the rest as they are.
        String expected = HEADER
                + "X0001,恩替卡韦分散片,1234567.89,141.1334,0.52154,28404,14,2024-01-31,y\n"
                + "0042,'=SUM(A1),-12.50,,-0.0525,,1000,,n\n"
                + "X0003,\"阿托伐他汀钙片 \"\"20mg, 7片\"\"|\",0.01,0.0001,1,7,0.50,2023-12-01,\n";
        assertEquals(expected, render(Format.CSV, Lang.EN, false, false, SampleReports.drugs()));
    }

    @Test
    void rowsWithExactValues() {
        String expected = HEADER
                + "X0001,恩替卡韦分散片,1234567.885,141.13335,0.52154,28404,14,2024-01-31,y\n"
                + "0042,'=SUM(A1),-12.5,,-0.0525,,1000,,n\n"
                + "X0003,\"阿托伐他汀钙片 \"\"20mg, 7片\"\"|\",0.005,0.00005,1,7,0.50,2023-12-01,\n";
        // The language does not change CSV, and the summary and warnings are not in it.
        assertEquals(expected, render(new CsvRenderer(false, Precision.FULL), SampleReports.drugs()));
    }

    @Test
    void emptyReportIsTheHeaderOnly() {
        assertEquals(HEADER, render(Format.CSV, Lang.EN, false, false, SampleReports.empty()));
    }

    @Test
    void excelBomComesFirst() {
        String text = render(Format.CSV, Lang.EN, false, true, SampleReports.drugs());
        assertEquals('\uFEFF', text.charAt(0));
        assertEquals(render(Format.CSV, Lang.EN, false, false, SampleReports.drugs()), text.substring(1));
    }

    @Test
    void formulaLikeTextGetsAQuoteButNumbersNever() {
        Report report = new Report("x", List.of(
                new Column("name", "Name", "名称", ValueKind.TEXT),
                new Column("code", "Code", "编码", ValueKind.CODE),
                new Column("amount", "Amount", "金额", ValueKind.MONEY),
                new Column("qty", "Qty", "数量", ValueKind.INTEGER)));
        report.row("=1+2", "+86", new BigDecimal("-12.5"), -3L)
                .row("-2", "@SUM(A1)", new BigDecimal("+1.5"), 0)
                .row("\tx", "\ry", null, null)
                .row("a=b", "x-1", BigDecimal.ZERO, 1);
        assertEquals("name,code,amount,qty\n"
                + "'=1+2,'+86,-12.50,-3\n"
                + "'-2,'@SUM(A1),1.50,0\n"
                + "'\tx,\"'\ry\",,\n"
                + "a=b,x-1,0.00,1\n", render(new CsvRenderer(false), report));
    }

    @Test
    void loneEmptyFieldIsQuotedSoTheRecordIsNotABlankLine() {
        Report report = new Report("x", List.of(new Column("note", "Note", "备注", ValueKind.TEXT)))
                .row((Object) null).row("").row("a");
        assertEquals("note\n\"\"\n\"\"\na\n", render(new CsvRenderer(false), report));
    }

    @Test
    void parsesBackWithCommonsCsv() throws IOException {
        String text = render(new CsvRenderer(false, Precision.FULL), SampleReports.drugs());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertEquals(3, records.size());
        assertEquals("阿托伐他汀钙片 \"20mg, 7片\"|", records.get(2).get("generic_name"));
        assertEquals(new BigDecimal("1234567.885"), new BigDecimal(records.get(0).get("bid_price")));
        assertEquals(new BigDecimal("0.50"), new BigDecimal(records.get(2).get("pack_count")));
        assertEquals(LocalDate.of(2024, 1, 31), LocalDate.parse(records.get(0).get("cycle_start")));
        assertEquals("", records.get(1).get("unit_price"));
        assertTrue(text.indexOf('\r') < 0, "lines end with \\n only");
    }
}
