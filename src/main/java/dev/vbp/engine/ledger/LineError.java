package dev.vbp.engine.ledger;

import java.nio.file.Path;

/**
 * A ledger line that was skipped. {@code line} is the physical line number (1 = header; newlines inside
 * quoted fields count), {@code column} the canonical field name, or null when the whole line is at fault
 * (wrong number of fields, broken quotes). For a ledger read from a workbook, {@code file} is the sheet
 * ({@code ledger.xlsx!Sheet1}), {@code line} the sheet row and {@code place} the cell ({@code
 * ledger.xlsx!Sheet1!C17}); otherwise {@code place} is null.
 */
public record LineError(Path file, long line, String column, String reason, String place) {

    public LineError(Path file, long line, String column, String reason) {
        this(file, line, column, reason, null);
    }

    /** {@code file:line: column: reason}, the form shown to users. */
    @Override
    public String toString() {
        return (place != null ? place : file + ":" + line) + ": " + (column == null ? "" : column + ": ") + reason;
    }
}
