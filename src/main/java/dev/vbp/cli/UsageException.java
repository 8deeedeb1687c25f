package dev.vbp.cli;

/** A problem with how the command was called that picocli cannot see (option combinations, missing inputs). */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
