package dev.vbp.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    private static String en(Object value, ValueKind kind) {
        return DisplayText.format(value, kind, Lang.EN);
    }

    @Test
    void moneyHasTwoDecimalsRoundedHalfUpWithThousandsSeparators() {
        assertEquals("1,234,567.89", en(new BigDecimal("1234567.885"), ValueKind.MONEY));
        assertEquals("1,234,567.88", en(new BigDecimal("1234567.8849"), ValueKind.MONEY));
        assertEquals("-1,234.57", en(new BigDecimal("-1234.565"), ValueKind.MONEY)); // half-up is away from zero
        assertEquals("999.00", en(new BigDecimal("999"), ValueKind.MONEY));
        assertEquals("1,000.00", en(1000, ValueKind.MONEY));
        assertEquals("100,000.00", en(100000L, ValueKind.MONEY));
        assertEquals("0.00", en(new BigDecimal("-0.001"), ValueKind.MONEY)); // no "-0.00"
        assertEquals("1,000.00", en(new BigDecimal("1E+3"), ValueKind.MONEY));
    }

    @Test
    void unitPriceHasFourDecimals() {
        assertEquals("141.1333", en(new BigDecimal("141.1333"), ValueKind.UNIT_PRICE));
        assertEquals("0.0001", en(new BigDecimal("0.00005"), ValueKind.UNIT_PRICE));
        assertEquals("0.5000", en(new BigDecimal("0.5"), ValueKind.UNIT_PRICE));
        assertEquals("12,345.6789", en(new BigDecimal("12345.67885"), ValueKind.UNIT_PRICE));
    }

    @Test
    void ratioIsAPercentageWithTwoDecimals() {
        assertEquals("52.15%", en(new BigDecimal("0.52154"), ValueKind.RATIO));
        assertEquals("52.16%", en(new BigDecimal("0.52155"), ValueKind.RATIO));
        assertEquals("69.57%", en(new BigDecimal("0.6957"), ValueKind.RATIO));
        assertEquals("100.00%", en(BigDecimal.ONE, ValueKind.RATIO));
        assertEquals("-5.25%", en(new BigDecimal("-0.0525"), ValueKind.RATIO));
        assertEquals("0.00%", en(BigDecimal.ZERO, ValueKind.RATIO));
    }

    @Test
    void decimalIsWrittenAsItIsWithDigitsGrouped() {
        assertEquals("0.50", en(new BigDecimal("0.50"), ValueKind.DECIMAL));
        assertEquals("1,000", en(new BigDecimal("1E+3"), ValueKind.DECIMAL));
        assertEquals("1,234,567.123456", en(new BigDecimal("1234567.123456"), ValueKind.DECIMAL));
        assertEquals("0.1", en(0.1d, ValueKind.DECIMAL));
        assertEquals("0.1", en(0.1f, ValueKind.DECIMAL));
    }

    @Test
    void integerHasThousandsSeparators() {
        assertEquals("28,404", en(28404L, ValueKind.INTEGER));
        assertEquals("7", en(7, ValueKind.INTEGER));
        assertEquals("-1,234,567", en(-1234567L, ValueKind.INTEGER));
        assertEquals("12", en(new BigDecimal("12.00"), ValueKind.INTEGER));
        assertEquals("1,000", en(new BigDecimal("1E+3"), ValueKind.INTEGER));
        assertEquals("12,345,678,901,234,567,890", en(new BigInteger("12345678901234567890"), ValueKind.INTEGER));
        assertEquals("1,234.5", en(new BigDecimal("1234.50"), ValueKind.INTEGER)); // a real fraction is not hidden
    }

    @Test
    void datesFlagsNullsAndText() {
        assertEquals("2024-01-31", en(LocalDate.of(2024, 1, 31), ValueKind.DATE));
        assertEquals("y", en(true, ValueKind.FLAG));
        assertEquals("n", en(false, ValueKind.FLAG));
        assertEquals("是", DisplayText.format(true, ValueKind.FLAG, Lang.ZH));
        assertEquals("否", DisplayText.format(false, ValueKind.FLAG, Lang.ZH));
        for (ValueKind kind : ValueKind.values()) assertEquals("-", en(null, kind));
        assertEquals("007", en("007", ValueKind.CODE));
        assertEquals("unit_price", en(ValueKind.UNIT_PRICE, ValueKind.TEXT));
        assertEquals("n/a", en("n/a", ValueKind.MONEY)); // shown as it is, not rejected
    }

    @Test
    void singleLineReplacesControlCharacters() {
        assertEquals("a [2Jb c d", DisplayText.singleLine("a\u001B[2Jb\nc\td"));
        String clean = "恩替卡韦分散片";
        assertTrue(clean == DisplayText.singleLine(clean));
    }

    @Test
    void numericKindsAreRightAligned() {
        for (ValueKind kind : ValueKind.values()) {
            boolean numeric = kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL || kind == ValueKind.MONEY
                    || kind == ValueKind.UNIT_PRICE || kind == ValueKind.RATIO;
            assertEquals(numeric, DisplayText.isNumeric(kind), kind.name());
        }
        assertFalse(DisplayText.isNumeric(ValueKind.CODE));
    }

    /** Compares money and unit-price text with java.text.DecimalFormat on random exact values. */
    @Test
    void agreesWithDecimalFormatOnRandomValues() {
        DecimalFormat money = decimalFormat("#,##0.00");
        DecimalFormat unit = decimalFormat("#,##0.0000");
        Random random = new Random(52154L);
        for (int i = 0; i < 5_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(60), random);
            if (random.nextBoolean()) unscaled = unscaled.negate();
            BigDecimal value = new BigDecimal(unscaled, random.nextInt(9) - 2);
            assertEquals(withoutNegativeZero(money.format(value)), en(value, ValueKind.MONEY), value.toString());
            assertEquals(withoutNegativeZero(unit.format(value)), en(value, ValueKind.UNIT_PRICE), value.toString());
        }
    }

    private static DecimalFormat decimalFormat(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** DecimalFormat writes -0.001 as "-0.00"; the renderers do not, since BigDecimal has no negative zero. */
    private static String withoutNegativeZero(String text) {
        return text.matches("-0\\.0+") ? text.substring(1) : text;
    }
}
