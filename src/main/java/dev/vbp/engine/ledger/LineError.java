package dev.vbp.engine.ledger;

import java.nio.file.Path;

/**
 * A ledger line that was skipped. {@code line} is the physical line number (1 = header; newlines inside
 * quoted fields count), {@code columnNumber} the 1-based position of the offending cell in the line (0 when
 * the whole line is at fault: wrong number of fields, broken quotes), {@code column} the canonical field name
 * of that cell, or null.
 */
public record LineError(Path file, long line, int columnNumber, String column, String reason) {

    /** {@code file:line:column: field: reason}, the form shown to users (as for every other dataset's rejects). */
    @Override
    public String toString() {
        return file + ":" + line + (columnNumber > 0 ? ":" + columnNumber : "") + ": " + (column == null ? "" : column + ": ") + reason;
    }
}
