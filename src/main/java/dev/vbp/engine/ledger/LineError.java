package dev.vbp.engine.ledger;

import java.nio.file.Path;

/**
 * A ledger line that was skipped. {@code line} is the physical line number (1 = header; newlines inside
 * quoted fields count), {@code columnNumber} the 1-based position of the offending cell in the line (0 when
 * the whole line is at fault: wrong number of fields, broken quotes), {@code column} the canonical field name
 * of that cell, or null. For a ledger read from a workbook, {@code file} is the sheet ({@code
 * ledger.xlsx!Sheet1}), {@code line} the sheet row and {@code place} the cell ({@code ledger.xlsx!Sheet1!C17});
 * otherwise {@code place} is null.
 */
public record LineError(Path file, long line, int columnNumber, String column, String reason, String place) {

    public LineError(Path file, long line, int columnNumber, String column, String reason) {
        this(file, line, columnNumber, column, reason, null);
    }

    /** {@code file:line:column: field: reason}, the form shown to users (as for every other dataset's rejects). */
    @Override
    public String toString() {
        return (place != null ? place : file + ":" + line + (columnNumber > 0 ? ":" + columnNumber : ""))
                + ": " + (column == null ? "" : column + ": ") + reason;
    }
}
