package dev.vbp.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** One text: its English as a pattern, how much of it is fixed words (not placeholders), and its translation. */
    record Rule(String key, String pattern, Pattern whole, Pattern inside, String target, boolean word, int literal) {}

    static final String BUNDLE = "dev.vbp.output.Texts";

    /** The Chinese rules, loaded on the first Chinese text: a run in English never reads or compiles them. */
    private static final class Zh {
        static final List<Rule> RULES = load(Locale.forLanguageTag("zh"));

        /**
         * The rules that can match a whole text starting with a given character, in the order of {@link #RULES}: those
         * whose pattern starts with that character or with a placeholder that can. A table has many cells and the
         * bundle many patterns (most of them errors'), so a cell is tried only against these.
         */
        static final Map<Character, List<Rule>> BY_FIRST = new HashMap<>();
        /** The rules whose pattern starts with {@code {s}} or {@code {t}}: the candidates for a text starting with anything. */
        static final List<Rule> ANY_FIRST;

        static {
            Map<Character, List<Rule>> byFirst = new HashMap<>();
            for (Rule r : RULES) for (char c : firstChars(r.pattern())) byFirst.putIfAbsent(c, new ArrayList<>());
            List<Rule> any = new ArrayList<>();
            for (Rule r : RULES) { // in order, so that each list keeps the order of RULES
                char[] first = firstChars(r.pattern());
                if (first.length == 0) {
                    any.add(r);
                    byFirst.values().forEach(l -> l.add(r));
                } else {
                    for (char c : first) byFirst.get(c).add(r);
                }
            }
            ANY_FIRST = List.copyOf(any);
            byFirst.forEach((c, l) -> BY_FIRST.put(c, List.copyOf(l)));
        }

        /** The characters a text matching {@code pattern} can start with; none for any ({@code {s}}, {@code {t}}). */
        private static char[] firstChars(String pattern) {
            if (pattern.startsWith("{s}") || pattern.startsWith("{t}")) return new char[0];
            if (pattern.startsWith("{n}")) return "-,0123456789".toCharArray();
            return new char[] {pattern.charAt(0)};
        }
    }

    /** A cell's or summary value's text in {@code lang}: translated when all of it is a known text. */
    public static String cell(String text, Lang lang) {
        if (lang != Lang.ZH || text == null || text.isEmpty()) return text;
        for (Rule r : Zh.BY_FIRST.getOrDefault(text.charAt(0), Zh.ANY_FIRST)) {
            Matcher m = r.whole().matcher(text);
            if (m.matches()) return fill(r.target(), m);
        }
        return text;
    }

    /**
     * A text cell of a table in {@code lang}: a status or category when the cell is one, else every known phrase of a
     * note translated ("9 left out: no baseline prices in 2017 …"). Cells without a Latin letter (names, most codes)
     * are returned at once, and a table repeats a few notes over many rows, so results are kept per distinct text.
     */
    public static String inCell(String text, Lang lang) {
        if (lang != Lang.ZH || text == null || text.isEmpty() || !hasLatinLetter(text)) return text;
        String known = CELLS.get(text);
        if (known != null) return known;
        String translated = sentence(text, lang);
        if (CELLS.size() > 20_000) CELLS.clear(); // a bound, not a cache policy: notes repeat, free text does not
        CELLS.put(text, translated);
        return translated;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> CELLS = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean hasLatinLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
        }
        return false;
    }

    /** A warning or message in {@code lang}: every known phrase in it translated, the rest kept. */
    public static String sentence(String text, Lang lang) {
        if (lang != Lang.ZH || text == null || text.isEmpty()) return text;
        String out = cell(text, lang); // a whole known text; its placeholders may hold known phrases in turn
        for (Rule r : Zh.RULES) {
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
        return out == text ? out : JOIN.matcher(out).replaceAll("；"); // nothing translated: the text as it came
    }

    /** A "; " the English joined two parts with, between Chinese ones: the full-width semicolon Chinese uses. */
    private static final Pattern JOIN = Pattern.compile("(?<=[\\p{IsHan}）」])\\s?;\\s?(?=[\\p{IsHan}（「])");

    private static String fill(String target, Matcher m) {
        String s = target;
        for (int g = 1; g <= m.groupCount(); g++) s = s.replace("{" + (g - 1) + "}", m.group(g));
        return s;
    }

    /** The English patterns and the texts of {@code locale}, keyed alike; the most fixed words first. */
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
            int literal = pattern.replaceAll("\\{[nst]}", "").length();
            rules.add(new Rule(key, pattern, Pattern.compile(regex), Pattern.compile(inside), other.getString(key), word, literal));
        }
        // The most specific text first: the one with the most fixed words ("… status behind or short …" before "… {s} {t} …").
        rules.sort(Comparator.comparingInt((Rule r) -> -r.literal()).thenComparing(Rule::key));
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
