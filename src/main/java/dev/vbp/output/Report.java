package dev.vbp.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result every analysis command hands to a renderer. Its JSON form is the one envelope all commands
 * share: {@code {"command", "parameters", "assumptions", "rows", "summary", "warnings"}}.
 *
 * <ul>
 *   <li>{@code parameters}: what the user asked for (options after defaults), keyed snake_case.</li>
 *   <li>{@code assumptions}: every rule and setting the figures rest on, keyed snake_case, with a value a
 *       reader can check (e.g. {@code "mean": "simple"}, {@code "baseline": "ceiling_price"}).</li>
 *   <li>{@code rows}: one value per column, in column order; values are String, BigDecimal, Long/Integer,
 *       LocalDate, Boolean or null.</li>
 *   <li>{@code summary}: typed figures about all rows (count, mean, totals ...).</li>
 *   <li>{@code warnings}: things a reader must know (rows left out and why, unmatched records ...).</li>
 * </ul>
 */
public final class Report {

    private final String command;
    private final List<Column> columns;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> assumptions = new LinkedHashMap<>();
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<SummaryItem> summary = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Ratio> ratios = new LinkedHashMap<>();
    private final java.util.Set<String> sums = new java.util.LinkedHashSet<>();

    /**
     * How a ratio column is made from sum columns of the same row: {@code Σ numerator / Σ denominator}
     * (e.g. online_rate = online_amount / (online_amount + offline_amount)). Totals and cross-tabs of the
     * ratio divide the summed parts instead of averaging the rows' rates.
     */
    public record Ratio(String column, List<String> numerator, List<String> denominator) {
        public Ratio {
            numerator = List.copyOf(numerator);
            denominator = List.copyOf(denominator);
        }
    }

    /** A named, typed figure of the summary; {@code en}/{@code zh} label it in tables. */
    public record SummaryItem(String key, String en, String zh, ValueKind kind, Object value) {
        /** The label in {@code lang}; an item without a Chinese label of its own shows its English as a known text. */
        public String label(Lang lang) {
            return lang == Lang.EN ? en : zh != null ? zh : Texts.cell(en, lang);
        }
    }

    public Report(String command, List<Column> columns) {
        this.command = Objects.requireNonNull(command);
        this.columns = List.copyOf(columns);
    }

    public Report parameter(String key, Object value) {
        parameters.put(key, value);
        return this;
    }

    public Report assumption(String key, Object value) {
        assumptions.put(key, value);
        return this;
    }

    public Report row(Object... values) {
        return row(java.util.Arrays.asList(values));
    }

    public Report row(List<Object> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + values.size() + " values for " + columns.size() + " columns");
        }
        rows.add(Collections.unmodifiableList(new ArrayList<>(values)));
        return this;
    }

    public Report summary(String key, String en, String zh, ValueKind kind, Object value) {
        summary.add(new SummaryItem(key, en, zh, kind, value));
        return this;
    }

    public Report warning(String text) {
        warnings.add(text);
        return this;
    }

    /** The warning every --fail-under check gives: how many rows fall short, and the first 20 of them. */
    public Report warnShortfalls(List<String> shortfalls, java.math.BigDecimal failUnder) {
        if (shortfalls.isEmpty()) return this;
        return warning(shortfalls.size() + " row" + (shortfalls.size() == 1 ? " is" : "s are") + " below --fail-under "
                + DisplayText.percent(failUnder) + ": " + String.join(", ", shortfalls.subList(0, Math.min(20, shortfalls.size())))
                + (shortfalls.size() > 20 ? ", ..." : ""));
    }

    /** Declares that ratio column {@code column} is Σ numerator / Σ denominator of sum columns (see {@link Ratio}). */
    public Report ratio(String column, List<String> numerator, List<String> denominator) {
        Ratio r = new Ratio(column, numerator, denominator);
        for (String key : r.numerator()) sums(key);
        for (String key : r.denominator()) sums(key);
        ratios.put(indexOf(column) >= 0 ? column : missing(column), r);
        return this;
    }

    /**
     * Declares columns whose values add up across rows (amounts, line counts), so a total or a cross-tab
     * may sum them. A count of distinct things (institutions) is not a sum: an institution counted in two
     * months is still one institution.
     */
    public Report sums(String... keys) {
        for (String key : keys) sums.add(indexOf(key) >= 0 ? key : missing(key));
        return this;
    }

    /**
     * The same report (command, parameters, assumptions, summary, warnings) with other columns and rows, as
     * a sort, filter or cross-tab makes it. Ratio and sum declarations are kept for the columns still there.
     * A field added to Report must be copied here too.
     */
    public Report reshaped(List<Column> newColumns, List<List<Object>> newRows) {
        Report r = new Report(command, newColumns);
        r.parameters.putAll(parameters);
        r.assumptions.putAll(assumptions);
        r.summary.addAll(summary);
        r.warnings.addAll(warnings);
        for (List<Object> row : newRows) r.row(row);
        for (String key : sums) if (r.indexOf(key) >= 0) r.sums.add(key);
        for (Ratio ratio : ratios.values()) {
            boolean all = r.indexOf(ratio.column()) >= 0
                    && ratio.numerator().stream().allMatch(k -> r.indexOf(k) >= 0)
                    && ratio.denominator().stream().allMatch(k -> r.indexOf(k) >= 0);
            if (all) r.ratios.put(ratio.column(), ratio);
        }
        return r;
    }

    /** The ratio definition of a column, if it has one. */
    public java.util.Optional<Ratio> ratioOf(String column) {
        return java.util.Optional.ofNullable(ratios.get(column));
    }

    /** Whether the column's values add up across rows (declared with {@link #sums}). */
    public boolean isSum(String column) {
        return sums.contains(column);
    }

    public Map<String, Ratio> ratios() { return Collections.unmodifiableMap(ratios); }

    public java.util.Set<String> sumColumns() { return Collections.unmodifiableSet(sums); }

    /** Position of column {@code key}, or -1. */
    public int indexOf(String key) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).key().equals(key)) return c;
        }
        return -1;
    }

    private static String missing(String key) {
        throw new IllegalArgumentException("no column " + key);
    }

    public String command() { return command; }
    public List<Column> columns() { return columns; }
    public Map<String, Object> parameters() { return Collections.unmodifiableMap(parameters); }
    public Map<String, Object> assumptions() { return Collections.unmodifiableMap(assumptions); }
    public List<List<Object>> rows() { return Collections.unmodifiableList(rows); }
    public List<SummaryItem> summary() { return Collections.unmodifiableList(summary); }
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }

    /** The value of column {@code key} in row {@code row}; for tests and for commands that post-process. */
    public Object value(int row, String key) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).key().equals(key)) return rows.get(row).get(c);
        }
        throw new IllegalArgumentException("no column " + key);
    }

    /** The value of column {@code key} in {@code row}, a row of this report. */
    public Object valueIn(List<Object> row, String key) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).key().equals(key)) return row.get(c);
        }
        throw new IllegalArgumentException("no column " + key);
    }

    /**
     * A copy with only the rows {@code keep} accepts, and everything else (parameters, assumptions, summary,
     * warnings) as it is; the caller says what the summary now covers.
     */
    public Report withRows(java.util.function.Predicate<List<Object>> keep) {
        Report copy = new Report(command, columns);
        copy.parameters.putAll(parameters);
        copy.assumptions.putAll(assumptions);
        for (List<Object> row : rows) if (keep.test(row)) copy.rows.add(row);
        copy.summary.addAll(summary);
        copy.warnings.addAll(warnings);
        return copy;
    }

    /** The value of summary item {@code key}, which may be null (e.g. a rate with nothing to divide by). */
    public Object summaryValue(String key) {
        for (SummaryItem s : summary) {
            if (s.key().equals(key)) return s.value();
        }
        throw new IllegalArgumentException("no summary item " + key);
    }
}
