package dev.vbp.engine.ledger;

import java.nio.file.Path;

/**
 * A ledger line that was skipped. {@code line} is the physical line number (1 = header; newlines inside
 * quoted fields count), {@code column} the canonical field name, or null when the whole line is at fault
 * (wrong number of fields, broken quotes).
 */
public record LineError(Path file, long line, String column, String reason) {

    /** {@code file:line: column: reason}, the form shown to users. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (column == null ? "" : column + ": ") + reason;
    }
}
