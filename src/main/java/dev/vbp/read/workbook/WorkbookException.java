package dev.vbp.read.workbook;

/**
 * A workbook, or the sheet asked for, that cannot be read. The message is one line starting with the file.
 * A bad-input error (exit 3) of its own type, so callers can tell a workbook problem from a CSV one.
 */
public final class WorkbookException extends dev.vbp.errors.BadInputException {
    public WorkbookException(String message) {
        super(message);
    }

    public WorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
