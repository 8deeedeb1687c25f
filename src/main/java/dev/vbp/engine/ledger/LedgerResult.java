package dev.vbp.engine.ledger;

import java.util.List;

/**
 * The outcome of a {@link LedgerScan}: the merged aggregate and the bookkeeping a report needs to be
 * honest about its input. {@code totalLines = acceptedLines + filteredLines + errorCount}; blank lines are
 * not counted.
 *
 * @param errors   the first {@value UnitResult#KEEP_ERRORS} malformed lines, in file and line order
 * @param files    how each input file was read
 * @param lineNumbers the line numbers of lines the aggregate kept by {@link LedgerLine#lineAnchor()}
 */
public record LedgerResult<A>(A aggregate, long totalLines, long acceptedLines, long filteredLines, long errorCount,
                              List<LineError> errors, List<LedgerFileInfo> files, LineNumbers lineNumbers) {
    public LedgerResult {
        errors = List.copyOf(errors);
        files = List.copyOf(files);
    }
}
