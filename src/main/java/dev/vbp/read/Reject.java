package dev.vbp.read;

/**
 * A row that was not accepted, with where and why. {@code column} is 1-based, 0 when the reason concerns
 * the whole row; {@code raw} is the row as it was in the file (fields joined by the file's delimiter).
 * {@code place} names the cell when the row came from a workbook ({@code file.xlsx!Sheet1!C17}; then
 * {@code source} is {@code file.xlsx!Sheet1} and {@code line} the sheet row), else null.
 */
public record Reject(String source, long line, int column, String field, String reason, String raw, String place) {

    public Reject(String source, long line, int column, String field, String reason, String raw) {
        this(source, line, column, field, reason, raw, null);
    }

    /** {@code file:line:column: field: reason}, the one-line form used in messages. */
    public String message() {
        return (place != null ? place : source + ":" + line + (column > 0 ? ":" + column : "")) + ": "
                + (field != null ? field + ": " : "") + reason;
    }
}
