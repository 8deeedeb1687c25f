package dev.vbp.read;

import java.text.Normalizer;
import java.util.Locale;

/** Header comparison: {@code "Generic Name"}, {@code "generic_name"} and {@code "ＧＥＮＥＲＩＣ－ＮＡＭＥ"} are one header. */
public final class HeaderNames {
    private HeaderNames() {}

    public static String normalise(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '_' || c == '-' || c == '.' || c == '\uFEFF') continue;
            b.append(c);
        }
        return b.toString();
    }
}
