package dev.vbp.output.view;

import dev.vbp.output.Column;
import dev.vbp.output.Report;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the user asked to see of a report, applied between the analysis and the renderer, in this order:
 * {@code --where} keeps matching rows, {@code --pivot} cross-tabulates them, {@code --sort} orders the rows
 * (a leading {@code -} sorts descending; missing values last either way; ties keep the report's order),
 * {@code --top} keeps the first N, {@code --columns} picks and orders columns.
 *
 * <p>Tablesaw holds only row indices and integer ranks worked out with {@link NaturalOrder}: it filters,
 * sorts and groups the indices, and the rows shown are the report's own, exact values. The summary is the
 * analysis's and covers every row; when rows are left out a warning says so.
 *
 * @param sort    column keys, each optionally prefixed with {@code -}; empty = the report's order
 * @param top     rows to keep, or null for all
 * @param columns column keys to show, in this order; empty = all
 * @param where   comparisons joined by {@code and} (see {@link Where}), or null
 * @param pivot   {@code ROW,COLUMN,VALUE} (see {@link Pivot}), or null
 */
public record ReportView(List<String> sort, Integer top, List<String> columns, String where, String pivot) {

    public static final ReportView NONE = new ReportView(List.of(), null, List.of(), null, null);

    public ReportView {
        sort = sort == null ? List.of() : List.copyOf(sort);
        columns = columns == null ? List.of() : List.copyOf(columns);
        if (top != null && top < 0) throw new ViewException("--top must be 0 or more, not " + top);
        if (where != null && where.isBlank()) where = null;
        if (pivot != null && pivot.isBlank()) pivot = null;
    }

    /** True when the report is shown as the analysis made it. */
    public boolean isIdentity() {
        return sort.isEmpty() && top == null && columns.isEmpty() && where == null && pivot == null;
    }

    public Report apply(Report report) {
        if (isIdentity()) return report;
        int total = report.rows().size();
        List<Integer> rows = new ArrayList<>(total);
        for (int i = 0; i < total; i++) rows.add(i);
        Map<String, Object> asked = new LinkedHashMap<>();

        if (where != null) {
            Predicate<List<Object>> test = Where.parse(where, report);
            Selection keep = new BitmapBackedSelection();
            for (int i = 0; i < total; i++) if (test.test(report.rows().get(i))) keep.add(i);
            rows = indices(table(rows).where(keep));
            asked.put("where", where);
        }
        Report current = report;
        int kept = rows.size();
        if (pivot != null) {
            current = Pivot.apply(report, pivot, rows);
            rows = new ArrayList<>();
            // The total row stays last whatever the sort.
            for (int i = 0; i < current.rows().size() - 1; i++) rows.add(i);
        }
        if (!sort.isEmpty()) {
            rows = sorted(current, rows);
            asked.put("sort", sort);
        }
        if (top != null) {
            rows = indices(table(rows).first(top));
            asked.put("top", top);
        }
        if (pivot != null) rows.add(current.rows().size() - 1);

        List<Integer> shown = new ArrayList<>();
        if (columns.isEmpty()) {
            for (int c = 0; c < current.columns().size(); c++) shown.add(c);
        } else {
            for (String name : columns) {
                int c = ColumnNames.find(current, name, "--columns");
                if (!shown.contains(c)) shown.add(c);
            }
            asked.put("columns", columnsOf(current, shown));
        }
        List<Column> cols = shown.stream().map(current.columns()::get).toList();
        List<List<Object>> data = new ArrayList<>(rows.size());
        for (int i : rows) {
            List<Object> source = current.rows().get(i);
            List<Object> line = new ArrayList<>(shown.size());
            for (int c : shown) line.add(source.get(c));
            data.add(line);
        }
        Report out = current.reshaped(cols, data);
        asked.forEach(out::parameter);
        int visible = pivot != null ? kept : rows.size();
        if (visible < total && !report.summary().isEmpty()) {
            out.warning("the summary covers all " + total + " rows of the report; " + visible + " "
                    + (visible == 1 ? "is" : "are") + " shown (" + String.join(", ", asked.keySet().stream()
                    .filter(k -> k.equals("where") || k.equals("top")).map(k -> "--" + k).toList()) + ")");
        }
        return out;
    }

    private static List<String> columnsOf(Report report, List<Integer> shown) {
        return shown.stream().map(c -> report.columns().get(c).key()).toList();
    }

    /** Rows ordered by the sort keys: each key becomes an integer rank column, the row index breaks ties. */
    private List<Integer> sorted(Report report, List<Integer> rows) {
        Table t = table(rows);
        List<String> order = new ArrayList<>();
        for (String key : sort) {
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key.startsWith("+") ? key.substring(1) : key;
            int c = ColumnNames.find(report, name, "--sort");
            String rank = "k" + order.size();
            t.addColumns(IntColumn.create(rank, ranks(report, rows, c, descending)));
            order.add(rank);
        }
        order.add("row");
        return indices(t.sortAscendingOn(order.toArray(String[]::new)));
    }

    /** Dense ranks of column {@code c} over {@code rows} in natural order (reversed if descending), missing last. */
    private static int[] ranks(Report report, List<Integer> rows, int c, boolean descending) {
        Comparator<Object> order = descending ? (a, b) -> {
            if (a == null || b == null) return NaturalOrder.INSTANCE.compare(a, b);
            return NaturalOrder.INSTANCE.compare(b, a);
        } : NaturalOrder.INSTANCE;
        java.util.TreeMap<Object, Integer> ranks = new java.util.TreeMap<>(order);
        for (int i : rows) ranks.put(report.rows().get(i).get(c), 0);
        int k = 0;
        for (var e : ranks.entrySet()) e.setValue(k++);
        int[] out = new int[rows.size()];
        for (int j = 0; j < rows.size(); j++) out[j] = ranks.get(report.rows().get(rows.get(j)).get(c));
        return out;
    }

    private static Table table(List<Integer> rows) {
        return Table.create("rows", IntColumn.create("row", rows.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static List<Integer> indices(Table t) {
        IntColumn column = t.intColumn("row");
        List<Integer> out = new ArrayList<>(column.size());
        for (int i = 0; i < column.size(); i++) out.add(column.getInt(i));
        return out;
    }
}
