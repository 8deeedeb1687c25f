package dev.vbp.read;

/**
 * A row that was not accepted, with where and why. {@code column} is 1-based, 0 when the reason concerns
 * the whole row; {@code raw} is the row as it was in the file (fields joined by the file's delimiter).
 */
public record Reject(String source, long line, int column, String field, String reason, String raw) {

    /** {@code file:line:column: field: reason}, the one-line form used in messages. */
    public String message() {
        return source + ":" + line + (column > 0 ? ":" + column : "") + ": "
                + (field != null ? field + ": " : "") + reason;
    }
}
