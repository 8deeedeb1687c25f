package dev.vbp.errors;

/**
 * What an error message may repeat of the input. A message quotes the offending value so the user can find
 * it, but a value can be a 10 MB cell or a binary file's first "line": quote at most {@link #MAX} characters,
 * on one line, and say with {@code …} that there was more.
 */
public final class Echo {
    /** Characters of an input value an error message repeats. */
    public static final int MAX = 80;

    private Echo() {}

    /** {@code value} cut to {@link #MAX} characters, control characters (line breaks, NUL) shown as escapes. */
    public static String cap(CharSequence value) {
        return cap(value, MAX);
    }

    public static String cap(CharSequence value, int max) {
        if (value == null) return "";
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8);
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            if (shown >= max) {
                out.append('…');
                return out.toString();
            }
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && shown == max - 1) { // never split a character in two
                out.append('…');
                return out.toString();
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02x", (int) c));
                    else out.append(c);
                }
            }
            shown++;
        }
        return out.toString();
    }

    /** The first line of a library's message (they often add a multi-line excerpt), capped. */
    public static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        return cap(first, 200);
    }
}
