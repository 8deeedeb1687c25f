package dev.vbp.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One accepted row of a dataset: typed values in the dataset's field order (null where the file has no such
 * column or the cell is empty), and the physical line it started on.
 */
public final class Row {
    private final Dataset dataset;
    private final Object[] values;
    private final String source;
    private final long line;

    public Row(Dataset dataset, Object[] values, String source, long line) {
        this.dataset = dataset;
        this.values = values;
        this.source = source;
        this.line = line;
    }

    public Dataset dataset() { return dataset; }
    public String source() { return source; }
    public long line() { return line; }

    /** {@code file:line}, for messages about this row. */
    public String where() { return source + ":" + line; }

    public Object get(String field) { return values[dataset.indexOf(field)]; }
    public Object get(int field) { return values[field]; }

    public String text(String field) { return (String) get(field); }
    public BigDecimal decimal(String field) { return (BigDecimal) get(field); }
    public Integer integer(String field) { return (Integer) get(field); }
    public LocalDate date(String field) { return (LocalDate) get(field); }
    public Boolean flag(String field) { return (Boolean) get(field); }

    @SuppressWarnings("unchecked")
    public <T> T as(String field, Class<T> type) { return (T) get(field); }

    /** The same values, placed elsewhere (a workbook row: the sheet as source, the sheet row as line). */
    public Row at(String otherSource, long otherLine) { return new Row(dataset, values, otherSource, otherLine); }

    public int size() { return values.length; }

    /** This row with its old product and drug codes replaced by their current ones; itself when none is old. */
    public Row withCurrentCodes(dev.vbp.domain.Codes.CodeMap map) {
        Object[] copy = null;
        for (int f = 0; f < values.length; f++) {
            if (values[f] instanceof String code && dataset.fields().get(f).isProductCode() && map.isOld(code)) {
                if (copy == null) copy = values.clone();
                copy[f] = map.translate(code);
            }
        }
        return copy == null ? this : new Row(dataset, copy, source, line);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.dataset == dataset && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(values); }

    @Override
    public String toString() { return where() + " " + Arrays.toString(values); }
}
