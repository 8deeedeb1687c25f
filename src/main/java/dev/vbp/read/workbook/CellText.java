package dev.vbp.read.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How a cell that a workbook stores as a number becomes text, so that the text parses exactly as the
 * value the sheet shows: integers without exponent or {@code .0} (a code typed as a number keeps its
 * digits), decimals at Excel's 15 significant digits (what the formula bar shows; it drops the binary noise
 * of computed cells such as {@code 0.30000000000000004}), dates as ISO dates.
 */
final class CellText {
    private CellText() {}

    /** Excel holds 15 significant digits; anything beyond is noise of the binary double. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    /** From 10^15 on, a whole number has lost digits in Excel (its last ones read as zeros). */
    private static final BigDecimal LOSSY = BigDecimal.TEN.pow(15);
    private static final LocalDate DAY_ZERO_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate DAY_ZERO_1904 = LocalDate.of(1904, 1, 1);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A number as written in the file ({@code 1.2345678901E10}, {@code 141.1333}) in plain form. */
    static String number(String stored) {
        BigDecimal value;
        try {
            value = new BigDecimal(stored.trim());
        } catch (NumberFormatException e) {
            return stored; // not a number after all: the reader shows it as it is
        }
        return number(value);
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return String.valueOf(value);
        return number(new BigDecimal(Double.toString(value)));
    }

    private static String number(BigDecimal value) {
        BigDecimal v = value.round(EXCEL_DIGITS).stripTrailingZeros();
        if (v.abs().compareTo(LOSSY) >= 0 && v.scale() <= 0) {
            // Shown the way Excel shows it, so a code column refuses it with the reason instead of taking
            // a code whose last digits are zeros Excel made up.
            return v.unscaledValue().signum() == 0 ? "0" : scientific(v);
        }
        if (v.signum() == 0) return "0";
        return v.toPlainString();
    }

    private static String scientific(BigDecimal v) {
        String digits = v.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - v.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v.signum() < 0 ? "-" : "") + mantissa + "E+" + exponent;
    }

    /** A whole number padded with leading zeros to {@code width} digits, as a format like 000000 shows it. */
    static String padded(String plain, int width) {
        if (!plain.matches("[0-9]+") || plain.length() >= width) return plain;
        return "0".repeat(width - plain.length()) + plain;
    }

    /**
     * An Excel day number as an ISO date ({@code 2024-01-31}), with the time of day when it has one, or a
     * time alone below day 1.
     */
    static String date(double serial, boolean date1904) {
        if (Double.isNaN(serial) || serial < 0 || serial > 2_958_465) return number(serial); // beyond 9999-12-31
        long day = (long) Math.floor(serial);
        long seconds = Math.round((serial - day) * 86_400);
        if (seconds == 86_400) {
            day++;
            seconds = 0;
        }
        if (day == 0 && !date1904) return LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(seconds).format(TIME);
        LocalDate d = date1904 ? DAY_ZERO_1904.plusDays(day)
                // Excel's 1900 system counts a 29 February 1900 that never was: serials below 61 are one day off.
                : day < 61 ? DAY_ZERO_1900.plusDays(day + 1) : DAY_ZERO_1900.plusDays(day);
        if (seconds == 0) return d.toString();
        return d.atStartOfDay().plusSeconds(seconds).format(DATE_TIME);
    }

    /** Column letters of a 1-based column: 1 → A, 27 → AA. */
    static String columnLetters(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) b.insert(0, (char) ('A' + (c - 1) % 26));
        return b.toString();
    }

    /** 0-based column of a cell reference such as {@code C17} or {@code $AA$3}; -1 if it has no letters. */
    static int columnOf(CharSequence ref) {
        int col = 0;
        boolean any = false;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c == '$') continue;
            char u = Character.toUpperCase(c);
            if (u < 'A' || u > 'Z') break;
            col = col * 26 + (u - 'A' + 1);
            any = true;
        }
        return any ? col - 1 : -1;
    }

    /** 0-based row of a cell reference such as {@code C17}; -1 if it has no digits. */
    static int rowOf(CharSequence ref) {
        int row = 0;
        boolean any = false;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= '0' && c <= '9') {
                row = row * 10 + (c - '0');
                any = true;
            }
        }
        return any ? row - 1 : -1;
    }

    /**
     * OOXML writes characters XML cannot hold as {@code _xHHHH_} (a carriage return is {@code _x000D_});
     * a literal {@code _x...} is itself escaped as {@code _x005F_x...}.
     */
    static String unescapeOoxml(String s) {
        if (s.indexOf("_x") < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 7 <= s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
                    && isHex(s, i + 2, i + 6)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) return false;
        }
        return true;
    }
}
