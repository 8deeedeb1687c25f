package dev.vbp.engine.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteParsersTest {
    private static final Charset GB = Charset.forName("GB18030");

    private static long num(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        return ByteParsers.parseScaled(b, 2, b.length - 2);
    }

    private static int date(String s, Charset cs) {
        byte[] b = s.getBytes(cs);
        return ByteParsers.parseDate(b, 0, b.length, cs.equals(GB));
    }

    private static String problem(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ByteParsers.numberProblem(b, 0, b.length);
    }

    @Test
    void numbersAreScaledByTenThousand() {
        assertEquals(125_000, num("12.5"));
        assertEquals(1_411_333, num("141.1333"));
        assertEquals(-50_000, num("-5"));
        assertEquals(30_000, num("+3"));
        assertEquals(5_000, num(".5"));
        assertEquals(50_000, num("5."));
        assertEquals(0, num("0"));
        assertEquals(0, num("-0.0"));
        assertEquals(125_000, num("  12.5 "));
        assertEquals(125_000, num("12.50000")); // extra decimals that are zeros round nothing
        assertEquals(12_345_678_900L, num("1,234,567.89"));
        assertEquals(99_999_999_999_999_9999L, num("99999999999999.9999"));
        assertEquals(Long.MAX_VALUE, num("922337203685477.5807"));
        assertEquals(-Long.MAX_VALUE, num("-922337203685477.5807"));
    }

    @Test
    void badNumbersAreRefusedNotRounded() {
        for (String s : new String[] {"", " ", "-", ".", "1.2.3", "12a", "1e3", "1,23", "12,34.5", "１２", "1 2", "--1", "0x10"}) {
            assertEquals(ByteParsers.BAD_NUMBER, num(s), s);
        }
        assertEquals(ByteParsers.BAD_NUMBER, num("1.00001"));
        assertEquals(ByteParsers.BAD_NUMBER, num("922337203685477.5808"));
        assertEquals(ByteParsers.BAD_NUMBER, num("99999999999999999999"));
        assertEquals("more than 4 decimal places", problem("1.00001"));
        assertEquals("too large", problem("99999999999999999999"));
        assertEquals("not a number", problem("1.2.3"));
        assertEquals("empty", problem("  "));
    }

    @Test
    void randomDecimalsRoundTrip() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long v = r.nextLong() % 1_000_000_000_000_000L;
            String text = java.math.BigDecimal.valueOf(v, 4).toPlainString();
            assertEquals(v, num(text), text);
        }
    }

    @Test
    void wordAtATimePathAgreesWithTheByteLoopOnRandomText() {
        Random r = new Random(99);
        String alphabet = "0123456789012345678901234567890123456789.-+, e";
        byte[] buf = new byte[64];
        for (int i = 0; i < 50_000; i++) {
            r.nextBytes(buf); // whatever follows the field must not leak into it
            for (int k = 0; k < buf.length; k++) if (r.nextBoolean()) buf[k] = (byte) ('0' + r.nextInt(10));
            int len = r.nextInt(22);
            int from = r.nextInt(20);
            for (int k = 0; k < len; k++) buf[from + k] = (byte) alphabet.charAt(r.nextInt(alphabet.length()));
            String text = new String(buf, from, len, StandardCharsets.ISO_8859_1);
            assertEquals(ByteParsers.parseScaledScalar(buf, from, from + len), ByteParsers.parseScaled(buf, from, from + len), text);
        }
    }

    @Test
    void everyDateSpelling() {
        int want = 20240131;
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, GB}) {
            for (String s : new String[] {"2024-01-31", "2024/1/31", "2024.1.31", "20240131", "2024年1月31日", "2024年01月31",
                    "2024-01-31 08:30:00", "2024/1/31 8:30", "2024-01-31T08:30:00.000", " 2024-01-31 ", "20240131 000000"}) {
                assertEquals(want, date(s, cs), s + " in " + cs);
            }
        }
        assertEquals(20240229, date("2024-02-29", StandardCharsets.UTF_8));
    }

    @Test
    void badDates() {
        for (String s : new String[] {"", "2024-13-01", "2023-02-29", "2024-04-31", "2024-1-1-1", "2024-01/31", "24-01-31",
                "2024131", "2024-01-31x", "2024年1月", "1899-12-31", "2024-01-31 ", "2024-00-10", "2024-01-00", "2024-01-31 8h"}) {
            int d = date(s, StandardCharsets.UTF_8);
            if (s.equals("2024-01-31 ")) assertEquals(20240131, d); // trailing blanks are trimmed
            else assertEquals(ByteParsers.BAD_DATE, d, s);
        }
        // 年 in GB18030 bytes is not 年 in a UTF-8 file
        byte[] gbBytes = "2024年1月31日".getBytes(GB);
        assertEquals(ByteParsers.BAD_DATE, ByteParsers.parseDate(gbBytes, 0, gbBytes.length, false));
    }

    @Test
    void epochDayMatchesJavaTime() {
        LocalDate d = LocalDate.of(1901, 1, 1);
        while (d.getYear() < 2101) {
            int ymd = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            assertEquals(d.toEpochDay(), ByteParsers.epochDay(ymd), d.toString());
            d = d.plusDays(13);
        }
    }
}
