package dev.vbp.read.workbook;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One sheet, written by POI in each format, becomes the same CSV text and the same row map. */
class SheetToCsvTest {
    @TempDir
    Path dir;

    /**
     * Row 1 a title merged across, row 2 empty, row 3 the header (one cell with a line break), rows 4–6 a
     * generic name merged down over three products, a 12-digit code typed as a number, a zero-padded code,
     * a date, a formula, a computed decimal with binary noise, a boolean, a cell with a comma and a quote.
     */
    private static void fill(Workbook wb) {
        Sheet s = wb.createSheet("第一批");
        wb.createSheet("Other sheet").createRow(0).createCell(0).setCellValue("x");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
        CellStyle padded = wb.createCellStyle();
        padded.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("000000"));
        s.createRow(0).createCell(0).setCellValue("国家组织药品集中采购中选结果");
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
        Row h = s.createRow(2);
        String[] header = {"通用名", "产品编码", "机构码", "竞标价格\n（最小规格）（元）", "日期", "中选"};
        for (int c = 0; c < header.length; c++) h.createCell(c).setCellValue(header[c]);
        for (int i = 0; i < 3; i++) {
            Row r = s.createRow(3 + i);
            if (i == 0) r.createCell(0).setCellValue("阿托伐他汀钙片");
            r.createCell(1).setCellValue(123456789012L + i);
            Cell code = r.createCell(2);
            code.setCellValue(42 + i);
            code.setCellStyle(padded);
            r.createCell(3).setCellValue(i == 0 ? 0.1 + 0.2 : i == 1 ? 0.123 : 12);
            Cell d = r.createCell(4);
            d.setCellValue(LocalDate.of(2024, 1, 31 - i));
            d.setCellStyle(date);
            r.createCell(5).setCellValue(i != 2);
        }
        s.addMergedRegion(new CellRangeAddress(3, 5, 0, 0));
        Row last = s.createRow(7);
        last.createCell(0).setCellValue("a, \"b\"");
        if (wb instanceof SXSSFWorkbook) last.createCell(1).setCellValue(42); // SXSSF cannot compute formulas
        else last.createCell(1).setCellFormula("2*21");
        last.createCell(3).setCellValue(1.5e16);
    }

    private static final String EXPECTED = String.join("\n",
            "国家组织药品集中采购中选结果,,,,,",
            "通用名,产品编码,机构码,\"竞标价格\n（最小规格）（元）\",日期,中选",
            "阿托伐他汀钙片,123456789012,000042,0.3,2024-01-31,TRUE",
            "阿托伐他汀钙片,123456789013,000043,0.123,2024-01-30,TRUE",
            "阿托伐他汀钙片,123456789014,000044,12,2024-01-29,FALSE",
            "\"a, \"\"b\"\"\",42,,1.5E+16,,") + "\n";

    private Path write(Workbook wb, String name) throws IOException {
        fill(wb);
        if (wb instanceof XSSFWorkbook || wb instanceof HSSFWorkbook) {
            wb.setForceFormulaRecalculation(false);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        }
        Path file = dir.resolve(name);
        if (System.getProperty("dumpdir") != null) file = Path.of(System.getProperty("dumpdir"), name);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    private void check(Path file, WorkbookFormat format) {
        assertEquals(format, Workbooks.detect(file));
        Workbooks.InMemory m = Workbooks.toBytes(file, format, SheetChoice.FIRST);
        assertEquals(EXPECTED, new String(m.csv(), StandardCharsets.UTF_8));
        SheetCsv sheet = m.sheet();
        assertEquals("第一批", sheet.sheet());
        assertEquals(List.of("第一批", "Other sheet"), sheet.sheets());
        assertEquals(1, sheet.row(1));
        assertEquals(3, sheet.row(2));   // row 2 is empty and left out
        assertEquals(4, sheet.row(4));   // the header spans two lines
        assertEquals(8, sheet.row(7));
        assertEquals(file + "!第一批!C4", sheet.place(4, 3));
        assertEquals(file + "!第一批!8:8", sheet.place(7, 0));
        assertEquals("x\n", new String(Workbooks.toBytes(file, format, SheetChoice.of("Other sheet")).csv(), StandardCharsets.UTF_8));
        assertEquals("x\n", new String(Workbooks.toBytes(file, format, SheetChoice.of("2")).csv(), StandardCharsets.UTF_8));
        assertThrows(WorkbookException.class, () -> Workbooks.toBytes(file, format, SheetChoice.of("3")));
    }

    @Test
    void xlsx() throws IOException {
        check(write(new XSSFWorkbook(), "results.xlsx"), WorkbookFormat.XLSX);
    }

    @Test
    void xlsxWrittenByStreamingWithInlineStrings() throws IOException {
        check(write(new SXSSFWorkbook(), "streamed.xlsx"), WorkbookFormat.XLSX);
    }

    @Test
    void xls() throws IOException {
        check(write(new HSSFWorkbook(), "results.xls"), WorkbookFormat.XLS);
    }

    @Test
    void xlsxUnderAnotherName() throws IOException {
        Path file = write(new XSSFWorkbook(), "results.csv");
        check(file, WorkbookFormat.XLSX);
    }

    @Test
    void htmlTableUnderAnXlsName() throws IOException {
        String html = """
                <html><head><meta charset="utf-8"><style>td {mso-number-format:"\\@"}</style></head><body>
                <table><tr><td colspan="6">国家组织药品集中采购中选结果</td></tr></table>
                <table border=1>
                <tr><th>通用名</th><th>产品编码</th><th>机构码<th>竞标价格<br>（最小规格）（元）</th><th>日期</th><th>中选</th></tr>
                <tr><td rowspan="3">阿托伐他汀钙片</td><td>123456789012</td><td>000042</td><td>0.3</td><td>2024-01-31</td><td>TRUE</td></tr>
                <tr><td>123456789013</td><td>000043</td><td>0.123</td><td>2024-01-30</td><td>TRUE</td></tr>
                <tr>
                  <td>123456789014</td><td>000044</td><td>12</td><td>2024-01-29</td><td>FALSE</td></tr>
                <tr><td></td></tr>
                <tr><td>a, &quot;b&quot;</td><td>42</td><td>&nbsp;</td><td>1.5E+16</td><td></td><td></td></tr>
                </table></body></html>
                """;
        Path file = dir.resolve("export.xls");
        Files.writeString(file, html);
        assertEquals(WorkbookFormat.HTML, Workbooks.detect(file));
        Workbooks.InMemory m = Workbooks.toBytes(file, WorkbookFormat.HTML, SheetChoice.of("2"));
        String expected = EXPECTED.substring(EXPECTED.indexOf('\n') + 1);
        assertEquals(expected, new String(m.csv(), StandardCharsets.UTF_8));
        assertEquals(List.of("table1", "table2"), m.sheet().sheets());
        assertEquals(1, m.sheet().row(1));
        assertEquals(6, m.sheet().row(6)); // the empty 5th row is left out, so line 6 is row 6 again
    }

    @Test
    void textIsNotAWorkbook() throws IOException {
        Path file = dir.resolve("bids.csv");
        Files.writeString(file, "batch_id,generic_name\n4+7,x\n");
        assertEquals(null, Workbooks.detect(file));
    }
}
