package dev.vbp.output.view;

import dev.vbp.domain.Exact;
import dev.vbp.output.Column;
import dev.vbp.output.DisplayText;
import dev.vbp.output.Label;
import dev.vbp.output.Report;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.table.TableSlice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --pivot ROW,COLUMN,VALUE}: a cross-tab with one row per value of ROW, one column per value of
 * COLUMN (both in {@link NaturalOrder}), VALUE in the cells, and a total column and a total row.
 *
 * <p>Every cell and every total is computed from the report's rows that fall in it, never from other cells:
 * <ul>
 *   <li>a ratio column the report defines ({@link Report.Ratio}) is Σ numerator / Σ denominator of those
 *       rows, so the total of a rate is the rate of the totals, not a mean of rates;</li>
 *   <li>a column the report declares a sum is summed exactly;</li>
 *   <li>any other column can fill a cell only when one row falls in it (or all agree), and has no totals.</li>
 * </ul>
 * Tablesaw groups the row indices; the figures are the report's own exact decimals.
 */
final class Pivot {
    private Pivot() {}

    static Report apply(Report report, String spec, List<Integer> rows) {
        String[] parts = spec.split(",", -1);
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new ViewException("--pivot: expected ROW,COLUMN,VALUE (e.g. county,month,online_rate), found '" + spec + "'");
        }
        int r = ColumnNames.find(report, parts[0], "--pivot");
        int c = ColumnNames.find(report, parts[1], "--pivot");
        int v = ColumnNames.find(report, parts[2], "--pivot");
        if (r == c) throw new ViewException("--pivot: ROW and COLUMN must be different columns, both are " + report.columns().get(r).key());
        Column valueColumn = report.columns().get(v);
        Cell cell = cell(report, valueColumn);

        List<List<Object>> data = report.rows();
        var rowIndex = distinct(data, rows, r);
        var colIndex = distinct(data, rows, c);
        List<Object> rowValues = new ArrayList<>(rowIndex.keySet());
        List<Object> colValues = new ArrayList<>(colIndex.keySet());
        Table t = Table.create("pivot",
                IntColumn.create("row", rows.stream().mapToInt(Integer::intValue).toArray()),
                IntColumn.create("r", rows.stream().mapToInt(i -> rowIndex.get(data.get(i).get(r))).toArray()),
                IntColumn.create("c", rows.stream().mapToInt(i -> colIndex.get(data.get(i).get(c))).toArray()));
        Map<Long, List<Integer>> cells = new LinkedHashMap<>();
        for (TableSlice slice : t.splitOn("r", "c").getSlices()) {
            List<Integer> members = new ArrayList<>(slice.rowCount());
            int ri = -1, ci = -1;
            for (tech.tablesaw.api.Row row : slice) {
                members.add(row.getInt("row"));
                ri = row.getInt("r");
                ci = row.getInt("c");
            }
            cells.put((long) ri * colValues.size() + ci, members);
        }

        List<Column> columns = new ArrayList<>();
        columns.add(report.columns().get(r));
        for (Object value : colValues) {
            String name = DisplayText.format(value, report.columns().get(c).kind(), dev.vbp.output.Lang.EN);
            columns.add(new Column(name, name, name, valueColumn.kind()));
        }
        columns.add(new Column("total", "Total", "合计", valueColumn.kind()));
        List<List<Object>> out = new ArrayList<>();
        List<List<Integer>> byColumn = new ArrayList<>();
        for (int j = 0; j < colValues.size(); j++) byColumn.add(new ArrayList<>());
        for (int i = 0; i < rowValues.size(); i++) {
            List<Object> line = new ArrayList<>();
            line.add(rowValues.get(i));
            List<Integer> inRow = new ArrayList<>();
            for (int j = 0; j < colValues.size(); j++) {
                List<Integer> members = cells.getOrDefault((long) i * colValues.size() + j, List.of());
                line.add(members.isEmpty() ? null : cell.of(members, rowValues.get(i), colValues.get(j)));
                inRow.addAll(members);
                byColumn.get(j).addAll(members);
            }
            line.add(cell.total(inRow));
            out.add(line);
        }
        List<Object> totals = new ArrayList<>();
        totals.add(new Label("Total", "合计"));
        for (List<Integer> members : byColumn) totals.add(cell.total(members));
        totals.add(cell.total(rows));
        out.add(totals);

        Report pivoted = report.reshaped(columns, out);
        pivoted.parameter("pivot", List.of(report.columns().get(r).key(), report.columns().get(c).key(), valueColumn.key()));
        if (!cell.hasTotals()) {
            pivoted.warning("--pivot: " + valueColumn.key() + " is neither a sum nor a ratio of sums, so its totals are left out");
        } else if (report.ratioOf(valueColumn.key()).isPresent()) {
            Report.Ratio ratio = report.ratioOf(valueColumn.key()).get();
            pivoted.assumption("pivot_totals", valueColumn.key() + " totals = Σ " + String.join(" + ", ratio.numerator())
                    + " / Σ (" + String.join(" + ", ratio.denominator()) + ") of the rows in each total, not a mean of rates");
        }
        return pivoted;
    }

    /** How the values of some rows become one cell. */
    private interface Cell {
        Object of(List<Integer> rows, Object rowValue, Object colValue);

        Object total(List<Integer> rows);

        boolean hasTotals();
    }

    private static Cell cell(Report report, Column value) {
        List<List<Object>> data = report.rows();
        var ratio = report.ratioOf(value.key());
        if (ratio.isPresent()) {
            int[] num = ratio.get().numerator().stream().mapToInt(report::indexOf).toArray();
            int[] den = ratio.get().denominator().stream().mapToInt(report::indexOf).toArray();
            return new Cell() {
                public Object of(List<Integer> rows, Object rv, Object cv) { return total(rows); }

                public Object total(List<Integer> rows) {
                    BigDecimal n = sum(data, rows, num), d = sum(data, rows, den);
                    return n == null || d == null || d.signum() == 0 ? null : Exact.ratio(Exact.divide(n, d));
                }

                public boolean hasTotals() { return true; }
            };
        }
        int v = report.indexOf(value.key());
        if (report.isSum(value.key())) {
            return new Cell() {
                public Object of(List<Integer> rows, Object rv, Object cv) { return total(rows); }

                public Object total(List<Integer> rows) {
                    boolean integral = rows.stream().allMatch(i -> !(data.get(i).get(v) instanceof BigDecimal));
                    BigDecimal s = sum(data, rows, new int[] {v});
                    return s == null ? null : integral ? (Object) s.longValueExact() : s;
                }

                public boolean hasTotals() { return true; }
            };
        }
        return new Cell() {
            public Object of(List<Integer> rows, Object rv, Object cv) {
                Object first = data.get(rows.get(0)).get(v);
                for (int i : rows) {
                    if (NaturalOrder.INSTANCE.compare(first, data.get(i).get(v)) != 0) {
                        throw new ViewException("--pivot: " + rows.size() + " rows fall in the cell (" + NaturalOrder.text(rv) + ", "
                                + NaturalOrder.text(cv) + ") and " + value.key() + " is neither a sum nor a ratio of sums;"
                                + " pivot on a report whose rows are unique by ROW and COLUMN, or narrow it with --where");
                    }
                }
                return first;
            }

            public Object total(List<Integer> rows) { return null; }

            public boolean hasTotals() { return false; }
        };
    }

    /** Σ of the given columns over the given rows; null when every value is missing. */
    private static BigDecimal sum(List<List<Object>> data, List<Integer> rows, int[] columns) {
        BigDecimal s = null;
        for (int i : rows) {
            for (int c : columns) {
                Object value = data.get(i).get(c);
                BigDecimal d = value instanceof BigDecimal b ? b : value instanceof Number n ? BigDecimal.valueOf(n.longValue()) : null;
                if (d != null) s = s == null ? d : s.add(d);
            }
        }
        return s;
    }

    /** The distinct values of column {@code c} among {@code rows}, in natural order, with their positions. */
    private static java.util.NavigableMap<Object, Integer> distinct(List<List<Object>> data, List<Integer> rows, int c) {
        java.util.TreeMap<Object, Integer> values = new java.util.TreeMap<>(NaturalOrder.INSTANCE);
        for (int i : rows) values.put(data.get(i).get(c), 0);
        int k = 0;
        for (var e : values.entrySet()) e.setValue(k++);
        return values;
    }
}
