package dev.vbp.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text clean-up shared by every reader and matcher. Files exported from Excel on Chinese Windows mix
 * full-width and half-width forms ({@code （） ： ＡＢＣ １２３}), ideographic and no-break spaces and stray
 * trailing blanks; two cells that a person reads as the same must compare equal after {@link #normalise}.
 */
public final class Texts {
    private Texts() {}

    /**
     * NFKC (folds full-width letters, digits and punctuation, {@code （）→()}, {@code ：→:}, the micro sign
     * {@code µ→μ}, U+3000 and no-break spaces to plain spaces), then trims and collapses every inner run of
     * white space to one space. Zero-width characters and byte-order marks, which Excel and Notepad leave
     * behind invisibly, are dropped. {@code null} becomes {@code ""}.
     */
    public static String normalise(String text) {
        if (text == null || text.isEmpty()) return "";
        return isNormalAscii(text) ? text : NORMALISED.get(text);
    }

    /**
     * Printable ASCII with single spaces between words only: already what {@link #normaliseOnce} makes of it
     * (NFKC leaves ASCII alone). Prices, counts, years and codes are mostly such, and too many distinct ones to
     * be worth keeping in {@link #NORMALISED}.
     */
    private static boolean isNormalAscii(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c > '~' || c < ' ') return false;
            if (c == ' ' && (i == 0 || i == last || text.charAt(i - 1) == ' ')) return false;
        }
        return true;
    }

    private static final Memo<String> NORMALISED = new Memo<>(16_384, Texts::normaliseOnce);

    private static String normaliseOnce(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                pendingSpace = false;
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * A matching key for names: {@link #normalise}d, lower-cased and with all spaces removed, so
     * {@code "Pfizer  Inc "} and {@code "ＰＦＩＺＥＲ Inc"} and {@code "pfizerinc"} share one key.
     */
    public static String key(String text) {
        String s = normalise(text).toLowerCase(Locale.ROOT);
        return s.indexOf(' ') < 0 ? s : s.replace(" ", "");
    }

    /** Zero-width space/joiners, word joiner and BOM: invisible in every editor, never meaningful in data. */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
