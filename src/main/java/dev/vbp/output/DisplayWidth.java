package dev.vbp.output;

/**
 * How many terminal cells a string takes in a monospaced font. East Asian Wide and Fullwidth characters
 * (Chinese, Japanese kana, Hangul, full-width forms, CJK punctuation such as {@code 。，（）}) take two cells;
 * combining marks, zero-width and control characters take none; everything else takes one.
 *
 * <p>East Asian Ambiguous characters ({@code μ × ° ·} ...) count one cell, as in terminals that are not set
 * to a CJK "ambiguous is wide" mode; the ranges follow Unicode's EastAsianWidth data closely enough for
 * the names, specs and figures this tool prints, without shipping the full table.
 */
public final class DisplayWidth {

    private DisplayWidth() {}

    /** Cells taken by {@code text}; 0 for null or empty. */
    public static int of(String text) {
        if (text == null) return 0;
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** Cells taken by one code point: 0, 1 or 2. */
    public static int of(int codePoint) {
        if (isZeroWidth(codePoint)) return 0;
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isZeroWidth(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.CONTROL:
                return true;
            case Character.FORMAT:
                // Zero-width space/joiners, BOM, bidi marks; U+00AD SOFT HYPHEN is FORMAT but terminals draw it.
                return cp != 0x00AD;
            default:
                // Hangul Jamo medial vowels and final consonants join the preceding initial into one syllable.
                return cp >= 0x1160 && cp <= 0x11FF;
        }
    }

    private static boolean isWide(int cp) {
        if (cp < 0x1100) return false;
        return (cp <= 0x115F)                       // Hangul Jamo initial consonants
                || (cp >= 0x231A && cp <= 0x231B)   // watch, hourglass (emoji presentation)
                || (cp >= 0x2E80 && cp <= 0x303E)   // CJK radicals, Kangxi, ideographic description, CJK symbols & punctuation
                || (cp >= 0x3041 && cp <= 0x33FF)   // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)   // CJK Extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)   // CJK Unified Ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)   // Yi
                || (cp >= 0xA960 && cp <= 0xA97F)   // Hangul Jamo Extended-A
                || (cp >= 0xAC00 && cp <= 0xD7A3)   // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)   // CJK Compatibility Ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19)   // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F)   // CJK compatibility forms, small form variants
                || (cp >= 0xFF00 && cp <= 0xFF60)   // full-width ASCII and punctuation
                || (cp >= 0xFFE0 && cp <= 0xFFE6)   // full-width signs (￥ ￠ ...)
                || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs and emoticons
                || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental pictographs
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK Extensions B onwards (planes 2 and 3)
    }
}
