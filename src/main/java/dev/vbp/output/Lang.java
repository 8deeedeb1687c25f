package dev.vbp.output;

import java.util.Locale;

/** Language of table headers and messages. JSON and CSV keys never change with it. */
public enum Lang {
    EN, ZH;

    public static Lang fromLocale(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    /** Picks the text for this language. */
    public String pick(String en, String zh) {
        return this == ZH ? zh : en;
    }
}
