package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides how a file's bytes become text. Files from Excel on Windows are GB18030/GBK as often as UTF-8,
 * so "auto" tries, in order: a UTF-8 byte-order mark, strict UTF-8, strict GB18030 (a superset of GBK and
 * GB2312). Strict means a single invalid byte fails the attempt, so a GBK file is never read as mojibake.
 */
public final class TextDecoding {
    public static final Charset GB18030 = Dialect.GB18030;

    /** The decoded text and the charset that produced it. */
    public record Decoded(String text, Charset charset, boolean hadBom) {}

    private TextDecoding() {}

    /** {@code auto}, {@code utf-8}, {@code gb18030} or {@code gbk} (read as GB18030, its superset). */
    public static Charset parseSetting(String setting) {
        String s = setting.trim().toLowerCase(Locale.ROOT).replace("_", "-");
        return switch (s) {
            case "auto" -> null;
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "gb18030", "gbk", "gb2312", "cp936" -> GB18030;
            default -> throw new BadInputException("unknown encoding '" + setting + "': expected auto, utf-8, gb18030 or gbk");
        };
    }

    /**
     * Decodes {@code bytes}; {@code forced} null means detect.
     *
     * @param source the file name used in the error message
     */
    public static Decoded decode(byte[] bytes, Charset forced, String source) {
        boolean bom = Dialect.hasUtf8Bom(bytes, bytes.length);
        if (Dialect.isUtf16(bytes, bytes.length)) {
            throw new BadInputException(source + ": the file is UTF-16; save it as UTF-8 or GB18030 (in Excel: CSV UTF-8)");
        }
        int offset = bom ? 3 : 0;
        if (forced != null) {
            return new Decoded(strict(bytes, offset, forced, source, true), forced, bom);
        }
        if (bom) {
            return new Decoded(strict(bytes, offset, StandardCharsets.UTF_8, source, true), StandardCharsets.UTF_8, true);
        }
        String utf8 = strict(bytes, 0, StandardCharsets.UTF_8, source, false);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, false);
        }
        String gb = strict(bytes, 0, GB18030, source, false);
        if (gb != null) {
            return new Decoded(gb, GB18030, false);
        }
        int bad = firstInvalidUtf8(bytes);
        int line = 1, column = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        boolean binary = bytes.length >= 4 && (bytes[0] == 'P' && bytes[1] == 'K' || (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF);
        throw new BadInputException(String.format(Locale.ROOT,
                "%s:%d:%d: cannot read the file as UTF-8 or GB18030 (invalid byte 0x%02X)%s",
                source, line, column, bytes[bad] & 0xFF,
                binary ? "; it looks like an Excel workbook: save it as CSV" : "; the file mixes encodings, or use --encoding"));
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String source, boolean failLoudly) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            if (!failLoudly) return null;
            throw new BadInputException(source + ": the file is not valid " + charset.name()
                    + " (try --encoding auto, utf-8 or gb18030)");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }
}
