package dev.vbp.output;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Turns a report value into the text people read in the table and Markdown formats. Rounds half-up; CSV, JSON and xlsx
 * round money the same way (see {@link Precision}) and write every other value exactly.
 *
 * <ul>
 *   <li>MONEY: two decimals with thousands separators ({@code 1,234,567.89}).</li>
 *   <li>UNIT_PRICE: four decimals with thousands separators ({@code 141.1333}).</li>
 *   <li>RATIO: a percentage with two decimals ({@code 0.52154 → 52.15%}).</li>
 *   <li>DECIMAL: the exact value as written, digits grouped ({@code 1234567.5 → 1,234,567.5}, {@code 1E+3 → 1,000}).</li>
 *   <li>INTEGER: thousands separators ({@code 28,404}).</li>
 *   <li>DATE: ISO ({@code 2024-01-31}). MONTH: {@code 2024-01}. FLAG: {@code y}/{@code n}, or {@code 是}/{@code 否} in Chinese.</li>
 *   <li>null: {@code -}.</li>
 * </ul>
 *
 * Separators are always {@code ,} and {@code .}, whatever the JVM locale, so output is reproducible. A value
 * whose type does not fit its kind (say a String in a MONEY column) is shown as it is rather than rejected.
 */
public final class DisplayText {

    /** What a missing value looks like in tables. */
    public static final String NULL = "-";

    private DisplayText() {}

    /** The display text of {@code value} in a column or summary item of kind {@code kind}. */
    public static String format(Object value, ValueKind kind, Lang lang) {
        if (value == null) return NULL;
        if (value instanceof Label label) return lang.pick(label.en(), label.zh());
        if (kind == ValueKind.TEXT && lang != Lang.EN) return Texts.inCell(text(value), lang);
        switch (kind) {
            case MONEY:
                return fixed(value, 2);
            case UNIT_PRICE:
                return fixed(value, 4);
            case RATIO: {
                BigDecimal d = decimal(value);
                return d == null ? text(value) : d.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
            }
            case DECIMAL: {
                // Quantities run to millions of tablets: digits grouped, decimals as written, never rounded.
                BigDecimal d = decimal(value);
                return d == null ? text(value) : grouped(d);
            }
            case INTEGER: {
                BigDecimal d = decimal(value);
                if (d == null) return text(value);
                // An integral value carried with a scale (12.00) shows as 12; a real fraction is kept, not hidden.
                BigDecimal stripped = d.stripTrailingZeros();
                return grouped(stripped.scale() <= 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : stripped);
            }
            case FLAG:
                if (value instanceof Boolean b) return b ? lang.pick("y", "是") : lang.pick("n", "否");
                return text(value);
            case DATE:
            case TEXT:
            case CODE:
            default:
                return text(value);
        }
    }

    /** A ratio as a percentage for messages (0.5 → 50.00%), rounded as tables round it. */
    public static String percent(BigDecimal ratio) {
        return format(ratio, ValueKind.RATIO, Lang.EN);
    }

    /** Numbers are right-aligned in tables; everything else, codes included, is left-aligned. */
    public static boolean isNumeric(ValueKind kind) {
        switch (kind) {
            case INTEGER: case DECIMAL: case MONEY: case UNIT_PRICE: case RATIO:
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code text} with line breaks, tabs and other control characters replaced by a space: one cell must stay
     * on one line, and data must not be able to send escape sequences to the terminal.
     */
    public static String singleLine(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) sb = new StringBuilder(text);
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String fixed(Object value, int scale) {
        BigDecimal d = decimal(value);
        return d == null ? text(value) : grouped(d.setScale(scale, RoundingMode.HALF_UP));
    }

    /** Plain digits of {@code d} with a comma every three digits of the integer part. */
    static String grouped(BigDecimal d) {
        String plain = d.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        StringBuilder sb = new StringBuilder(plain.length() + (end - start) / 3);
        sb.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) sb.append(',');
            sb.append(plain.charAt(i));
        }
        sb.append(plain, end, plain.length());
        return sb.toString();
    }

    /** {@code value} as an exact BigDecimal, or null when it is not a finite number. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) return d;
        if (value instanceof BigInteger i) return new BigDecimal(i);
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        // Through the shortest decimal string, so 0.1 stays 0.1 rather than its binary expansion.
        if (value instanceof Double v) return Double.isFinite(v) ? new BigDecimal(Double.toString(v)) : null;
        if (value instanceof Float v) return Float.isFinite(v) ? new BigDecimal(Float.toString(v)) : null;
        return null;
    }

    /**
     * A parameter or assumption as one line of text: lists joined by {@code , }, maps as {@code k=v}, numbers
     * plain, flags {@code y}/{@code n}, enums by lowercase name.
     */
    public static String plain(Object value) {
        if (value == null) return "";
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            map.forEach((k, v) -> parts.add(text(k) + "=" + plain(v)));
            return String.join(", ", parts);
        }
        if (value instanceof java.util.Collection<?> items) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (Object item : items) parts.add(plain(item));
            return String.join(", ", parts);
        }
        if (value instanceof Boolean b) return b ? "y" : "n";
        BigDecimal d = decimal(value);
        return d != null ? d.toPlainString() : text(value);
    }

    /** Text of a non-numeric value: enums by lowercase name (as in JSON), everything else by toString. */
    static String text(Object value) {
        if (value instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
        return String.valueOf(value);
    }
}
