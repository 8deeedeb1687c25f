package dev.vbp.read;

import dev.vbp.domain.Category;
import dev.vbp.domain.Channel;
import dev.vbp.domain.Ownership;
import dev.vbp.domain.OutletType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.vbp.read.FieldType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FieldParsersTest {

    private static void fails(FieldType type, String raw, String message) {
        FieldParseException e = assertThrows(FieldParseException.class, () -> FieldParsers.parse(type, raw), raw);
        assertEquals(message, e.getMessage(), raw);
        assertEquals(raw, e.found());
    }

    /** BigDecimal.equals also compares scale, which is what "keeps the scale written" means. */
    private static void decimal(FieldType type, String raw, String expected) {
        assertEquals(new BigDecimal(expected), FieldParsers.parse(type, raw), raw);
    }

    @Test
    void blankCellsAreNullForEveryType() {
        for (FieldType t : FieldType.values()) {
            assertNull(FieldParsers.parse(t, null), t.name());
            assertNull(FieldParsers.parse(t, ""), t.name());
            assertNull(FieldParsers.parse(t, " \u3000\t "), t.name());
            assertEquals("", FieldParsers.format(t, null));
        }
    }

    @Test
    void textAndStrengthAreNormalised() {
        assertEquals("阿托伐他汀钙片 (立普妥)", FieldParsers.parse(TEXT, "  阿托伐他汀钙片\u3000（立普妥） "));
        assertEquals("20ml:0.2g", FieldParsers.parse(STRENGTH, "20ml：0.2g "));
    }

    @Test
    void codesStayText() {
        assertEquals("00123", FieldParsers.parse(CODE, " 00123 "));
        assertEquals("H3501000123", FieldParsers.parse(CODE, "H350 100 0123"));
        assertEquals("h35a", FieldParsers.parse(CODE, "h35a")); // plain codes keep their case
        assertEquals("1.5", FieldParsers.parse(CODE, "1.5"));
        assertEquals("00123", FieldParsers.parse(CODE, "=\"00123\""));
        assertEquals("00123", FieldParsers.parse(CODE, "'00123"));
        assertEquals("a'b", FieldParsers.parse(CODE, "''a'b"));
        assertNull(FieldParsers.parse(CODE, "'"));
        assertNull(FieldParsers.parse(CODE, "=\"\""));
        assertEquals("C0201010000100003000", FieldParsers.parse(MEDICAL_CODE, "=\"c0201010000100003000\""));
        fails(CODE, "1.23457E+15", "expected a code stored as text (this is a number Excel shortened to scientific"
                + " notation, which loses digits: format the column as Text in Excel and export again), found '1.23457E+15'");
        fails(CODE, "1.23E+15", "expected a code stored as text (this is a number Excel shortened to scientific"
                + " notation, which loses digits: format the column as Text in Excel and export again), found '1.23E+15'");
        assertEquals("XA10BAE021A010010201650", FieldParsers.parse(MEDICAL_CODE, " xa10bae021a010010201650"));
        assertEquals("XA10", FieldParsers.parse(MEDICAL_CODE, "XA10")); // format is checked by Codes, not here
    }

    @Test
    void decimals() {
        decimal(DECIMAL, "12.50", "12.50");
        decimal(DECIMAL, "141.1333", "141.1333");
        decimal(DECIMAL, "0", "0");
        decimal(DECIMAL, "007", "7");
        decimal(DECIMAL, "1,234.50", "1234.50");
        decimal(DECIMAL, "1,234,567", "1234567");
        decimal(DECIMAL, "¥12.50", "12.50");
        decimal(DECIMAL, "￥ 12.50", "12.50");
        decimal(DECIMAL, "12.50元", "12.50");
        decimal(DECIMAL, "¥1,234.50 元", "1234.50");
        decimal(DECIMAL, "１２．５０", "12.50");
        decimal(DECIMAL, "+3", "3");

        String bad = "expected a decimal number such as 12.50, found '%s'";
        for (String raw : new String[] {"12,5x", "12.3.4", "NaN", "Infinity", "1,23.4", "1234,567", ",123", "12.",
                ".5", "abc", "1 234", "--1", "¥", "元"}) {
            fails(DECIMAL, raw, String.format(bad, raw));
        }
        fails(DECIMAL, "1E5", "expected a decimal number such as 12.50 (not scientific notation), found '1E5'");
        fails(DECIMAL, "1.2e-3", "expected a decimal number such as 12.50 (not scientific notation), found '1.2e-3'");
        fails(DECIMAL, "-12.50", "expected a decimal number of zero or more such as 12.50 (no negatives here), found '-12.50'");
        fails(DECIMAL, "(12.50)", "expected a decimal number of zero or more such as 12.50 (no negatives here), found '(12.50)'");
        fails(DECIMAL, "¥-1", "expected a decimal number of zero or more such as 12.50 (no negatives here), found '¥-1'");
    }

    @Test
    void signedDecimals() {
        decimal(SIGNED_DECIMAL, "-12.50", "-12.50");
        decimal(SIGNED_DECIMAL, "(12.50)", "-12.50");
        decimal(SIGNED_DECIMAL, "（1,234.50）", "-1234.50");
        decimal(SIGNED_DECIMAL, "-¥12.50", "-12.50");
        decimal(SIGNED_DECIMAL, "¥-12.50", "-12.50");
        decimal(SIGNED_DECIMAL, "\u221212.50", "-12.50");
        decimal(SIGNED_DECIMAL, "－12.50元", "-12.50");
        decimal(SIGNED_DECIMAL, "12.50", "12.50");
        decimal(SIGNED_DECIMAL, "-0.00", "0.00");
        fails(SIGNED_DECIMAL, "(-12.50)", "expected a decimal number such as 12.50 or -12.50, found '(-12.50)'");
        fails(SIGNED_DECIMAL, "12-", "expected a decimal number such as 12.50 or -12.50, found '12-'");
        fails(SIGNED_DECIMAL, "-1E5", "expected a decimal number such as 12.50 or -12.50 (not scientific notation), found '-1E5'");
    }

    @Test
    void counts() {
        assertEquals(28, FieldParsers.parse(COUNT, "28"));
        assertEquals(28, FieldParsers.parse(COUNT, "28.0"));
        assertEquals(28, FieldParsers.parse(COUNT, "28.00"));
        assertEquals(1000, FieldParsers.parse(COUNT, "1,000"));
        assertEquals(1, FieldParsers.parse(COUNT, "1"));
        assertEquals(Integer.MAX_VALUE, FieldParsers.parse(COUNT, "2147483647"));
        for (String raw : new String[] {"0", "0.0", "-1", "28.5", "2147483648", "99999999999", "28片", "1e3"}) {
            fails(COUNT, raw, "expected a whole number of 1 or more such as 28, found '" + raw + "'");
        }
    }

    @Test
    void dates() {
        LocalDate d = LocalDate.of(2024, 1, 31);
        for (String raw : new String[] {"2024-01-31", "2024/1/31", "2024.1.31", "20240131", "2024年1月31日", "2024年1月31",
                "2024-01-31 10:22:33", "2024/1/31 10:22", "2024-01-31T10:22:33.123", "２０２４－０１－３１", "45322", "45322.4375"}) {
            assertEquals(d, FieldParsers.parse(DATE, raw), raw);
        }
        // Excel 1900 date system: 1900-01-01 is serial 1, with the phantom 1900-02-29 as serial 60.
        assertEquals(LocalDate.of(1954, 10, 3), FieldParsers.parse(DATE, "20000"));
        assertEquals(LocalDate.of(2119, 1, 11), FieldParsers.parse(DATE, "80000"));
        assertEquals(LocalDate.of(2000, 1, 1), FieldParsers.parse(DATE, "36526"));
        assertEquals(LocalDate.of(2024, 2, 29), FieldParsers.parse(DATE, "2024/2/29"));

        for (String raw : new String[] {"31/01/2024", "01/31/2024", "2024-01", "19999", "80001", "2024-1/31", "2024", "yesterday"}) {
            fails(DATE, raw, "expected a date such as 2024-01-31, found '" + raw + "'");
        }
        for (String raw : new String[] {"2023-02-29", "2024-13-01", "20240132", "2024年2月30日"}) {
            fails(DATE, raw, "expected a real calendar date such as 2024-01-31, found '" + raw + "'");
        }
    }

    @Test
    void years() {
        assertEquals(2024, FieldParsers.parse(YEAR, "2024"));
        assertEquals(2024, FieldParsers.parse(YEAR, "2024年"));
        assertEquals(2024, FieldParsers.parse(YEAR, "2024.0"));
        assertEquals(1990, FieldParsers.parse(YEAR, "1990"));
        assertEquals(2100, FieldParsers.parse(YEAR, "2100"));
        for (String raw : new String[] {"1989", "2101", "24", "2024-01-31", "二〇二四"}) {
            fails(YEAR, raw, "expected a year from 1990 to 2100 such as 2024, found '" + raw + "'");
        }
    }

    @Test
    void flags() {
        for (String raw : new String[] {"y", "Y", "yes", "YES", "true", "True", "1", "是", "中选"}) {
            assertEquals(Boolean.TRUE, FieldParsers.parse(FLAG, raw), raw);
        }
        for (String raw : new String[] {"n", "N", "no", "false", "FALSE", "0", "否", "未中选"}) {
            assertEquals(Boolean.FALSE, FieldParsers.parse(FLAG, raw), raw);
        }
        fails(FLAG, "maybe", "expected y or n (also yes/no, 是/否, 中选/未中选, true/false, 1/0), found 'maybe'");
    }

    @Test
    void domainEnums() {
        assertEquals(Channel.ONLINE, FieldParsers.parse(CHANNEL, "线上"));
        assertEquals(Channel.OFFLINE, FieldParsers.parse(CHANNEL, "Offline"));
        assertEquals(Category.CONSUMABLE, FieldParsers.parse(CATEGORY, "医用耗材"));
        assertEquals(Ownership.PRIVATE, FieldParsers.parse(OWNERSHIP, "非公立"));
        assertEquals(OutletType.PHARMACY, FieldParsers.parse(OUTLET_TYPE, "定点零售药店"));
        fails(CHANNEL, "邮购", "expected online or offline (also 线上/线下, 网上/网下, 平台/非平台, 是/否), found '邮购'");
        assertEquals(Category.HERBAL_PIECES, FieldParsers.parse(CATEGORY, "饮片"));
        fails(CATEGORY, "器械", "expected drug or consumable (also 药品/耗材, 中药饮片, 院内制剂), found '器械'");
        fails(OWNERSHIP, "军队", "expected public or private (also 公立/民营, 非公立), found '军队'");
        fails(OUTLET_TYPE, "诊所", "expected hospital or pharmacy (also 医院/药店, 定点医疗机构/定点零售药店), found '诊所'");
    }

    @Test
    void formatWritesCanonicalText() {
        assertEquals("2024-01-31", FieldParsers.format(DATE, LocalDate.of(2024, 1, 31)));
        assertEquals("1000", FieldParsers.format(DECIMAL, new BigDecimal("1E+3")));
        assertEquals("12.50", FieldParsers.format(DECIMAL, new BigDecimal("12.50")));
        assertEquals("-0.0001", FieldParsers.format(SIGNED_DECIMAL, new BigDecimal("-0.0001")));
        assertEquals("y", FieldParsers.format(FLAG, true));
        assertEquals("n", FieldParsers.format(FLAG, false));
        assertEquals("2024", FieldParsers.format(YEAR, 2024));
        assertEquals("28", FieldParsers.format(COUNT, 28));
        assertEquals("online", FieldParsers.format(CHANNEL, Channel.ONLINE));
        assertEquals("consumable", FieldParsers.format(CATEGORY, Category.CONSUMABLE));
        assertEquals("public", FieldParsers.format(OWNERSHIP, Ownership.PUBLIC));
        assertEquals("pharmacy", FieldParsers.format(OUTLET_TYPE, OutletType.PHARMACY));
        assertEquals("00123", FieldParsers.format(CODE, "00123"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldParsers.format(DATE, "2024-01-31"));
        assertEquals("DATE values are LocalDate, not String", e.getMessage());
    }

    @Test
    void messagesStayOnOneLineAndShort() {
        FieldParseException e = assertThrows(FieldParseException.class, () -> FieldParsers.parse(COUNT, "a\nb"));
        assertEquals("expected a whole number of 1 or more such as 28, found 'a\\nb'", e.getMessage());
        String longCell = "x".repeat(100);
        String message = assertThrows(FieldParseException.class, () -> FieldParsers.parse(COUNT, longCell)).getMessage();
        assertEquals("expected a whole number of 1 or more such as 28, found '" + "x".repeat(60) + "…'", message);
        assertFalse(message.contains("\n"));
    }
}
