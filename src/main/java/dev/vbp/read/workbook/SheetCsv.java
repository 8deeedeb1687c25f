package dev.vbp.read.workbook;

import java.nio.file.Path;
import java.util.List;

/**
 * One sheet of a workbook turned into CSV: which sheet, the others beside it, and the map from the CSV's
 * lines back to the sheet's rows, so every message can name the cell ({@code file.xlsx!Sheet1!C17}).
 * CSV column {@code k} (1-based) is sheet column {@code k}: A is 1.
 *
 * @param format  xlsx, xls or html
 * @param records CSV records written (rows with at least one value)
 */
public record SheetCsv(Path workbook, WorkbookFormat format, String sheet, List<String> sheets, RowMap rows, long records) {

    /** {@code file.xlsx!Sheet1}: the name of the sheet as a source of rows. */
    public String source() {
        return workbook + "!" + quoted(sheet);
    }

    /** {@code file.xlsx!Sheet1!C17} for a CSV line and 1-based column; {@code file.xlsx!Sheet1!17:17} for the whole row (column 0). */
    public String place(long csvLine, int column) {
        long row = rows.rowAt(csvLine);
        return source() + "!" + (column > 0 ? CellText.columnLetters(column) + row : row + ":" + row);
    }

    /** The sheet row of a CSV line (both 1-based). */
    public long row(long csvLine) {
        return rows.rowAt(csvLine);
    }

    /** A warning when the workbook has other sheets that were not read, else null. */
    public String otherSheetsNote() {
        if (sheets.size() < 2) return null;
        return workbook + ": read sheet '" + sheet + "' of " + SheetChoice.describe(sheets) + "; --sheet NAME|N reads another";
    }

    /** Excel quotes sheet names with spaces or punctuation: {@code 'Round 3'!C17}. */
    static String quoted(String sheet) {
        boolean plain = !sheet.isEmpty();
        for (int i = 0; i < sheet.length() && plain; i++) {
            char c = sheet.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }
        return plain ? sheet : "'" + sheet.replace("'", "''") + "'";
    }
}
