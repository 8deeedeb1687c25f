package dev.vbp.errors;

/**
 * A file, row or setting that cannot be used as given. The message is one line a user can act on,
 * starting with the place ({@code file:line:column}) where there is one. The CLI maps it to exit code 3.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
