package dev.vbp.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRendererTest {

    static XSSFWorkbook write(Report report, Lang lang, Precision precision) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new XlsxRenderer(lang, precision).write(report, bytes);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void rowsAreTypedCellsWithFormats() throws IOException {
        try (XSSFWorkbook wb = write(SampleReports.drugs(), Lang.EN, Precision.ROUNDED)) {
            assertEquals(List.of("rows", "summary", "assumptions and warnings"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            Sheet rows = wb.getSheetAt(0);
            Row header = rows.getRow(0);
            assertEquals("product_code", header.getCell(0).getStringCellValue());
            assertEquals("selected", header.getCell(8).getStringCellValue());
            assertEquals(1, rows.getPaneInformation().getHorizontalSplitPosition());

            Row first = rows.getRow(1);
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals("X0001", first.getCell(0).getStringCellValue());
            // Money: a number rounded half-up once to the cent, shown with two decimals.
            assertEquals(1234567.89, first.getCell(2).getNumericCellValue());
            assertEquals("#,##0.00", first.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(141.1334, first.getCell(3).getNumericCellValue());
            assertEquals("#,##0.0000", first.getCell(3).getCellStyle().getDataFormatString());
            // Ratios: the number in 0–1, shown as a percentage.
            assertEquals(0.52154, first.getCell(4).getNumericCellValue());
            assertEquals("0.00%", first.getCell(4).getCellStyle().getDataFormatString());
            assertEquals(28404.0, first.getCell(5).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(first.getCell(7)));
            assertEquals(LocalDate.of(2024, 1, 31), first.getCell(7).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("y", first.getCell(8).getStringCellValue());

            Row second = rows.getRow(2);
            // A code with a leading zero stays text; a formula-like name stays text, never a formula.
            assertEquals(CellType.STRING, second.getCell(0).getCellType());
            assertEquals("0042", second.getCell(0).getStringCellValue());
            assertEquals(CellType.STRING, second.getCell(1).getCellType());
            assertEquals("=SUM(A1)", second.getCell(1).getStringCellValue());
            assertTrue(second.getCell(1).getCellStyle().getQuotePrefixed());
            assertEquals(-12.5, second.getCell(2).getNumericCellValue());
            assertEquals(null, second.getCell(3), "null is no cell");
            assertEquals(1000.0, second.getCell(6).getNumericCellValue());
        }
    }

    @Test
    void noCellOfAnySheetIsAFormula() throws IOException {
        Report report = new Report("t", List.of(new Column("a", "A", "甲", ValueKind.TEXT), new Column("b", "B", "乙", ValueKind.CODE)))
                .row("=HYPERLINK(\"http://x\",\"y\")", "+1")
                .row("@SUM(1)", "-2")
                .assumption("=cmd", "=1+1")
                .warning("=2+2");
        try (XSSFWorkbook wb = write(report, Lang.EN, Precision.ROUNDED)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) assertFalse(cell.getCellType() == CellType.FORMULA, sheet.getSheetName() + "!" + cell.getAddress());
                }
            }
            assertEquals("=HYPERLINK(\"http://x\",\"y\")", wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void summaryAndNotesSheets() throws IOException {
        try (XSSFWorkbook wb = write(SampleReports.drugs(), Lang.ZH, Precision.ROUNDED)) {
            assertEquals("数据", wb.getSheetName(0));
            Sheet summary = wb.getSheetAt(1);
            assertEquals("products", summary.getRow(1).getCell(0).getStringCellValue());
            assertEquals("品种数", summary.getRow(1).getCell(1).getStringCellValue());
            assertEquals(3.0, summary.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(11240000000.01, summary.getRow(3).getCell(2).getNumericCellValue());
            Sheet notes = wb.getSheetAt(2);
            Set<String> kinds = new HashSet<>();
            for (Row r : notes) kinds.add(r.getCell(0).getStringCellValue());
            assertTrue(kinds.containsAll(List.of("参数", "假设", "警告")), kinds.toString());
        }
    }

    @Test
    void fullPrecisionKeepsTheExactValue() throws IOException {
        try (XSSFWorkbook wb = write(SampleReports.drugs(), Lang.EN, Precision.FULL)) {
            assertEquals(1234567.885, wb.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void sheetNamesAreValidAndUnique() {
        Set<String> used = new HashSet<>();
        assertEquals("a_b", XlsxRenderer.sheetName("a/b", used));
        assertEquals("a_b (2)", XlsxRenderer.sheetName("a/b", used));
        String longName = XlsxRenderer.sheetName("x".repeat(40), used);
        assertEquals(31, longName.length());
        String again = XlsxRenderer.sheetName("x".repeat(40), used);
        assertNotNull(again);
        assertTrue(again.length() <= 31 && !again.equals(longName), again);
    }
}
