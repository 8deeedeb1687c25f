package dev.vbp.engine.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The ledger's numbers and dates parsed straight from the file's bytes, without a String or a double.
 * Every byte below 0x80 means the same in UTF-8 and GB18030, so digits, signs and separators are found the
 * same way in both; only 年/月/日 differ, and the caller says which encoding the file is in.
 *
 * <p>Failures return a sentinel ({@link #BAD_NUMBER}, {@link #BAD_DATE}); the reason is worked out again by
 * {@link #numberProblem} and {@link #dateProblem}, which only run for the rare bad line.
 */
final class ByteParsers {
    private ByteParsers() {}

    /** Decimal places of every scaled long in the engine: 1 yuan = 10,000. */
    static final int SCALE = 4;
    static final long ONE = 10_000L;
    /** Returned for text that is not an exact 4-decimal number fitting in a long. */
    static final long BAD_NUMBER = Long.MIN_VALUE;
    /** Returned for text that is not a valid calendar date. */
    static final int BAD_DATE = 0;

    private static final long[] FRACTION_FACTOR = {10_000L, 1_000L, 100L, 10L, 1L};
    /** Whole digits that can never overflow once scaled by 10^4 (10^14 · 10^4 < 2^63). */
    private static final int SAFE_WHOLE_DIGITS = 14;

    /**
     * {@code [spaces][+|-]digits[.digits][spaces]} as a long scaled by 10^4. More than four decimals are
     * accepted only when the extra ones are zeros (12.50000), so nothing is ever rounded. Thousands
     * separators ({@code 1,234.5}, only seen in quoted fields) are accepted when correctly grouped.
     */
    static long parseScaled(byte[] b, int from, int to) {
        // fast path, 8 bytes at a time: [-]digits[.digits] with 1-7 whole and at most 4 decimal digits
        if (from < to && from + 24 <= b.length) {
            int i = from;
            boolean negative = b[i] == '-';
            if (negative) i++;
            long x = (long) LONGS.get(b, i) ^ ZEROS;
            int k = Math.min(Long.numberOfTrailingZeros(nonDigits(x)) >>> 3, to - i);
            if (k > 0 && k < 8) {
                long whole = eightDigits(x << ((8 - k) << 3));
                int p = i + k;
                if (p == to) return negative ? -whole * ONE : whole * ONE;
                if (b[p] == '.') {
                    int rem = to - ++p;
                    if (rem <= SCALE) {
                        long y = (long) LONGS.get(b, p) ^ ZEROS;
                        if (rem == 0) return negative ? -whole * ONE : whole * ONE;
                        if (Long.numberOfTrailingZeros(nonDigits(y)) >>> 3 >= rem) {
                            long v = whole * ONE + eightDigits(y << ((8 - rem) << 3)) * FRACTION_FACTOR[rem];
                            return negative ? -v : v;
                        }
                    }
                }
            }
        }
        return parseScaledScalar(b, from, to);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;

    /** For bytes already xor-ed with '0': a non-zero high nibble in each lane that is not a digit 0-9. */
    private static long nonDigits(long x) {
        return (((x & 0x0F0F0F0F0F0F0F0FL) + 0x0606060606060606L) | x) & 0xF0F0F0F0F0F0F0F0L;
    }

    /**
     * Eight digit values (0-9, first digit in the lowest byte, leading lanes zero) as one number, with
     * three multiplications instead of a loop (Lemire, "Parsing eight digits", 2018).
     */
    private static long eightDigits(long v) {
        v = v * 10 + (v >>> 8);
        return (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    /** Byte by byte: the same result for what the word path does not take (long numbers, short buffers). */
    static long parseScaledScalar(byte[] b, int from, int to) {
        // fast path: [-]digits[.digits], no blanks, at most 14 whole and 4 decimal digits
        int i = from;
        boolean negative = false;
        if (i < to && b[i] == '-') {
            negative = true;
            i++;
        }
        long whole = 0;
        int d;
        int wholeStart = i;
        while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
            whole = whole * 10 + d;
            i++;
        }
        int wholeDigits = i - wholeStart;
        if (wholeDigits > 0 && wholeDigits <= SAFE_WHOLE_DIGITS) {
            if (i == to) return negative ? -whole * ONE : whole * ONE;
            if (b[i] == '.') {
                i++;
                long fraction = 0;
                int fractionStart = i;
                int limit = Math.min(to, i + SCALE);
                while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                    fraction = fraction * 10 + d;
                    i++;
                }
                if (i == to) {
                    long v = whole * ONE + fraction * FRACTION_FACTOR[i - fractionStart];
                    return negative ? -v : v;
                }
            }
        }
        return parseScaledGeneral(b, from, to);
    }

    /** Every other spelling: blanks, a plus sign, a leading or trailing point, trailing zero decimals. */
    private static long parseScaledGeneral(byte[] b, int from, int to) {
        while (from < to && isBlank(b[from])) from++;
        while (to > from && isBlank(b[to - 1])) to--;
        if (from == to) return BAD_NUMBER;
        int i = from;
        boolean negative = false;
        if (b[i] == '-') {
            negative = true;
            i++;
        } else if (b[i] == '+') {
            i++;
        }
        long whole = 0;
        int wholeDigits = 0;
        int wholeStart = i;
        while (i < to) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            whole = whole * 10 + d;
            wholeDigits++;
            i++;
        }
        if (wholeDigits > SAFE_WHOLE_DIGITS || (i < to && b[i] == ',')) {
            return parseScaledSlow(b, from, to);
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                if (fractionDigits < SCALE) {
                    fraction = fraction * 10 + d;
                    fractionDigits++;
                } else if (d != 0) {
                    return BAD_NUMBER; // a fifth non-zero decimal would have to be rounded
                }
                i++;
            }
            if (wholeDigits == 0 && i == wholeStart + 1) return BAD_NUMBER; // a lone "."
        } else if (wholeDigits == 0) {
            return BAD_NUMBER;
        }
        if (i != to) return BAD_NUMBER;
        long v = whole * ONE + fraction * FRACTION_FACTOR[fractionDigits];
        return negative ? -v : v;
    }

    /** The rare long or grouped number, checked exactly through BigDecimal. */
    private static long parseScaledSlow(byte[] b, int from, int to) {
        String s = ascii(b, from, to);
        String plain = ungroup(s);
        if (plain == null) return BAD_NUMBER;
        try {
            long v = new BigDecimal(plain).setScale(SCALE).unscaledValue().longValueExact();
            return v == BAD_NUMBER ? BAD_NUMBER : v;
        } catch (ArithmeticException | NumberFormatException e) {
            return BAD_NUMBER;
        }
    }

    /** Removes correctly placed thousands separators; null when the text is not a plain decimal. */
    private static String ungroup(String s) {
        if (!s.matches("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?|[+-]?\\.\\d+")) return null;
        return s.replace(",", "");
    }

    /** Why {@link #parseScaled} refused the text, for the error report. */
    static String numberProblem(byte[] b, int from, int to) {
        while (from < to && isBlank(b[from])) from++;
        while (to > from && isBlank(b[to - 1])) to--;
        if (from == to) return "empty";
        String s = ascii(b, from, to);
        String plain = ungroup(s);
        if (plain == null) return "not a number";
        BigDecimal v = new BigDecimal(plain);
        if (v.stripTrailingZeros().scale() > SCALE) return "more than " + SCALE + " decimal places";
        return "too large";
    }

    /**
     * A calendar date as yyyymmdd: 2024-01-31, 2024/1/31, 2024.1.31, 20240131, 2024年1月31日, each optionally
     * followed by a time ({@code 2024-01-31 08:30:00}, {@code 2024-01-31T08:30}) which is ignored.
     *
     * @param gb18030 whether 年/月/日 are spelled in GB18030 bytes rather than UTF-8
     */
    static int parseDate(byte[] b, int from, int to, boolean gb18030) {
        while (from < to && isBlank(b[from])) from++;
        while (to > from && isBlank(b[to - 1])) to--;
        if ((to - from == 10 || (to - from == 19 && b[from + 10] == ' ' && isClock(b, from + 11)))
                && b[from + 4] == '-' && b[from + 7] == '-') {
            // the common spelling, 2024-01-31 or 2024-01-31 08:30:00
            int y = fourDigits(b, from);
            int m = twoDigits(b, from + 5);
            int d = twoDigits(b, from + 8);
            if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return BAD_DATE;
            return y * 10_000 + m * 100 + d;
        }
        int i = from;
        int year = 0;
        for (int k = 0; k < 4; k++, i++) {
            if (i >= to) return BAD_DATE;
            int d = b[i] - '0';
            if (d < 0 || d > 9) return BAD_DATE;
            year = year * 10 + d;
        }
        if (i >= to) return BAD_DATE;
        int month;
        int day;
        byte sep = b[i];
        if (sep >= '0' && sep <= '9') { // yyyymmdd
            if (to - i < 4) return BAD_DATE;
            month = twoDigits(b, i);
            day = twoDigits(b, i + 2);
            if (month < 0 || day < 0) return BAD_DATE;
            i += 4;
        } else {
            boolean chinese;
            if (sep == '-' || sep == '/' || sep == '.') {
                chinese = false;
                i++;
            } else if (matches(b, i, to, gb18030 ? GB_YEAR : UTF8_YEAR)) {
                chinese = true;
                i += gb18030 ? GB_YEAR.length : UTF8_YEAR.length;
            } else {
                return BAD_DATE;
            }
            month = 0;
            int start = i;
            while (i < to && i - start < 2 && b[i] >= '0' && b[i] <= '9') month = month * 10 + (b[i++] - '0');
            if (i == start || i >= to) return BAD_DATE;
            if (chinese) {
                byte[] m = gb18030 ? GB_MONTH : UTF8_MONTH;
                if (!matches(b, i, to, m)) return BAD_DATE;
                i += m.length;
            } else {
                if (b[i] != sep) return BAD_DATE;
                i++;
            }
            day = 0;
            start = i;
            while (i < to && i - start < 2 && b[i] >= '0' && b[i] <= '9') day = day * 10 + (b[i++] - '0');
            if (i == start) return BAD_DATE;
            if (chinese) {
                byte[] d = gb18030 ? GB_DAY : UTF8_DAY;
                if (matches(b, i, to, d)) i += d.length;
            }
        }
        if (i < to && !isTime(b, i, to)) return BAD_DATE;
        if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return BAD_DATE;
        return year * 10_000 + month * 100 + day;
    }

    /** Why {@link #parseDate} refused the text, for the error report. */
    static String dateProblem(byte[] b, int from, int to) {
        while (from < to && isBlank(b[from])) from++;
        while (to > from && isBlank(b[to - 1])) to--;
        return from == to ? "empty" : "not a date (expected e.g. 2024-01-31, 2024/1/31, 20240131 or 2024年1月31日)";
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a yyyymmdd date, without allocating (Howard Hinnant's days_from_civil). */
    static long epochDay(int yyyymmdd) {
        long y = yyyymmdd / 10_000;
        long m = (yyyymmdd / 100) % 100;
        long d = yyyymmdd % 100;
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    // 年 月 日 in both encodings; every other byte of a date is ASCII.
    private static final byte[] UTF8_YEAR = "年".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UTF8_MONTH = "月".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UTF8_DAY = "日".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GB_YEAR = "年".getBytes(LedgerCharsets.GB18030);
    private static final byte[] GB_MONTH = "月".getBytes(LedgerCharsets.GB18030);
    private static final byte[] GB_DAY = "日".getBytes(LedgerCharsets.GB18030);

    /** A time after the date: a space or 'T', then digits, ':' and '.' only (08:30, 08:30:00.000). */
    private static boolean isTime(byte[] b, int i, int to) {
        if (b[i] != ' ' && b[i] != 'T') return false;
        i++;
        while (i < to && b[i] == ' ') i++;
        if (i == to) return false;
        boolean digit = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') digit = true;
            else if (c != ':' && c != '.') return false;
        }
        return digit;
    }

    /** hh:mm:ss */
    private static boolean isClock(byte[] b, int i) {
        return b[i + 2] == ':' && b[i + 5] == ':' && twoDigits(b, i) >= 0 && twoDigits(b, i + 3) >= 0 && twoDigits(b, i + 6) >= 0;
    }

    /** -1 unless four ASCII digits. */
    private static int fourDigits(byte[] b, int i) {
        int hi = twoDigits(b, i);
        int lo = twoDigits(b, i + 2);
        return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
    }

    private static int twoDigits(byte[] b, int i) {
        int a = b[i] - '0';
        int c = b[i + 1] - '0';
        if (a < 0 || a > 9 || c < 0 || c > 9) return -1;
        return a * 10 + c;
    }

    private static boolean matches(byte[] b, int i, int to, byte[] word) {
        if (to - i < word.length) return false;
        for (int k = 0; k < word.length; k++) {
            if (b[i + k] != word[k]) return false;
        }
        return true;
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
