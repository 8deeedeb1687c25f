package dev.vbp.read;

import java.io.IOException;
import java.io.Reader;

/**
 * The decoded text on its way to the CSV parser, noting where lines end so that a record's character position
 * becomes its 1-based physical line. LF, CRLF and a lone CR (old Mac "CSV" files) each end a line, as they do
 * for the parser. Only the line ends the parser may still ask about are kept: positions asked for never
 * decrease, and the parser reads ahead by one buffer at most, so memory stays flat whatever the file's length.
 */
final class LineTrackingReader extends Reader {
    private final Reader in;
    private String prefix;
    private int prefixAt;
    /**
     * Line ends not yet passed by {@link #lineAt}, a ring of {@code count} from {@code head}: the offset of each
     * one's last character (the LF of a CRLF) and of its first (the CR).
     */
    private long[] ends = new long[64];
    private long[] starts = new long[64];
    private int head, count;
    private long read; // characters handed out so far
    private long pendingCr = -1; // a CR at the end of the last chunk: a line end unless an LF follows
    private long countedCr = -2; // a pending CR that lineAt counted already
    private long pendingCrlf = -2; // the last CR seen, so that an LF right after it makes one line end with it
    private long line = 1;

    /** @param prefix text already read from {@code in} (to see whether the file is blank), handed out first */
    LineTrackingReader(String prefix, Reader in) {
        this.prefix = prefix;
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n;
        if (prefix != null) {
            n = Math.min(len, prefix.length() - prefixAt);
            prefix.getChars(prefixAt, prefixAt + n, buffer, off);
            prefixAt += n;
            if (prefixAt == prefix.length()) prefix = null;
            if (n == 0) return read(buffer, off, len);
        } else {
            n = in.read(buffer, off, len);
        }
        if (n < 0) {
            if (pendingCr >= 0) add(pendingCr, pendingCr);
            pendingCr = -1;
            return n;
        }
        for (int i = 0; i < n; i++) {
            char c = buffer[off + i];
            long at = read + i;
            if (pendingCr >= 0) {
                if (c != '\n') add(pendingCr, pendingCr);
                pendingCr = -1;
            }
            if (c == '\n' && at != countedCr + 1) add(at == pendingCrlf + 1 ? pendingCrlf : at, at);
            else if (c == '\r') pendingCr = pendingCrlf = at;
        }
        read += n;
        return n;
    }

    /**
     * The line of a record the parser says starts at {@code position}; positions must not decrease between calls.
     * The parser gives the position before the empty lines it skips, so a line end right at the position is an
     * empty line and the record starts after it.
     */
    long lineAt(long position) {
        while (count > 0 && (ends[head] < position || starts[head] == position)) {
            if (starts[head] == position) position = ends[head] + 1;
            head = (head + 1) % ends.length;
            count--;
            line++;
        }
        if (pendingCr >= 0 && pendingCr < position) {
            // A CR whose next character is not read yet, before a record that starts after it: that record cannot
            // start on the LF of a CRLF, so the CR ends a line (and an LF right after it is then not a second end).
            line++;
            countedCr = pendingCr;
            pendingCr = -1;
        }
        return line;
    }

    private void add(long start, long end) {
        if (count == ends.length) {
            long[] grownEnds = new long[ends.length * 2], grownStarts = new long[ends.length * 2];
            for (int i = 0; i < count; i++) {
                grownEnds[i] = ends[(head + i) % ends.length];
                grownStarts[i] = starts[(head + i) % ends.length];
            }
            ends = grownEnds;
            starts = grownStarts;
            head = 0;
        }
        ends[(head + count) % ends.length] = end;
        starts[(head + count) % ends.length] = start;
        count++;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
