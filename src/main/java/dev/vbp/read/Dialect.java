package dev.vbp.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a delimited text file is written, decided the same way for every dataset and both reading stacks
 * ({@link DatasetReader} for small files, the ledger engine's sniffer for big ones): a UTF-8 byte-order mark,
 * else strictly valid UTF-8, else strictly valid GB18030 (a superset of GBK); the delimiter is the one of
 * comma, tab and semicolon the header line holds most of outside quotes. What the user forces
 * ({@code --encoding}, {@code --delimiter}) always wins over detection.
 *
 * <p>Works on bytes: every byte below 0x80 is ASCII in both encodings, so delimiters, quotes and newlines
 * are found before decoding.
 */
public final class Dialect {
    public static final Charset GB18030 = Charset.forName("GB18030");

    private Dialect() {}

    public static boolean hasUtf8Bom(byte[] b, int length) {
        return length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    public static boolean isUtf16(byte[] b, int length) {
        return length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF);
    }

    /**
     * The encoding of {@code b[from, to)}: UTF-8 when it decodes strictly as UTF-8, else GB18030 when it
     * decodes strictly as that, else null. {@code truncated}: the bytes are a sample cut off anywhere, so a
     * character cut in two at the end is not held against the file.
     */
    public static Charset detectCharset(byte[] b, int from, int to, boolean truncated) {
        if (firstInvalid(StandardCharsets.UTF_8, b, from, to, truncated) < 0) return StandardCharsets.UTF_8;
        if (firstInvalid(GB18030, b, from, to, truncated) < 0) return GB18030;
        return null;
    }

    /** -1 when {@code b[from, to)} decodes strictly in {@code charset}, else the offset of the first bad byte. */
    public static int firstInvalid(Charset charset, byte[] b, int from, int to, boolean truncated) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, to - from));
        CoderResult r = decoder.decode(in, out, !truncated);
        if (r.isError()) return in.position();
        if (!truncated) {
            r = decoder.flush(out);
            if (r.isError()) return in.position();
        }
        return -1;
    }

    /**
     * The delimiter of the header line starting at {@code from} (it ends at the first newline outside quotes
     * or at {@code to}): tab when it has more tabs than commas (and no more semicolons), semicolon when it has
     * more semicolons than either, else comma.
     */
    public static char detectDelimiter(byte[] b, int from, int to) {
        int commas = 0, tabs = 0, semicolons = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
            else if (!quoted && c == ';') semicolons++;
        }
        if (tabs > commas && tabs >= semicolons) return '\t';
        if (semicolons > commas && semicolons > tabs) return ';';
        return ',';
    }

    /** The word for a delimiter in messages and the manifest. */
    public static String delimiterName(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            default -> "comma";
        };
    }
}
