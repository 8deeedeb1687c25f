package dev.vbp.output;

import java.util.Locale;

/** Language of table headers and messages. JSON and CSV keys never change with it. */
public enum Lang {
    EN, ZH;

    public static Lang fromLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    /**
     * The language a person set up for this shell: {@code VBP_LANG}, then the POSIX locale variables in
     * their order of precedence ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}; {@code zh_CN.UTF-8} → zh),
     * then the JVM's locale. Reading the variables ourselves matters: a JVM started with
     * {@code LANG=zh_CN.UTF-8} on a machine without that locale installed reports English.
     */
    public static Lang fromEnvironment(java.util.Map<String, String> env, Locale fallback) {
        for (String name : new String[]{"VBP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value == null || value.isBlank()) continue;
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("zh") || v.startsWith("zh_") || v.startsWith("zh-") || v.startsWith("zh.")) return ZH;
            if (name.equals("VBP_LANG") && !v.equals("en") && !v.startsWith("en_") && !v.startsWith("en-")) continue;
            return EN;
        }
        return fromLocale(fallback);
    }

    /** Picks the text for this language. */
    public String pick(String en, String zh) {
        return this == ZH ? zh : en;
    }
}
