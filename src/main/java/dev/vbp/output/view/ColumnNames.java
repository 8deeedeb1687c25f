package dev.vbp.output.view;

import dev.vbp.errors.EditDistance;
import dev.vbp.output.Report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds a report column by the name a user typed: its CSV/JSON key, ignoring case and with {@code -} for
 * {@code _}. An unknown name is refused with the nearest key (did you mean ...?) and the list of keys.
 */
final class ColumnNames {
    private ColumnNames() {}

    /** Index of the column called {@code typed} in {@code report}; {@code option} names the option in the error. */
    static int find(Report report, String typed, String option) {
        String name = normal(typed);
        List<String> keys = report.columns().stream().map(c -> c.key()).toList();
        for (int i = 0; i < keys.size(); i++) if (keys.get(i).equals(name)) return i;
        String nearest = keys.stream().min(Comparator.comparingInt(k -> EditDistance.between(k, name))).orElse(null);
        boolean close = nearest != null && (EditDistance.between(nearest, name) <= Math.max(2, name.length() / 3)
                || nearest.startsWith(name) || nearest.contains(name));
        throw new ViewException(option + ": no column '" + typed + "' in this report"
                + (close ? "; did you mean " + nearest + "?" : "") + " (columns: " + String.join(", ", keys) + ")");
    }

    static String normal(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

}
