package dev.vbp.domain.instruments;

import java.math.BigDecimal;
import java.util.List;

/**
 * One rule of the companion-measures policy: its key in the file ({@code section.key}), the kind of value,
 * the default and where the default comes from (a policy document, or {@link #NOT_CONFIRMED}). Every report
 * built on a rule lists its value and that source, so a reader can tell a national rule from our choice.
 *
 * @param choices for {@link Kind#CHOICE}: the accepted words, lower case
 * @param min     lowest accepted number (inclusive), or null
 * @param max     highest accepted number (inclusive), or null
 */
public record PolicyRule(String section, String key, Kind kind, Object defaultValue, String source, String help,
                         List<String> choices, BigDecimal min, BigDecimal max) {

    /** The source of a default that no document we could read fixes. */
    public static final String NOT_CONFIRMED = "setting; not confirmed";

    public enum Kind { NUMBER, WHOLE, CHOICE, FLAG }

    public String id() {
        return section + "." + key;
    }

    static PolicyRule number(String section, String key, String def, String min, String max, String source, String help) {
        return new PolicyRule(section, key, Kind.NUMBER, new BigDecimal(def), source, help, List.of(),
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max));
    }

    static PolicyRule whole(String section, String key, int def, int min, int max, String source, String help) {
        return new PolicyRule(section, key, Kind.WHOLE, def, source, help, List.of(), BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    static PolicyRule choice(String section, String key, String def, List<String> choices, String source, String help) {
        return new PolicyRule(section, key, Kind.CHOICE, def, source, help, choices, null, null);
    }
}
