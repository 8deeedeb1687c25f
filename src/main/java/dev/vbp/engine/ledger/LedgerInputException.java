package dev.vbp.engine.ledger;

import java.nio.file.Path;

/**
 * A ledger file that cannot be read at all: a required column is missing, a header is duplicated, the
 * file is empty, or its bytes are neither UTF-8 nor GB18030. The message is one line, starting with the file.
 */
public class LedgerInputException extends dev.vbp.errors.BadInputException {
    private final transient Path file;

    public LedgerInputException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** A message already worded with its place ({@code file:line:column: ...}). */
    static LedgerInputException worded(Path file, String message) {
        return new LedgerInputException(file, message, true);
    }

    private LedgerInputException(Path file, String message, boolean worded) {
        super(message);
        this.file = file;
    }

    /** A problem at a line: {@code file:line: problem}. */
    public LedgerInputException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
    }

    public LedgerInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
