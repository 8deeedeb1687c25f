package dev.vbp.output.view;

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
        String nearest = keys.stream().min(Comparator.comparingInt(k -> distance(k, name))).orElse(null);
        boolean close = nearest != null && (distance(nearest, name) <= Math.max(2, name.length() / 3)
                || nearest.startsWith(name) || nearest.contains(name));
        throw new ViewException(option + ": no column '" + typed + "' in this report"
                + (close ? "; did you mean " + nearest + "?" : "") + " (columns: " + String.join(", ", keys) + ")");
    }

    static String normal(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
