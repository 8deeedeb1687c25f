package dev.vbp.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextsTest {

    @Test
    void nullAndBlankBecomeEmpty() {
        assertEquals("", Texts.normalise(null));
        assertEquals("", Texts.normalise(""));
        assertEquals("", Texts.normalise(" \t\u3000\u00A0 "));
        assertEquals("", Texts.key(null));
    }

    @Test
    void foldsFullWidthForms() {
        assertEquals("ABC123", Texts.normalise("ＡＢＣ１２３"));
        assertEquals("阿奇霉素(进口)", Texts.normalise("阿奇霉素（进口）"));
        assertEquals("规格:0.5mg", Texts.normalise("规格：０．５ｍｇ"));
        assertEquals("500\u03BCg", Texts.normalise("500\u00B5g")); // micro sign → Greek mu
    }

    @Test
    void trimsAndCollapsesEveryKindOfSpace() {
        assertEquals("Pfizer Inc", Texts.normalise("  Pfizer \t\u3000 Inc\u00A0 "));
        assertEquals("a b c", Texts.normalise("a\u2007b\n\r c"));
    }

    @Test
    void dropsInvisibleCharacters() {
        assertEquals("上海", Texts.normalise("\uFEFF上\u200B海"));
    }

    @Test
    void keyIgnoresCaseSpacesAndWidth() {
        assertEquals("pfizerinc", Texts.key("ＰＦＩＺＥＲ  Inc "));
        assertEquals(Texts.key("Fresenius Kabi"), Texts.key("FreseniusKabi"));
        assertEquals("丙泊酚中/长链脂肪乳注射液", Texts.key(" 丙泊酚中／长链脂肪乳注射液 "));
    }
}
