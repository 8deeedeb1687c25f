package dev.vbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report command's {@code --format xlsx} read back with POI equals its {@code --format csv} output
 * cell for cell, and the cells have the types promised: codes as text, money as numbers with a two-decimal
 * format, ratios as percentages, dates as dates.
 */
class XlsxOutputTest {

    private static final String D = "sample-data/";
    private static final Set<String> NUMBER_FORMATS = Set.of("#,##0.00", "#,##0.0000", "0.00%", "#,##0", "General");

    static Stream<String> commands() {
        String pricing = "--bids " + D + "bids.csv --baseline " + D + "baseline.csv --base-period 2017";
        String dual = "--catalog " + D + "catalog.csv --outlets " + D + "outlets.csv --stock " + D + "stock.csv --as-of 2026-06-30";
        String ledger = "--ledger " + D + "ledger.csv --institutions " + D + "institutions.csv";
        return Stream.of(
                "price-drop " + pricing,
                "price-drop " + pricing + " --by batch",
                "savings " + pricing + " --by generic",
                "savings " + pricing + " --batch 4+7 --volume actual --ledger " + D + "ledger.csv",
                "online-rate " + ledger + " --by institution --target 95%",
                "online-rate " + ledger + " --by month --all-categories",
                "volume --allocations " + D + "allocations.csv --bids " + D + "bids.csv " + ledger + " --as-of 2019-12-31",
                "retained-savings --bids " + D + "bids.csv --baseline " + D + "baseline.csv --allocations " + D + "allocations.csv --scores "
                        + D + "scores.csv " + ledger + " --policy " + D + "policy.yaml --by institution",
                "dual-channel coverage " + dual,
                "dual-channel gaps " + dual,
                "dual-channel matrix " + dual,
                "dual-channel prescriptions " + dual.replace(" --as-of 2026-06-30", "") + " --prescriptions " + D + "prescriptions.csv --by drug",
                "validate bids " + D + "bids.csv");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void xlsxEqualsCsvCellForCell(String commandLine, @TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of(commandLine.split(" ")));
        Cli.Result csv = Cli.run(with(args, "--format", "csv"));
        if (csv.exit() > ExitCodes.CHECK_FAILED) csv.ok();
        Path file = dir.resolve("out.xlsx");
        Cli.Result xlsx = Cli.run(with(args, "--format", "xlsx", "--out", file.toString()));
        assertEquals(csv.exit(), xlsx.exit(), xlsx.err());
        assertEquals("", xlsx.out(), "nothing on stdout with --out");

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.out())).getRecords();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), "frozen header");
            assertEquals(records.size() - 1, sheet.getLastRowNum(), "rows");
            List<String> header = new ArrayList<>();
            records.get(0).forEach(header::add);
            for (int r = 0; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                Row row = sheet.getRow(r);
                for (int c = 0; c < record.size(); c++) {
                    String expected = record.get(c);
                    Cell cell = row == null ? null : row.getCell(c);
                    String where = commandLine + " " + cell(c, r) + " (" + header.get(c) + ")";
                    assertCellEquals(expected, cell, where);
                    if (r > 0 && cell != null) assertTyped(header.get(c), expected, cell, where);
                }
                if (row != null) assertTrue(row.getLastCellNum() <= record.size(), commandLine + " row " + r + " has extra cells");
            }
            assertTrue(wb.getNumberOfSheets() == 3, "rows, summary, assumptions and warnings");
        }
    }

    private static void assertCellEquals(String expected, Cell cell, String where) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            assertEquals("", expected, where);
            return;
        }
        switch (cell.getCellType()) {
            case STRING -> {
                String text = cell.getStringCellValue();
                // CSV neutralises formula-like text with a leading quote; the xlsx cell holds the text itself.
                String csvForm = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
                assertEquals(expected, csvForm, where);
            }
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    assertEquals(expected, cell.getLocalDateTimeCellValue().toLocalDate().toString(), where);
                } else {
                    BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
                    assertEquals(0, new BigDecimal(expected).compareTo(value), where + ": " + expected + " vs " + value);
                }
            }
            default -> fail(where + ": unexpected cell type " + cell.getCellType());
        }
    }

    /** The type promises: codes text, money two decimals, ratios percentages, every number with a known format. */
    private static void assertTyped(String column, String csv, Cell cell, String where) {
        if (column.endsWith("_code") || column.equals("batch_id") || csv.matches("0\\d+") || csv.matches("\\d{16,}")) {
            assertEquals(CellType.STRING, cell.getCellType(), where + " must be text");
        }
        if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            String format = cell.getCellStyle().getDataFormatString();
            assertTrue(NUMBER_FORMATS.contains(format), where + " format " + format);
            if (format.equals("#,##0.00")) assertTrue(csv.matches("-?\\d+\\.\\d{2}"), where + ": money " + csv + " has 2 decimals");
            if (column.endsWith("rate") || column.endsWith("share") || column.equals("completion") || column.equals("elapsed")) {
                assertEquals("0.00%", format, where);
            }
            if (column.endsWith("amount") || column.equals("budget") || column.equals("spend") || column.equals("retained")) {
                assertEquals("#,##0.00", format, where);
            }
        }
        if (column.matches("date|year_start|year_end|cycle_start|cycle_end")) {
            assertTrue(cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell), where + " must be a date");
        }
        assertFalse(cell.getCellType() == CellType.FORMULA, where);
    }

    private static String cell(int c, int r) {
        return new org.apache.poi.ss.util.CellReference(r, c).formatAsString();
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
