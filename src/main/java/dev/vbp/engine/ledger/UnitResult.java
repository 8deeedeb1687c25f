package dev.vbp.engine.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What one worker produced for one {@link ScanUnit}. Line numbers of errors are relative to the unit's
 * start until the coordinator knows how many newlines came before it.
 */
final class UnitResult<A> {
    /** An error whose line is counted from the start of the unit (0 = the unit's first line). */
    record PendingError(long newlinesBefore, int columnNumber, String column, String reason) implements java.io.Serializable {}

    static final int KEEP_ERRORS = 100;

    final ScanUnit unit;
    A aggregate;
    long actualStart;
    long trueEnd;
    long newlines;
    long lines;
    long accepted;
    long filtered;
    long errorCount;
    final List<PendingError> errors = new ArrayList<>();
    /** The unit stopped because it alone had more errors than allowed (only meaningful once validated). */
    boolean tooManyErrors;
    /** The errors were added to the scan's running count as they were found (the unit was not speculative). */
    boolean errorsCounted;
    /** A fatal problem met in this unit; thrown only if the unit turns out to be correctly aligned. */
    RuntimeException failure;

    UnitResult(ScanUnit unit) {
        this.unit = unit;
    }

    /** A structural problem (a quote never closed) that makes the rest of the file unreadable; line counted from the unit. */
    PendingError broken;

    void error(long newlinesBefore, int columnNumber, String column, String reason) {
        errorCount++;
        if (errors.size() < KEEP_ERRORS) errors.add(new PendingError(newlinesBefore, columnNumber, column, reason));
    }

    List<LineError> lineErrors(long newlinesBeforeUnit) {
        List<LineError> out = new ArrayList<>(errors.size());
        for (PendingError e : errors) {
            out.add(new LineError(unit.format().file(), newlinesBeforeUnit + e.newlinesBefore() + 1, e.columnNumber(), e.column(), e.reason()));
        }
        return out;
    }
}
