package dev.vbp.read.workbook;

import java.util.Arrays;

/**
 * Which sheet row each line of a converted sheet's CSV came from. Rows follow one another line by line
 * except where the sheet skips rows (empty ones are left out) or a cell holds a line break, so only those
 * places are stored: memory grows with the breaks, not with the rows.
 */
public final class RowMap {
    private long[] lines = new long[8];   // first CSV line of a segment (1-based)
    private long[] rows = new long[8];    // the sheet row (1-based) of that line
    private int segments;
    private long nextLine = 1;

    /** Records that the record starting at the next CSV line is sheet row {@code row} (1-based), spanning {@code physicalLines}. */
    void record(long row, int physicalLines) {
        if (segments == 0 || rowAt(nextLine) != row) {
            if (segments == lines.length) {
                lines = Arrays.copyOf(lines, segments * 2);
                rows = Arrays.copyOf(rows, segments * 2);
            }
            lines[segments] = nextLine;
            rows[segments] = row;
            segments++;
        }
        nextLine += physicalLines;
    }

    /** The sheet row (1-based) of a CSV line (1-based); lines inside a multi-line record give the row after. */
    public long rowAt(long line) {
        int i = Arrays.binarySearch(lines, 0, segments, line);
        if (i < 0) i = -i - 2;
        if (i < 0) return line;
        return rows[i] + (line - lines[i]);
    }

    /** CSV lines written so far. */
    long lineCount() {
        return nextLine - 1;
    }
}
