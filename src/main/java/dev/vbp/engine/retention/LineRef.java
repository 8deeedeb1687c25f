package dev.vbp.engine.retention;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a ledger line is: its file (as given to the scan), byte offset and physical line number (header = 1).
 * Ordered by (file, offset), which is the order of lines in the input whatever way the files were split, so
 * "the first N references" is the same set on any machine; the line number is what people read.
 */
public record LineRef(String file, long offset, long line) implements Comparable<LineRef>, Serializable {
    private static final Comparator<LineRef> ORDER = Comparator.comparing(LineRef::file).thenComparingLong(LineRef::offset);

    @Override
    public int compareTo(LineRef o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
