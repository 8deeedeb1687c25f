package dev.vbp.read.workbook;

/**
 * A workbook, or the sheet asked for, that cannot be read. The message is one line starting with the file.
 * The readers that call this package turn it into their bad-input error (exit 3); it is its own type so
 * that this package depends on nothing else of vbp's.
 */
public final class WorkbookException extends RuntimeException {
    public WorkbookException(String message) {
        super(message);
    }

    public WorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
