package dev.vbp.output.view;

import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code --where}: comparisons joined by {@code and}, e.g. {@code county=西昌市 and online_rate<0.95}.
 * Names are column keys; operators {@code = != < <= > >=} and {@code ~} (text contains). A value may be
 * quoted ({@code 'a b'}) to hold spaces or the word and.
 *
 * <p>Numbers compare exactly as decimals ({@code 1,000} and {@code 1000.00} are the same); a rate takes
 * {@code 0.95} or {@code 95%}, and a bare number above 1 is refused as ambiguous. Text compares ignoring case;
 * {@code <} and {@code >} on text follow {@link NaturalOrder} ({@code level<一级} holds for 三级 and 二级).
 * A row whose value is missing satisfies no comparison.
 */
final class Where {
    private static final String[] OPERATORS = {"<=", ">=", "!=", "<>", "==", "=", "<", ">", "~"};

    private Where() {}

    /** The predicate over a row's values that {@code expression} means for {@code report}'s columns. */
    static Predicate<List<Object>> parse(String expression, Report report) {
        List<String> parts = splitOnAnd(expression);
        List<Predicate<List<Object>>> tests = new ArrayList<>();
        for (String part : parts) tests.add(comparison(part, report));
        return row -> {
            for (Predicate<List<Object>> t : tests) if (!t.test(row)) return false;
            return true;
        };
    }

    /** Splits on the word {@code and} (any case) outside quotes. */
    static List<String> splitOnAnd(String expression) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        String s = expression;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (Character.isWhitespace(c) && s.regionMatches(true, i + 1, "and", 0, 3)
                    && (i + 4 == s.length() || Character.isWhitespace(s.charAt(i + 4)))) {
                parts.add(cur.toString());
                cur.setLength(0);
                i += 3;
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) throw new ViewException("--where: a quote is not closed in '" + expression + "'");
        parts.add(cur.toString());
        for (String p : parts) {
            if (p.isBlank()) throw new ViewException("--where: expected comparisons joined by 'and' (e.g. county=西昌市 and online_rate<0.95), found '" + expression + "'");
        }
        return parts;
    }

    private static Predicate<List<Object>> comparison(String text, Report report) {
        String t = text.strip();
        int at = -1;
        String op = null;
        for (int i = 0; i < t.length() && op == null; i++) {
            for (String o : OPERATORS) {
                if (t.startsWith(o, i)) {
                    at = i;
                    op = o;
                    break;
                }
            }
        }
        if (op == null || at == 0) {
            throw new ViewException("--where: expected NAME OPERATOR VALUE (operators = != < <= > >= ~), found '" + t + "'");
        }
        String name = t.substring(0, at).strip();
        String literal = unquote(t.substring(at + op.length()).strip());
        int c = ColumnNames.find(report, name, "--where");
        Column column = report.columns().get(c);
        String operator = op.equals("==") ? "=" : op.equals("<>") ? "!=" : op;
        Predicate<Object> test = test(column, operator, literal, t);
        return row -> row.get(c) != null && test.test(row.get(c));
    }

    private static Predicate<Object> test(Column column, String op, String literal, String text) {
        ValueKind kind = column.kind();
        if (op.equals("~")) {
            String needle = literal.toLowerCase(Locale.ROOT);
            return v -> NaturalOrder.text(v).toLowerCase(Locale.ROOT).contains(needle);
        }
        switch (kind) {
            case INTEGER: case DECIMAL: case MONEY: case UNIT_PRICE: case RATIO: {
                BigDecimal bound = number(literal, kind, text);
                return v -> {
                    BigDecimal d = v instanceof BigDecimal b ? b : v instanceof Number n ? new BigDecimal(n.toString()) : null;
                    return d != null && holds(op, d.compareTo(bound));
                };
            }
            case DATE: {
                LocalDate bound;
                try {
                    bound = LocalDate.parse(literal);
                } catch (DateTimeParseException e) {
                    throw new ViewException("--where: " + column.key() + " is a date; expected yyyy-mm-dd, found '" + literal + "'");
                }
                return v -> v instanceof LocalDate d ? holds(op, d.compareTo(bound)) : holds(op, NaturalOrder.text(v).compareTo(literal));
            }
            case FLAG: {
                Boolean bound = flag(literal);
                if (bound == null || !(op.equals("=") || op.equals("!="))) {
                    throw new ViewException("--where: " + column.key() + " is y or n; write " + column.key() + "=y or " + column.key() + "=n");
                }
                return v -> v instanceof Boolean b ? holds(op, b.equals(bound) ? 0 : 1) : false;
            }
            default:
                return v -> {
                    String s = NaturalOrder.text(v);
                    return holds(op, s.equalsIgnoreCase(literal) ? 0 : NaturalOrder.compareText(s, literal));
                };
        }
    }

    private static boolean holds(String op, int cmp) {
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    private static BigDecimal number(String literal, ValueKind kind, String text) {
        String s = literal.replace(",", "").replace("_", "");
        boolean percent = s.endsWith("%");
        if (percent) s = s.substring(0, s.length() - 1).strip();
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new ViewException("--where: expected a number in '" + text + "', found '" + literal + "'");
        }
        if (percent) {
            if (kind != ValueKind.RATIO) throw new ViewException("--where: '" + literal + "' is a percentage, but the column is not a rate (in '" + text + "')");
            return d.movePointLeft(2);
        }
        if (kind == ValueKind.RATIO && d.abs().compareTo(BigDecimal.ONE) > 0) {
            throw new ViewException("--where: a rate is written 0.95 or 95%; '" + literal + "' is ambiguous (in '" + text + "')");
        }
        return d;
    }

    private static Boolean flag(String literal) {
        return switch (literal.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "是" -> Boolean.TRUE;
            case "n", "no", "false", "否" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
