package dev.vbp.output;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A column of a report: {@code key} is the stable snake_case name used in JSON and CSV; {@code en} and
 * {@code zh} are the table headers for {@code --lang en|zh}.
 *
 * <p>{@code role} says what the column is to a chart or a pivot: a {@link Role#DIMENSION} names what a row
 * is about (county, batch, month), a {@link Role#MEASURE} is a figure that can be drawn, a {@link Role#NOTE}
 * is there for people to read. Columns built with the four-argument constructor get the role their kind
 * suggests ({@link Role#of}); an analysis sets another with {@link #as(Role)}. {@code target}, on a measure,
 * is what each value is held against: a fixed figure (an online-rate target of 95%) or another column of the
 * same row (completion against the elapsed share). The analysis states facts; renderers decide whether to
 * show them as a mark, a colour, a line in a chart or words.
 */
public record Column(String key, String en, String zh, ValueKind kind, Role role, Target target) {

    /** What a column is to a chart. */
    public enum Role {
        DIMENSION, MEASURE, NOTE;

        /**
         * The role a column of this kind and key has unless the analysis says otherwise: numbers are
         * measures, a column named {@code note}, {@code status}, {@code flag} or {@code reason} is a note,
         * everything else (codes, names, dates, months, flags) a dimension.
         */
        public static Role of(String key, ValueKind kind) {
            switch (key.toLowerCase(Locale.ROOT)) {
                case "note": case "notes": case "status": case "flag": case "reason":
                    return NOTE;
                default:
                    return DisplayText.isNumeric(kind) ? MEASURE : DIMENSION;
            }
        }
    }

    /**
     * What a measure is held against: {@code value} (in the measure's own unit, a ratio in 0–1 for a rate)
     * or the column {@code column} of the same row; exactly one is set. {@code atLeast} is true when reaching
     * the target is good (rates, completion), false when staying under it is (a price ceiling).
     */
    public record Target(BigDecimal value, String column, boolean atLeast) {
        public Target {
            if ((value == null) == (column == null)) throw new IllegalArgumentException("a target is a value or a column, not both");
        }

        public static Target atLeast(BigDecimal value) { return new Target(value, null, true); }
        public static Target atLeastColumn(String column) { return new Target(null, column, true); }
        public static Target atMost(BigDecimal value) { return new Target(value, null, false); }
        public static Target atMostColumn(String column) { return new Target(null, column, false); }
    }

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
    }

    public Column(String key, String en, String zh, ValueKind kind) {
        this(key, en, zh, kind, Role.of(key, kind), null);
    }

    /** This column with another role. */
    public Column as(Role newRole) {
        return new Column(key, en, zh, kind, newRole, target);
    }

    /** This column held against {@code newTarget} (null: no target). */
    public Column heldAgainst(Target newTarget) {
        return new Column(key, en, zh, kind, role, newTarget);
    }

    public String header(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
