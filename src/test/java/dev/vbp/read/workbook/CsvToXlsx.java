package dev.vbp.read.workbook;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Writes a CSV file as an .xlsx the way Excel would hold it after a user typed or pasted it: numbers as
 * number cells (quantities, amounts, and codes made of digits alone), dates as date cells, the rest as
 * inline strings. Streams (SXSSF), so a million lines take little memory: a shared-strings table would be
 * held whole in the writer's heap until the end (a million distinct order numbers ran it out of memory),
 * while inline strings are flushed with their rows. Readers must take both, as Excel and other tools write either.
 *
 * <p>Used by the tests and by {@code bench/xlsx-ledger.sh}:
 * {@code java -cp target/test-classes:target/vbp.jar dev.vbp.read.workbook.CsvToXlsx in.csv out.xlsx}
 */
public final class CsvToXlsx {
    /** Digits that a number cell holds exactly and shows the same: no leading zero, at most 15 digits. */
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]{0,14})(?:\\.[0-9]{1,10})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

    private CsvToXlsx() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CsvToXlsx IN.csv OUT.xlsx");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), "Sheet1");
    }

    private static boolean realDate(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (java.time.DateTimeException e) {
            return false; // kept as the text it is, for the readers to refuse
        }
    }

    public static void write(Path csv, Path xlsx, String sheetName) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get();
             SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false);
             OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            int r = 0;
            for (CSVRecord record : parser) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < record.size(); c++) {
                    String v = record.get(c);
                    if (v.isEmpty()) continue;
                    Cell cell = row.createCell(c);
                    if (r > 0 && NUMBER.matcher(v).matches()) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (r > 0 && DATE_TIME.matcher(v).matches()) {
                        cell.setCellValue(java.time.LocalDateTime.parse(v.replace(' ', 'T')));
                        cell.setCellStyle(dateTime);
                    } else if (r > 0 && DATE.matcher(v).matches() && realDate(v)) {
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v);
                    }
                }
                r++;
            }
            wb.write(out);
        }
    }
}
