package dev.vbp.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrengthTest {

    /** Asserts every spelling is understood, has {@code key}, and equals the others (with equal hash codes). */
    private static void allAre(String key, String... spellings) {
        Strength first = Strength.parse(spellings[0]);
        for (String s : spellings) {
            Strength st = Strength.parse(s);
            assertTrue(st.isUnderstood(), s);
            assertEquals(key, st.key(), s);
            assertEquals(key, st.toString(), s);
            assertEquals(first, st, s);
            assertEquals(first.hashCode(), st.hashCode(), s);
        }
    }

    @Test
    void massSpellings() {
        allAre("0.5mg", "0.5mg", "500μg", "0.5 mg", "500ug", "500mcg", "0.5毫克", "0.0005g", "500µg", "0.50MG",
                "０．５ｍｇ", "500微克", "500000ng");
        allAre("3000mg", "3g", "3 g", "3.0g", "3克", "0.003kg");
        allAre("1mg", "1.0mg", "1mg/片");
    }

    @Test
    void contentInVolume() {
        allAre("20ml:200mg", "20ml:0.2g", "20ml:200mg", "20 mL : 200 mg", "20ml：0.2g", "20毫升:200毫克");
        // Decision: "0.2g/20ml" (and "0.2g:20ml") mean 0.2 g in 20 ml, keyed volume first.
        allAre("20ml:200mg", "0.2g/20ml", "0.2g:20ml", "200mg/20ml", "20ml/0.2g");
        allAre("1ml:5mg", "5mg/ml", "5mg/mL", "1ml:5mg");
        allAre("0.4ml:0.4mg", "0.4ml:400μg");
        allAre("0.001ml", "1μl", "1ul");
        allAre("500ml", "0.5L", "500ml");
    }

    @Test
    void compoundSolutions() {
        allAre("100ml:200mg/900mg", "100ml:0.2g:0.9g", "100ml:200mg/900mg", "100ml:氟康唑0.2g与氯化钠0.9g",
                "100ml:0.2g+0.9g");
        allAre("200ml:400mg/1800mg", "200ml:400mg/1.8g");
    }

    @Test
    void compoundStrengthsKeepTheirOrder() {
        allAre("10mg/12.5mg", "10mg/12.5mg", "10 mg / 12.5 mg");
        assertNotEquals(Strength.parse("10mg/12.5mg"), Strength.parse("12.5mg/10mg"));
        assertEquals(List.of(List.of(amount("10", Strength.Unit.MG), amount("12.5", Strength.Unit.MG))),
                Strength.parse("10mg/12.5mg").parts());
        // A carrier and its active ingredient (孟鲁司特钠颗粒 0.5g:4mg) stay in written order.
        allAre("500mg:4mg", "0.5g:4mg");
    }

    @Test
    void packagingIsAHintNotPartOfTheStrength() {
        Strength s = Strength.parse("10mg*14片");
        assertEquals("10mg", s.key());
        assertEquals(Optional.of(14), s.packCountHint());
        assertEquals(Strength.parse("10mg"), s);
        assertEquals(Optional.empty(), Strength.parse("10mg").packCountHint());

        assertEquals(Optional.of(7), Strength.parse("75mg×7片").packCountHint());
        assertEquals(Optional.of(7), Strength.parse("75mg x 7").packCountHint());
        assertEquals(Optional.of(7), Strength.parse("75mg X 7s").packCountHint());
        assertEquals(Optional.of(24), Strength.parse("0.25g*12片*2板").packCountHint());
        assertEquals(Optional.of(14), Strength.parse("10mg*14片/盒").packCountHint());
        allAre("75mg", "75mg×7片", "75mg x 7", "75mg*7", "75mg");

        Strength vial = Strength.parse("5mg/2.5ml*5瓶");
        assertEquals("2.5ml:5mg", vial.key());
        assertEquals(Optional.of(5), vial.packCountHint());
    }

    @Test
    void internationalUnits() {
        allAre("10000IU", "10000IU", "10000iu", "10000U", "10000单位", "1万单位", "1万IU", "1万U", "10,000IU",
                "10000国际单位");
        allAre("800000IU", "80万单位");
        allAre("400IU", "400 IU");
    }

    @Test
    void percentages() {
        allAre("0.9%", "0.9%", "0.90%", "０．９％");
        assertEquals(List.of(List.of(amount("0.9", Strength.Unit.PERCENT))), Strength.parse("0.9%").parts());
    }

    @Test
    void bracketsAndRemarksAreNotesOutsideTheKey() {
        Strength s = Strength.parse("0.4ml:1.2mg（0.3%）");
        assertEquals("0.4ml:1.2mg", s.key());
        assertEquals(List.of("0.3%"), s.notes());
        assertEquals(Strength.parse("0.4ml:1.2mg"), s);

        Strength az = Strength.parse("0.25g（25万单位）");
        assertEquals("250mg", az.key());
        assertEquals(List.of("25万单位"), az.notes());

        Strength withSolvent = Strength.parse("0.5ml:20mg,另附1支溶剂1.5ml");
        assertEquals("0.5ml:20mg", withSolvent.key());
        assertEquals(List.of("另附1支溶剂1.5ml"), withSolvent.notes());
    }

    @Test
    void severalSpecsInOneCellAreNotUnderstood() {
        Strength s = Strength.parse("10mg;20mg");
        assertFalse(s.isUnderstood());
        assertEquals("10mg;20mg", s.key());
        assertFalse(Strength.parse("10mg、20mg").isUnderstood());
    }

    @Test
    void strangeTextIsKeptAndStillMatchesItself() {
        Strength co = Strength.parse("co");
        assertFalse(co.isUnderstood());
        assertEquals("co", co.key());
        assertEquals(Strength.parse(" CO "), co);
        assertEquals(List.of(), co.parts());
        assertEquals(Optional.empty(), co.packCountHint());
        assertEquals(" CO ", Strength.parse(" CO ").text());

        for (String odd : new String[] {"", "mg", "10", "10 mg mg", "0.5mg(", "abc)", "10xyz", "*14片", "1..5mg",
                "10mg/片/5mg", "万单位", "10mg::5mg"}) {
            Strength st = Strength.parse(odd);
            assertFalse(st.isUnderstood(), odd);
            assertEquals(Texts.key(odd), st.key(), odd);
        }
        assertEquals("", Strength.parse(null).key());
        assertFalse(Strength.parse(null).isUnderstood());
    }

    @Test
    void amountsHoldExactPlainValues() {
        Strength.Amount a = Strength.parse("3g").parts().get(0).get(0);
        assertEquals(new BigDecimal("3000"), a.value());
        assertEquals("3000", a.value().toPlainString());
        assertEquals(Strength.Unit.MG, a.unit());
        assertEquals(new BigDecimal("0.00025"), Strength.parse("0.25μg").parts().get(0).get(0).value());
    }

    private static Strength.Amount amount(String value, Strength.Unit unit) {
        return new Strength.Amount(new BigDecimal(value), unit);
    }
}
