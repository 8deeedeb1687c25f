package dev.vbp.engine.ledger;

import java.util.List;

/**
 * More lines were malformed than the scan allows ({@link LedgerScan#maxErrors}); the scan stopped early.
 * Usually the wrong file, a wrong column mapping, or an unknown channel spelling.
 */
public class TooManyErrorsException extends dev.vbp.errors.BadInputException {
    private final long maxErrors;
    private final transient List<LineError> firstErrors;

    public TooManyErrorsException(long maxErrors, List<LineError> firstErrors) {
        super("more than " + maxErrors + " malformed ledger lines; scan stopped"
                + (firstErrors.isEmpty() ? "" : "; first: " + firstErrors.get(0)));
        this.maxErrors = maxErrors;
        this.firstErrors = List.copyOf(firstErrors);
    }

    public long maxErrors() {
        return maxErrors;
    }

    /** The first malformed lines found, in file order as far as the scan got. */
    public List<LineError> firstErrors() {
        return firstErrors;
    }
}
