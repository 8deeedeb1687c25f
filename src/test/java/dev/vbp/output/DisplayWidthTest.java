package dev.vbp.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void countsWideCharactersTwiceAndMarksNotAtAll() {
        assertEquals(0, DisplayWidth.of(null));
        assertEquals(0, DisplayWidth.of(""));
        assertEquals(3, DisplayWidth.of("abc"));
        assertEquals(14, DisplayWidth.of("恩替卡韦分散片"));
        assertEquals(10, DisplayWidth.of("0.5mg*14片"));        // 8 narrow + 1 wide
        assertEquals(8, DisplayWidth.of("（ＡＢ）"));           // full-width forms
        assertEquals(6, DisplayWidth.of("。、："));              // CJK and full-width punctuation
        assertEquals(4, DisplayWidth.of("한국"));                // Hangul syllables
        assertEquals(8, DisplayWidth.of("カタカナ"));
        assertEquals(4, DisplayWidth.of("ｶﾀｶﾅ"));                // half-width katakana stays narrow
        assertEquals(4, DisplayWidth.of("￥12"));                // full-width yen sign
        assertEquals(2, DisplayWidth.of("μg"));                  // ambiguous width counts one
        assertEquals(2, DisplayWidth.of("\uD840\uDC00"));        // U+20000, CJK Extension B
        assertEquals(1, DisplayWidth.of("e\u0301"));             // e + combining acute
        assertEquals(1, DisplayWidth.of("\uFEFFa\u200B"));       // BOM and zero-width space
        assertEquals(1, DisplayWidth.of("\u001Ba"));             // control characters take no cell
        assertEquals(4 + 1 + 4 + 4 + 14 + 1, DisplayWidth.of("泉州 厦门2024恩替卡韦分散片)"));
    }

    /**
     * Cross-checks random code points against Java's own Unicode block table: assigned, non-mark characters
     * of the CJK, kana and Hangul blocks are wide; those of Latin, Greek and Cyrillic blocks narrow.
     */
    @Test
    void agreesWithUnicodeBlocksOnRandomCodePoints() {
        Set<Character.UnicodeBlock> wide = Set.of(
                Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
                Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A,
                Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_B,
                Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS,
                Character.UnicodeBlock.HIRAGANA,
                Character.UnicodeBlock.KATAKANA,
                Character.UnicodeBlock.HANGUL_SYLLABLES,
                Character.UnicodeBlock.BOPOMOFO);
        Set<Character.UnicodeBlock> narrow = Set.of(
                Character.UnicodeBlock.BASIC_LATIN,
                Character.UnicodeBlock.LATIN_1_SUPPLEMENT,
                Character.UnicodeBlock.LATIN_EXTENDED_A,
                Character.UnicodeBlock.GREEK,
                Character.UnicodeBlock.CYRILLIC);
        Random random = new Random(20240301L);
        int checkedWide = 0;
        int checkedNarrow = 0;
        for (int i = 0; i < 200_000; i++) {
            int cp = random.nextInt(0x30000);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.CONTROL || type == Character.FORMAT) {
                continue;
            }
            Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
            if (wide.contains(block)) {
                assertEquals(2, DisplayWidth.of(cp), () -> "U+" + Integer.toHexString(cp));
                checkedWide++;
            } else if (narrow.contains(block)) {
                assertEquals(1, DisplayWidth.of(cp), () -> "U+" + Integer.toHexString(cp));
                checkedNarrow++;
            }
        }
        // Make sure the loop really sampled both kinds.
        assertTrue(checkedWide > 20_000, "wide samples " + checkedWide);
        assertTrue(checkedNarrow > 50, "narrow samples " + checkedNarrow);
    }

    @Test
    void fullWidthFormsBlockIsSplitIntoWideAndHalfWidthParts() {
        for (int cp = 0xFF01; cp <= 0xFF60; cp++) assertEquals(2, DisplayWidth.of(cp), Integer.toHexString(cp));
        for (int cp = 0xFF61; cp <= 0xFFDC; cp++) {
            if (Character.getType(cp) != Character.UNASSIGNED) assertEquals(1, DisplayWidth.of(cp), Integer.toHexString(cp));
        }
        for (int cp = 0xFFE0; cp <= 0xFFE6; cp++) assertEquals(2, DisplayWidth.of(cp), Integer.toHexString(cp));
    }
}
