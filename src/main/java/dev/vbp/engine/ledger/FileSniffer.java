package dev.vbp.engine.ledger;

import dev.vbp.read.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first megabyte of a ledger file to decide how to read the rest: gzip or not, encoding and
 * delimiter by the reading layer's one set of rules ({@link Dialect}: the user's --encoding and --delimiter
 * win, else a BOM or strictly valid UTF-8, else GB18030; comma, tab or semicolon), and which column holds
 * which field.
 */
final class FileSniffer {
    static final int SAMPLE_BYTES = 1 << 20;

    private final HeaderBinder binder;
    private final Charset forcedCharset;
    private final Character forcedDelimiter;
    private final Integer headerRow;

    FileSniffer(HeaderBinder binder, Charset forcedCharset, Character forcedDelimiter, Integer headerRow) {
        this.headerRow = headerRow;
        this.binder = binder;
        this.forcedCharset = forcedCharset;
        this.forcedDelimiter = forcedDelimiter;
    }

    LedgerFormat sniff(Path file) {
        return sniff(file, null);
    }

    /** @param storage where the file's bytes are, or null for a local file */
    LedgerFormat sniff(Path file, LedgerStorage storage) {
        try {
            long size = storage == null ? Files.size(file) : storage.size(file);
            if (size == 0) throw new LedgerInputException(file, "empty file (expected a header line)");
            boolean gzip = storage == null ? LedgerSource.isGzip(file) : LedgerSource.isGzip(storage, file);
            byte[] sample;
            boolean truncated;
            try (InputStream in = storage == null ? LedgerSource.open(file, gzip) : LedgerSource.open(storage, file, gzip)) {
                sample = in.readNBytes(SAMPLE_BYTES);
                truncated = sample.length == SAMPLE_BYTES && in.read() >= 0;
            }
            boolean crOnly = crOnly(sample);
            if (crOnly) LedgerSource.crToLf(sample, 0, sample.length);
            return sniff(file, gzip, size, sample, truncated, crOnly);
        } catch (IOException e) {
            throw new LedgerInputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Lines end in a lone CR when the sample has CRs and no LF at all. A CR byte is never part of a UTF-8 or
     * GB18030 character, so such a file is read by taking each CR for a LF: same bytes, same offsets, so
     * the file still splits across cores and line numbers are true.
     */
    static boolean crOnly(byte[] s) {
        boolean cr = false;
        for (byte b : s) {
            if (b == '\n') return false;
            if (b == '\r') cr = true;
        }
        return cr;
    }

    private LedgerFormat sniff(Path file, boolean gzip, long size, byte[] s, boolean truncated, boolean crOnly) {
        int n = s.length;
        int p = 0;
        boolean bom = Dialect.hasUtf8Bom(s, n);
        if (bom) p = 3;
        if (Dialect.isUtf16(s, n)) {
            throw new LedgerInputException(file, "UTF-16 text is not supported; save the file as UTF-8 or GB18030");
        }
        int end = headerEnd(s, p, n);
        if (end < 0 && truncated) {
            throw new LedgerInputException(file, "no end of the header line in the first " + (SAMPLE_BYTES >> 20) + " MB");
        }
        int headerTo = end < 0 ? n : end;
        if (isBlank(s, p, headerTo)) throw new LedgerInputException(file, "empty file (expected a header line)");

        Charset charset;
        if (forcedCharset != null) {
            int bad = valid(forcedCharset, s, p, n, truncated);
            if (bad >= 0) {
                throw new LedgerInputException(file, "line " + (1 + count(s, 0, bad, (byte) '\n')) + ": bytes are not valid "
                        + forcedCharset.name() + " as --encoding says (try --encoding auto)");
            }
            charset = forcedCharset.equals(StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : LedgerCharsets.GB18030;
        } else if (bom) {
            charset = StandardCharsets.UTF_8;
        } else if ((charset = Dialect.detectCharset(s, p, n, truncated)) != null) {
            // detected once: decoding the 1 MB sample is on the path before the workers start
        } else {
            int bad = valid(StandardCharsets.UTF_8, s, p, n, truncated);
            throw new LedgerInputException(file, "bytes are neither valid UTF-8 nor GB18030 (line "
                    + (1 + count(s, 0, bad, (byte) '\n')) + ")");
        }

        // Title rows above the header (a sheet's caption, a date line): the header is the row the user names with
        // --header-row, else the first row that binds the required columns, else row 1 (whose binding error is
        // the message: what was found, a did-you-mean, --map).
        List<int[]> rows = new ArrayList<>(); // [from, to, end] of each row in the sample
        int from = p;
        int limit = headerRow != null ? headerRow : MAX_TITLE_ROWS;
        while (rows.size() < limit) {
            rows.add(new int[] {from, headerTo, end});
            if (end < 0) break;
            from = end + 1;
            if (from >= n) break;
            end = headerEnd(s, from, n);
            if (end < 0 && truncated) break;
            headerTo = end < 0 ? n : end;
        }
        int chosen = 0;
        if (headerRow != null) {
            if (rows.size() < headerRow) {
                throw new LedgerInputException(file, "--header-row " + headerRow + ": the file has only " + rows.size() + " lines");
            }
            chosen = headerRow - 1;
        } else {
            for (int r = 0; r < rows.size(); r++) {
                if (binder.binds(cells(s, rows.get(r), charset))) {
                    chosen = r;
                    break;
                }
            }
        }
        int[] row = rows.get(chosen);
        byte delimiter = delimiterOf(s, row);
        List<String> headers = headerCells(s, row[0], row[1], delimiter, charset);
        int[] columnOfSlot = binder.bind(file, headers, 1 + count(s, 0, row[0], (byte) '\n'));
        long dataStart = row[2] < 0 ? n : row[2] + 1;
        long headerNewlines = count(s, 0, (int) dataStart, (byte) '\n');
        return new LedgerFormat(file, gzip, charset, bom, delimiter, List.copyOf(headers), columnOfSlot, dataStart,
                headerNewlines, size, crOnly);
    }

    /** Rows looked through for the header when the user names none. */
    static final int MAX_TITLE_ROWS = 20;

    private byte delimiterOf(byte[] s, int[] row) {
        return (byte) (forcedDelimiter != null ? forcedDelimiter : Dialect.detectDelimiter(s, row[0], row[1]));
    }

    private List<String> cells(byte[] s, int[] row, Charset charset) {
        return headerCells(s, row[0], row[1], delimiterOf(s, row), charset);
    }

    /** Index of the newline that ends the header record (quotes respected), or -1. */
    private static int headerEnd(byte[] s, int from, int to) {
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte c = s[i];
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) return i;
        }
        return -1;
    }

    /**
     * -1 when the bytes decode strictly, else the offset of the first bad byte. A sample cut off inside a
     * multi-byte character is not held against the file.
     */
    static int valid(Charset charset, byte[] s, int from, int to, boolean truncated) {
        return Dialect.firstInvalid(charset, s, from, to, truncated);
    }

    private static List<String> headerCells(byte[] s, int from, int to, byte delimiter, Charset charset) {
        if (to > from && s[to - 1] == '\r') to--;
        List<String> cells = new ArrayList<>();
        int i = from;
        while (true) {
            byte[] cell;
            if (i < to && s[i] == '"') {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                i++;
                while (i < to) {
                    if (s[i] == '"') {
                        if (i + 1 < to && s[i + 1] == '"') {
                            b.write('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.write(s[i++]);
                }
                while (i < to && s[i] != delimiter) b.write(s[i++]); // text after a closing quote: keep it
                cell = b.toByteArray();
            } else {
                int start = i;
                while (i < to && s[i] != delimiter) i++;
                cell = java.util.Arrays.copyOfRange(s, start, i);
            }
            cells.add(decodeStrict(cell, charset).replace("\uFEFF", "").strip());
            if (i >= to) break;
            i++; // delimiter
        }
        return cells;
    }

    private static String decodeStrict(byte[] b, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, charset);
        }
    }

    private static int countOutsideQuotes(byte[] s, int from, int to, byte wanted) {
        boolean quoted = false;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s[i] == '"') quoted = !quoted;
            else if (s[i] == wanted && !quoted) n++;
        }
        return n;
    }

    private static long count(byte[] s, int from, int to, byte wanted) {
        long n = 0;
        for (int i = from; i < to; i++) if (s[i] == wanted) n++;
        return n;
    }

    private static boolean isBlank(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != ',') return false;
        }
        return true;
    }
}
