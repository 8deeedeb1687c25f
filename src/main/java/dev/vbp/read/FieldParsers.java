package dev.vbp.read;

import dev.vbp.domain.Category;
import dev.vbp.domain.Channel;
import dev.vbp.domain.Codes;
import dev.vbp.domain.DeliveryStatus;
import dev.vbp.domain.Ownership;
import dev.vbp.domain.ListingStatus;
import dev.vbp.domain.OutletType;
import dev.vbp.domain.Texts;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cell text → typed value for each {@link FieldType}, and back to the canonical text the workspace stores.
 * For every type and every value {@code v} this class produces, {@code parse(type, format(type, v))}
 * equals {@code v}.
 *
 * <p>All input first goes through {@link Texts#normalise}, so full-width digits, brackets and stray spaces
 * from Excel are already folded. Empty or blank cells parse to {@code null}: whether a column may be empty
 * is the caller's decision. A cell that does not fit throws {@link FieldParseException} with a one-line
 * message {@code expected <what>, found '<raw>'}.
 *
 * <p>Values by type: TEXT, STRENGTH, CODE and MEDICAL_CODE → {@link String}; DECIMAL and SIGNED_DECIMAL →
 * {@link BigDecimal} with the scale as written (never rounded); COUNT and YEAR → {@link Integer}; DATE →
 * {@link LocalDate}; FLAG → {@link Boolean}; CHANNEL, CATEGORY, OWNERSHIP, OUTLET_TYPE → the domain enums.
 * CODE removes all spaces and keeps case; MEDICAL_CODE is {@link Codes#normalise}d (upper case) but its
 * format is not checked here: {@link Codes#check} reports on it, so an old or odd code can still be read
 * and translated.
 */
public final class FieldParsers {
    private FieldParsers() {}

    private static final String DECIMAL_WHAT = "a decimal number such as 12.50";
    private static final String SIGNED_WHAT = "a decimal number such as 12.50 or -12.50";
    private static final String COUNT_WHAT = "a whole number of 1 or more such as 28";
    private static final String DATE_WHAT = "a date such as 2024-01-31";
    private static final String YEAR_WHAT = "a year from " + Limits.FIRST_YEAR + " to " + Limits.LAST_YEAR + " such as 2024";
    private static final String FLAG_WHAT = "y or n (also yes/no, 是/否, 中选/未中选, true/false, 1/0)";

    /** Bounds that are choices, not facts, kept together so they are easy to find. */
    private static final class Limits {
        static final int FIRST_YEAR = 1990;
        static final int LAST_YEAR = 2100;
        /** Excel day numbers accepted as dates: 1954-10-03 … 2119-01-11. Smaller numbers are more likely typos. */
        static final int FIRST_SERIAL = 20000;
        static final int LAST_SERIAL = 80000;
    }

    /**
     * Day 0 of Excel's 1900 date system as seen from modern dates. Excel counts 1900-01-01 as day 1 but also
     * counts a 1900-02-29 that never existed, so for every serial from 61 on, date = 1899-12-30 + serial.
     * Workbooks in the old Mac 1904 date system would read four years and a day early; they are rare in
     * Chinese government exports and cannot be told apart from the number alone.
     */
    private static final LocalDate EXCEL_DAY_ZERO = LocalDate.of(1899, 12, 30);

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?");
    private static final Pattern EXPONENT_NUMBER = Pattern.compile("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)[eE][+-]?[0-9]+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("([0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\\.0+)?");
    /** How Excel shows a long digit string it has turned into a number: 1.23457E+15. */
    private static final Pattern EXCEL_SCIENTIFIC = Pattern.compile("[0-9](?:\\.[0-9]+)?[eE][+-][0-9]+");

    private static final String TIME = "(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?)?";
    private static final Pattern DATE_SEPARATED = Pattern.compile("([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})" + TIME);
    private static final Pattern DATE_CHINESE = Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?" + TIME);
    private static final Pattern DATE_COMPACT = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");
    private static final Pattern DATE_SERIAL = Pattern.compile("([0-9]{5})(?:\\.[0-9]+)?");
    private static final Pattern YEAR = Pattern.compile("([0-9]{4})(?:年|\\.0+)?");

    private static final Map<String, Boolean> FLAGS = new HashMap<>();

    static {
        for (String s : new String[] {"y", "yes", "true", "1", "是", "中选"}) FLAGS.put(Texts.key(s), Boolean.TRUE);
        for (String s : new String[] {"n", "no", "false", "0", "否", "未中选"}) FLAGS.put(Texts.key(s), Boolean.FALSE);
    }

    /**
     * Marks that stand for "no value" in exported sheets: a dash, an em or en dash, a slash. A cell holding
     * only one of them is as empty as an empty cell (and so refused where a value is required).
     */
    private static final java.util.Set<String> MISSING_MARKS = java.util.Set.of("-", "--", "—", "——", "–", "/", "\\");

    /**
     * {@code MISSING_MARKS.contains(s)} for a text of one or two characters, without hashing it: every short cell
     * of a file (pack counts, regions) asks, and most start with a digit or a letter.
     */
    private static boolean isMissingMark(String s) {
        char c = s.charAt(0);
        if (c != '-' && c != '—' && c != '–' && c != '/' && c != '\\') return false;
        return MISSING_MARKS.contains(s);
    }

    /** Whether the cell, once normalised, is empty or only a {@link #MISSING_MARKS missing-value mark}. */
    public static boolean isEmpty(String raw) {
        String s = Texts.normalise(raw);
        return s.isEmpty() || MISSING_MARKS.contains(s);
    }

    /** Parses one cell; {@code null} for an empty or blank cell, or one holding only {@code -}, {@code —} or {@code /}. */
    public static Object parse(FieldType type, String raw) {
        String s = Texts.normalise(raw);
        if (s.isEmpty() || s.length() <= 2 && isMissingMark(s)) return null; // every mark has 1 or 2 characters
        return switch (type) {
            case TEXT, STRENGTH -> s;
            case CODE -> code(unwrapTextMarker(s).replace(" ", ""), raw);
            case MEDICAL_CODE -> code(Codes.normalise(unwrapTextMarker(s)), raw);
            case DECIMAL -> decimal(s, raw, false);
            case SIGNED_DECIMAL -> decimal(s, raw, true);
            case PRICE -> price(s, raw);
            case COUNT -> count(s, raw);
            case DATE -> date(s, raw);
            case YEAR -> year(s, raw);
            case FLAG -> flag(s, raw);
            case CHANNEL -> Channel.parse(s).orElseThrow(() -> new FieldParseException(
                    "online or offline (also 线上/线下, 网上/网下, 平台/非平台, 是/否)", raw));
            case CATEGORY -> Category.parse(s).orElseThrow(() -> new FieldParseException(
                    "drug or consumable (also 药品/耗材, 中药饮片, 院内制剂)", raw));
            case OWNERSHIP -> Ownership.parse(s).orElseThrow(() -> new FieldParseException(
                    "public or private (also 公立/民营, 非公立)", raw));
            case OUTLET_TYPE -> OutletType.parse(s).orElseThrow(() -> new FieldParseException(
                    "hospital or pharmacy (also 医院/药店, 定点医疗机构/定点零售药店)", raw));
            case LISTING_STATUS -> ListingStatus.parse(s).orElseThrow(() -> new FieldParseException(
                    "listed or delisted (also 挂网/撤网, 暂停挂网, 撤销挂网)", raw));
            case DELIVERY_STATUS -> DeliveryStatus.parse(s).orElseThrow(() -> new FieldParseException(
                    "delivered or undelivered (also 已配送/未配送, 已到货/未到货, 是/否)", raw));
        };
    }

    /** The canonical text of a value {@link #parse} produced; {@code ""} for {@code null}. */
    public static String format(FieldType type, Object value) {
        if (value == null) return "";
        Class<?> expected = valueClass(type);
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(type + " values are " + expected.getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        return switch (type) {
            case TEXT, STRENGTH, CODE, MEDICAL_CODE -> (String) value;
            case DECIMAL, SIGNED_DECIMAL, PRICE -> ((BigDecimal) value).toPlainString();
            case COUNT, YEAR -> value.toString();
            case DATE -> value.toString(); // LocalDate: ISO yyyy-MM-dd
            case FLAG -> (Boolean) value ? "y" : "n";
            case CHANNEL -> ((Channel) value).code();
            case CATEGORY -> ((Category) value).code();
            case OWNERSHIP -> ((Ownership) value).code();
            case OUTLET_TYPE -> ((OutletType) value).code();
            case LISTING_STATUS -> ((ListingStatus) value).code();
            case DELIVERY_STATUS -> ((DeliveryStatus) value).code();
        };
    }

    /** The Java type {@link #parse} returns for {@code type}. */
    public static Class<?> valueClass(FieldType type) {
        return switch (type) {
            case TEXT, STRENGTH, CODE, MEDICAL_CODE -> String.class;
            case DECIMAL, SIGNED_DECIMAL, PRICE -> BigDecimal.class;
            case COUNT, YEAR -> Integer.class;
            case DATE -> LocalDate.class;
            case FLAG -> Boolean.class;
            case CHANNEL -> Channel.class;
            case CATEGORY -> Category.class;
            case OWNERSHIP -> Ownership.class;
            case OUTLET_TYPE -> OutletType.class;
            case LISTING_STATUS -> ListingStatus.class;
            case DELIVERY_STATUS -> DeliveryStatus.class;
        };
    }

    /**
     * Exports that want Excel to keep leading zeros write a code as the formula {@code ="00123"} or with
     * Excel's text prefix {@code '00123}; neither wrapper is part of the code.
     */
    private static String unwrapTextMarker(String s) {
        while (true) { // repeated, so that no parsed code starts with a marker and format/parse round-trips
            if (s.length() >= 3 && s.startsWith("=\"") && s.endsWith("\"")) {
                s = s.substring(2, s.length() - 1).trim();
            } else if (s.startsWith("'")) {
                s = s.substring(1).trim();
            } else {
                return s;
            }
        }
    }

    /**
     * Codes stay text. A code Excel has already turned into a number shows as {@code 1.23457E+15}: its
     * last digits are gone, so it is refused rather than guessed at.
     */
    private static String code(String code, String raw) {
        if (code.isEmpty() || MISSING_MARKS.contains(code)) return null; // only a marker: as blank as an empty cell
        if (EXCEL_SCIENTIFIC.matcher(code).matches()) {
            throw new FieldParseException("a code stored as text (this is a number Excel shortened to scientific"
                    + " notation, which loses digits: format the column as Text in Excel and export again)", raw);
        }
        return code;
    }

    /**
     * Accepts {@code 12.50}, {@code 1,234.50} (well-formed groups only), a leading {@code ¥}/{@code ￥},
     * a trailing {@code 元}; when signed also {@code -12.50} and accounting-style {@code (12.50)}.
     */
    /** Longest number read: no price or quantity has 40 digits, and parsing a huge one takes quadratic time. */
    static final int MAX_NUMBER_LENGTH = 40;

    /** A price that is divided by: a zero would crash the formula later, so it is a reject now. */
    private static BigDecimal price(String s, String raw) {
        BigDecimal v = decimal(s, raw, false);
        if (v.signum() == 0) throw new FieldParseException("a price of more than 0 (leave the cell empty if there is none)", raw);
        return v;
    }

    private static BigDecimal decimal(String s, String raw, boolean signed) {
        String what = signed ? SIGNED_WHAT : DECIMAL_WHAT;
        if (s.length() > MAX_NUMBER_LENGTH) {
            throw new FieldParseException(what + " of at most " + MAX_NUMBER_LENGTH + " characters (this one has " + s.length() + ")", raw);
        }
        String t = s.replace('\u2212', '-'); // the typographic minus some exports use
        boolean bracketed = t.length() >= 2 && t.startsWith("(") && t.endsWith(")");
        if (bracketed) t = t.substring(1, t.length() - 1).trim();

        char sign = 0;
        if (t.startsWith("-") || t.startsWith("+")) {
            sign = t.charAt(0);
            t = t.substring(1).trim();
        }
        if (t.startsWith("¥")) t = t.substring(1).trim();
        if (sign == 0 && (t.startsWith("-") || t.startsWith("+"))) { // ¥-12.50
            sign = t.charAt(0);
            t = t.substring(1).trim();
        }
        if (t.endsWith("元")) t = t.substring(0, t.length() - 1).trim();
        if (bracketed && sign != 0) throw new FieldParseException(what, raw);

        String digits;
        if (isPlainNumber(t) || PLAIN_NUMBER.matcher(t).matches()) {
            digits = t;
        } else if (GROUPED_NUMBER.matcher(t).matches()) {
            digits = t.replace(",", "");
        } else if (EXPONENT_NUMBER.matcher(t).matches()) {
            throw new FieldParseException(what + " (not scientific notation)", raw);
        } else {
            throw new FieldParseException(what, raw);
        }
        BigDecimal value = new BigDecimal(digits);
        boolean negative = bracketed || sign == '-';
        if (!negative) return value;
        if (!signed) throw new FieldParseException("a decimal number of zero or more such as 12.50 (no negatives here)", raw);
        return value.negate();
    }

    /** {@link #PLAIN_NUMBER} without a regular expression, for the common case: {@code 12}, {@code 12.50}. */
    private static boolean isPlainNumber(String t) {
        int n = t.length(), dot = -1;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '.' && dot < 0 && i > 0) dot = i;
            else if (c < '0' || c > '9') return false;
        }
        return n > 0 && dot != n - 1;
    }

    /** Only the digits 0-9, at least one. */
    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return !s.isEmpty();
    }

    /** Pack counts: {@code 28}, also {@code 28.0} as Excel writes whole numbers stored as decimals. */
    private static Integer count(String s, String raw) {
        String digits;
        if (isDigits(s)) {
            digits = s;
        } else {
            Matcher m = WHOLE_NUMBER.matcher(s);
            if (!m.matches()) throw new FieldParseException(COUNT_WHAT, raw);
            digits = m.group(1).replace(",", "");
        }
        if (digits.length() > 10) throw new FieldParseException(COUNT_WHAT, raw);
        long value = Long.parseLong(digits);
        if (value < 1 || value > Integer.MAX_VALUE) throw new FieldParseException(COUNT_WHAT, raw);
        return (int) value;
    }

    /**
     * 2024-01-31, 2024/1/31, 2024.1.31, 20240131, 2024年1月31日, any of them with a time of day (dropped),
     * or an Excel day number from 20000 to 80000 (see {@link #EXCEL_DAY_ZERO}). Day-first and month-first
     * forms such as 31/01/2024 are refused: they cannot be told apart.
     */
    private static LocalDate date(String s, String raw) {
        Matcher m;
        if ((m = DATE_SEPARATED.matcher(s)).matches()) return calendarDate(m.group(1), m.group(3), m.group(4), raw);
        if ((m = DATE_CHINESE.matcher(s)).matches()) return calendarDate(m.group(1), m.group(2), m.group(3), raw);
        if ((m = DATE_COMPACT.matcher(s)).matches()) return calendarDate(m.group(1), m.group(2), m.group(3), raw);
        if ((m = DATE_SERIAL.matcher(s)).matches()) {
            int serial = Integer.parseInt(m.group(1));
            if (serial >= Limits.FIRST_SERIAL && serial <= Limits.LAST_SERIAL) return EXCEL_DAY_ZERO.plusDays(serial);
        }
        throw new FieldParseException(DATE_WHAT, raw);
    }

    private static LocalDate calendarDate(String year, String month, String day, String raw) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new FieldParseException("a real calendar date such as 2024-01-31", raw);
        }
    }

    /** {@code 2024}, {@code 2024年}, or {@code 2024.0} from a numeric Excel cell. */
    private static Integer year(String s, String raw) {
        String digits;
        if (s.length() == 4 && isDigits(s)) {
            digits = s;
        } else {
            Matcher m = YEAR.matcher(s);
            if (!m.matches()) throw new FieldParseException(YEAR_WHAT, raw);
            digits = m.group(1);
        }
        int year = Integer.parseInt(digits);
        if (year < Limits.FIRST_YEAR || year > Limits.LAST_YEAR) throw new FieldParseException(YEAR_WHAT, raw);
        return year;
    }

    private static Boolean flag(String s, String raw) {
        Boolean value = FLAGS.get(Texts.key(s));
        if (value == null) throw new FieldParseException(FLAG_WHAT, raw);
        return value;
    }
}
