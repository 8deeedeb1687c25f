package dev.vbp.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodesTest {

    private static void valid(String code, Codes.Kind kind) {
        Codes.Check c = Codes.check(code);
        assertTrue(c.isValid(), code + ": " + c.reason());
        assertEquals(kind, c.kind(), code);
        assertEquals("", c.reason(), code);
    }

    private static void invalid(String code, String reason) {
        Codes.Check c = Codes.check(code);
        assertFalse(c.isValid(), code);
        assertEquals(Codes.Kind.INVALID, c.kind(), code);
        assertEquals(reason, c.reason(), code);
    }

    @Test
    void validCodesOfEachKind() {
        valid("XA10BAE021A010010201650", Codes.Kind.WESTERN_DRUG);
        valid("ZA01AAA0001010102345", Codes.Kind.TCM_DRUG);
        valid("T000500123456789ABCD", Codes.Kind.GRANULE);
        valid("C0201010000100003000", Codes.Kind.CONSUMABLE);
        valid("C02010100001000030000000001", Codes.Kind.CONSUMABLE);
    }

    @Test
    void normalisesBeforeChecking() {
        Codes.Check c = Codes.check(" xa10bae021a0100102016５0 ");
        assertTrue(c.isValid());
        assertEquals("XA10BAE021A010010201650", c.code());
        assertEquals("XA10BAE021A010010201650", Codes.check("XA10 BAE021 A010010201650").code());
    }

    @Test
    void reasonsAreOneLineAndSayWhatWasExpected() {
        invalid("XA10BAE021A0100102016", "expected a 23-character drug code starting with X, found 21 characters");
        invalid("ZA01AAA000101010234", "expected a 20-character drug code starting with Z, found 19 characters");
        invalid("T0005", "expected a 20-character formula-granule code starting with T, found 5 characters");
        invalid("X", "expected a 23-character drug code starting with X, found 1 character");
        invalid("C020101000010000300", "expected a 20- or 27-character consumable code starting with C, found 19 characters");
        invalid("C02010100001000A3000", "expected only digits after the C of a consumable code, found 'A' at position 16");
        invalid("XA10BAE021A0100102016-0", "expected only letters A-Z and digits in a drug code starting with X, found '-' at position 22");
        invalid("86900001000012", "expected a code starting with X, Z or T (drugs) or C (consumables), found '8'");
        invalid("", "expected a drug or consumable code, found nothing");
        invalid(null, "expected a drug or consumable code, found nothing");
    }

    @Test
    void kindsKnowTheirCategory() {
        assertEquals(Optional.of(Category.DRUG), Codes.Kind.WESTERN_DRUG.category());
        assertEquals(Optional.of(Category.DRUG), Codes.Kind.TCM_DRUG.category());
        assertEquals(Optional.of(Category.DRUG), Codes.Kind.GRANULE.category());
        assertEquals(Optional.of(Category.CONSUMABLE), Codes.Kind.CONSUMABLE.category());
        assertEquals(Optional.empty(), Codes.Kind.INVALID.category());
    }

    @Test
    void normaliseKeepsLeadingZerosAndIsText() {
        assertEquals("00123", Codes.normalise(" 00123 "));
        assertEquals("ABC", Codes.normalise("ａｂｃ"));
        assertEquals("", Codes.normalise(null));
    }
}
