package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first of the two passes a delimited file gets (the second decodes and parses it): decides the encoding
 * and the delimiter by {@link TextDecoding}'s and {@link Dialect}'s rules, reading the bytes through a small
 * buffer, so a file of any size is checked in flat memory. The encoding chosen is checked over the whole file,
 * as {@link TextDecoding#decode} does, so the second pass never meets an invalid byte and the errors are the
 * same: UTF-16, not valid in the forced encoding, neither UTF-8 nor GB18030 (with the first bad byte's line
 * and column).
 */
final class TextSniffer {
    private static final int BUFFER = 1 << 16;

    /** Opens the file's bytes from the start (called once per pass). */
    interface ByteSource {
        InputStream open() throws IOException;
    }

    /** How the bytes are text: the charset, whether a UTF-8 byte-order mark leads, the header line's delimiter. */
    record Sniffed(Charset charset, boolean bom, char delimiter) {}

    private TextSniffer() {}

    static Sniffed sniff(ByteSource bytes, Charset forced, Character forcedDelimiter, String source) throws IOException {
        byte[] head;
        try (InputStream in = bytes.open()) {
            head = in.readNBytes(4);
        }
        boolean bom = Dialect.hasUtf8Bom(head, head.length);
        if (Dialect.isUtf16(head, head.length)) {
            throw new BadInputException(source + ": the file is UTF-16; save it as UTF-8 or GB18030 (in Excel: CSV UTF-8)");
        }
        int offset = bom ? 3 : 0;
        Charset first = forced != null ? forced : StandardCharsets.UTF_8;
        DelimiterCount delimiter = new DelimiterCount();
        long bad = firstInvalid(bytes, offset, first, forcedDelimiter == null ? delimiter : null);
        Charset charset;
        if (bad < 0) {
            charset = first;
        } else if (forced != null || bom) {
            throw new BadInputException(source + ": the file is not valid " + first.name()
                    + " (try --encoding auto, utf-8 or gb18030)");
        } else if (firstInvalid(bytes, 0, TextDecoding.GB18030, delimiter = new DelimiterCount()) < 0) {
            charset = TextDecoding.GB18030; // counted again: the first pass may have stopped short of the header line's end
        } else {
            throw neitherEncoding(bytes, bad, head, source);
        }
        return new Sniffed(charset, bom, forcedDelimiter != null ? forcedDelimiter : delimiter.delimiter());
    }

    /**
     * -1 when the bytes from {@code offset} on decode strictly in {@code charset}, else the offset of the first
     * bad byte; feeds every byte read to {@code delimiter} (when given) on the way.
     */
    private static long firstInvalid(ByteSource bytes, int offset, Charset charset, DelimiterCount delimiter) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8)) return firstInvalidUtf8(bytes, offset, delimiter);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        long base = offset; // file offset of in[0]
        try (InputStream stream = bytes.open()) {
            stream.skipNBytes(offset);
            while (true) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                boolean end = n < 0;
                if (n > 0) {
                    if (delimiter != null) delimiter.feed(in.array(), in.position(), n);
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult r;
                while ((r = decoder.decode(in, out, end)).isOverflow()) out.clear();
                if (r.isError()) return base + in.position();
                if (end) {
                    while ((r = decoder.flush(out)).isOverflow()) out.clear();
                    return r.isError() ? base + in.position() : -1;
                }
                out.clear();
                base += in.position();
                in.compact();
            }
        }
    }

    /**
     * {@link #firstInvalid} for UTF-8, by {@link Utf8Check} over the bytes (the same verdict and offset as the
     * decoder's, several times faster: no chars are made).
     */
    private static long firstInvalidUtf8(ByteSource bytes, int offset, DelimiterCount delimiter) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int kept = 0; // bytes of a sequence cut by the end of the last read, moved to the front
        long base = offset; // file offset of buffer[0]
        try (InputStream stream = bytes.open()) {
            stream.skipNBytes(offset);
            while (true) {
                int n = stream.read(buffer, kept, buffer.length - kept);
                boolean end = n < 0;
                if (n > 0 && delimiter != null) delimiter.feed(buffer, kept, n);
                int length = kept + Math.max(n, 0);
                int r = Utf8Check.scan(buffer, 0, length, end);
                if (r >= 0) return base + r;
                if (end) return -1;
                int whole = -1 - r;
                kept = length - whole;
                System.arraycopy(buffer, whole, buffer, 0, kept);
                base += whole;
            }
        }
    }

    /** The message of {@link TextDecoding#decode} for a file that is neither UTF-8 nor GB18030. */
    private static BadInputException neitherEncoding(ByteSource bytes, long bad, byte[] head, String source) throws IOException {
        int line = 1, column = 1, value = 0;
        try (InputStream in = bytes.open()) {
            byte[] buffer = new byte[BUFFER];
            long at = 0;
            outer:
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++, at++) {
                    if (at == bad) {
                        value = buffer[i] & 0xFF;
                        break outer;
                    }
                    if (buffer[i] == '\n') {
                        line++;
                        column = 1;
                    } else if ((buffer[i] & 0xC0) != 0x80) {
                        column++;
                    }
                }
            }
        }
        boolean binary = head.length >= 4 && (head[0] == 'P' && head[1] == 'K' || (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF);
        return new BadInputException(String.format(Locale.ROOT,
                "%s:%d:%d: cannot read the file as UTF-8 or GB18030 (invalid byte 0x%02X)%s",
                source, line, column, value,
                binary ? "; it looks like an Excel workbook: save it as CSV" : "; the file mixes encodings, or use --encoding"));
    }

    /**
     * {@link Dialect#detectDelimiter} over the first non-blank line, fed as the bytes go by: newlines before the
     * line are skipped, and counting stops at the first newline outside quotes.
     */
    static final class DelimiterCount {
        private boolean started, done, quoted;
        private int commas, tabs, semicolons;

        void feed(byte[] b, int from, int length) {
            for (int i = from, to = from + length; i < to && !done; i++) {
                byte c = b[i];
                if (!started) {
                    if (c == '\n' || c == '\r') continue;
                    started = true;
                }
                if (c == '"') quoted = !quoted;
                else if (!quoted && (c == '\n' || c == '\r')) done = true;
                else if (!quoted && c == ',') commas++;
                else if (!quoted && c == '\t') tabs++;
                else if (!quoted && c == ';') semicolons++;
            }
        }

        char delimiter() {
            if (tabs > commas && tabs >= semicolons) return '\t';
            if (semicolons > commas && semicolons > tabs) return ';';
            return ',';
        }
    }
}
