package dev.vbp.engine.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * The physical line numbers of lines an aggregate kept, resolved once the scan is over. A piece of a file
 * read on its own (a chunk, a cluster's split) does not know how many newlines come before it without
 * reading everything before it, and every piece doing so reads a file of k pieces about k/2 times over. It
 * knows where it started and the newlines since ({@link LedgerLine#lineAnchor()},
 * {@link LedgerLine#newlinesSinceAnchor()}); when the scan is over the pieces' own newline counts, added up in
 * file order, give the newlines before every piece, so a kept line's number costs no further reading.
 */
public final class LineNumbers {
    /** For a result whose lines were all counted from the top of their files (anchor 0). */
    public static final LineNumbers FROM_TOP = new LineNumbers();

    /** file (as {@link LedgerLine#file()} names it) → byte offset a piece started at → newlines before it */
    private final Map<String, Map<Long, Long>> newlinesBefore = new HashMap<>();

    LineNumbers() {}

    /** Records where a piece of {@code file} started and the newlines before that point, as the scan found them. */
    void piece(String file, long start, long newlines) {
        newlinesBefore.computeIfAbsent(file, f -> new HashMap<>()).put(start, newlines);
    }

    /** These and {@code other}'s, for aggregates of scans of different files merged into one. */
    public LineNumbers with(LineNumbers other) {
        LineNumbers both = new LineNumbers();
        for (LineNumbers n : new LineNumbers[]{this, other}) {
            n.newlinesBefore.forEach((file, starts) -> both.newlinesBefore.computeIfAbsent(file, f -> new HashMap<>()).putAll(starts));
        }
        return both;
    }

    /**
     * The line number (header = 1) of a line of {@code file} with {@code newlines} newlines between
     * {@code anchor} and it, as {@link LedgerLine#lineAnchor()} and {@link LedgerLine#newlinesSinceAnchor()}
     * gave them during this scan.
     */
    public long line(String file, long anchor, long newlines) {
        if (anchor == 0) return newlines + 1;
        Long before = newlinesBefore.getOrDefault(file, Map.of()).get(anchor);
        if (before == null) {
            throw new IllegalArgumentException("no piece of " + file + " of this scan started at byte " + anchor);
        }
        return before + newlines + 1;
    }
}
