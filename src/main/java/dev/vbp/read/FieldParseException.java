package dev.vbp.read;

/**
 * A cell that does not hold a value of its column's type. The message is one line,
 * {@code expected <what>, found '<raw>'}; the reader that catches it adds the file, line and column.
 */
public class FieldParseException extends IllegalArgumentException {
    private static final int MAX_SHOWN = 60;

    private final String expected;
    private final String found;

    public FieldParseException(String expected, String found) {
        super("expected " + expected + ", found '" + shown(found) + "'");
        this.expected = expected;
        this.found = found;
    }

    /** What the column wants, e.g. {@code a decimal number such as 12.50}. */
    public String expected() {
        return expected;
    }

    /** The raw cell text as read. */
    public String found() {
        return found;
    }

    /** Keeps the message on one line and short: control characters escaped, long cells cut. */
    private static String shown(String raw) {
        if (raw == null) return "";
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < raw.length() && b.length() < MAX_SHOWN; i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        if (i < raw.length()) b.append('…');
        return b.toString();
    }
}
