package dev.vbp.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run-time texts a person reads (statuses, categories, notes, warnings, the common error messages) in the
 * chosen language, from the bundle {@code dev/vbp/output/Texts*.properties}. {@code Texts.properties} holds
 * each text's English pattern, {@code Texts_zh.properties} the Chinese under the same key; a text no pattern
 * matches stays English (the fallback). Only human formats go through here: JSON values, status codes, CSV
 * headers and exit codes never change with the language.
 *
 * <p>Patterns: {@code {n}} a number (digits, commas, a point), {@code {s}} one word without spaces or
 * punctuation ({@code ; , ， ； 。}),
 * {@code {t}} any text (as little as the rest allows). The Chinese text refers to them by position,
 * {@code {0}}, {@code {1}}… Statuses and categories ({@code status.*}, {@code category.*}) are whole cell
 * values ({@code below}); every other text is also replaced inside warnings and error messages.
 */
public final class Texts {
    private Texts() {}

    record Rule(String key, Pattern whole, Pattern inside, String target, boolean word) {}

    static final String BUNDLE = "dev.vbp.output.Texts";

    private static final List<Rule> ZH = load(Locale.forLanguageTag("zh"));

    /** A cell's or summary value's text in {@code lang}: translated when all of it is a known text. */
    public static String cell(String text, Lang lang) {
        if (lang != Lang.ZH || text == null || text.isEmpty()) return text;
        for (Rule r : ZH) {
            Matcher m = r.whole().matcher(text);
            if (m.matches()) return fill(r.target(), m);
        }
        return text;
    }

    /** A warning or message in {@code lang}: every known phrase in it translated, the rest kept. */
    public static String sentence(String text, Lang lang) {
        if (lang != Lang.ZH || text == null || text.isEmpty()) return text;
        String whole = cell(text, lang);
        if (!whole.equals(text)) return whole;
        String out = text;
        for (Rule r : ZH) {
            if (r.word()) continue;
            Matcher m = r.inside().matcher(out);
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                any = true;
                m.appendReplacement(sb, Matcher.quoteReplacement(fill(r.target(), m)));
            }
            if (any) {
                m.appendTail(sb);
                out = sb.toString();
            }
        }
        return out;
    }

    private static String fill(String target, Matcher m) {
        String s = target;
        for (int g = 1; g <= m.groupCount(); g++) s = s.replace("{" + (g - 1) + "}", m.group(g));
        return s;
    }

    /** The English patterns and the texts of {@code locale}, keyed alike; longest pattern first. */
    static List<Rule> load(Locale locale) {
        ResourceBundle en, other;
        try {
            en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            other = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        for (String key : en.keySet()) {
            if (!other.containsKey(key) || other == en) continue;
            String pattern = en.getString(key);
            String regex = regex(pattern);
            boolean word = key.startsWith("status.") || key.startsWith("category."); // whole cells only
            // Inside a sentence a text starting or ending with a letter must not start or end inside a word.
            String inside = (Character.isLetterOrDigit(pattern.charAt(0)) ? "(?<![\\p{L}\\d_-])" : "") + regex
                    + (Character.isLetterOrDigit(pattern.charAt(pattern.length() - 1)) ? "(?![\\p{L}\\d_-])" : "");
            rules.add(new Rule(key, Pattern.compile(regex), Pattern.compile(inside), other.getString(key), word));
        }
        rules.sort(Comparator.comparingInt((Rule r) -> -r.whole().pattern().length()).thenComparing(Rule::key));
        return List.copyOf(rules);
    }

    static String regex(String pattern) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("\\{([nst])}").matcher(pattern);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) sb.append(Pattern.quote(pattern.substring(last, m.start())));
            sb.append(switch (m.group(1)) {
                case "n" -> "(-?[\\d,]+(?:\\.\\d+)?)";
                case "s" -> "([^\\s;,，；。]+)"; // greedy, backing off for what follows; never a sentence's punctuation
                default -> "(.+?)";
            });
            last = m.end();
        }
        if (last < pattern.length()) sb.append(Pattern.quote(pattern.substring(last)));
        return sb.toString();
    }
}
