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

    /**
     * A normalised header without its bracketed parts, which in exported sheets hold units and notes:
     * {@code 竞标价格(最小规格)(元)} → {@code 竞标价格} (whose brackets then say it is a unit price: {@link UnitPrices#basis}),
     * {@code 县(市、区)} → {@code 县}. Full-width brackets are
     * already ASCII after {@link #normalise}; 【】 and [] count too.
     */
    public static String withoutBrackets(String normalised) {
        String s = normalised.replaceAll("\\([^()]*\\)|\\[[^\\[\\]]*\\]|【[^【】]*】", "");
        return s.equals(normalised) ? s : withoutBrackets(s);
    }
}
