package dev.vbp.output.view;

/** A result-table option that does not fit the report (an unknown column, a bad comparison); a usage error. */
public final class ViewException extends IllegalArgumentException {
    public ViewException(String message) {
        super(message);
    }
}
