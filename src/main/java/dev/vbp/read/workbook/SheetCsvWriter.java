package dev.vbp.read.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Writes the rows of one sheet as CSV (UTF-8, comma, RFC 4180 quoting, {@code \n} between records), every
 * record as wide as the sheet, so both reading stacks take a workbook exactly as they take a file. Rows come
 * in ascending order; a row with no value of its own is left out (styled but empty rows, rows that only a
 * merged range reaches). Values of ranges merged over several rows are written into every cell of the range.
 */
final class SheetCsvWriter {
    private final OutputStream out;
    private final int width;
    private final List<Region> pending;    // by first row, not reached yet
    private final List<Region> active = new ArrayList<>();
    private final List<String> activeValues = new ArrayList<>();
    private final RowMap rows = new RowMap();
    private String[] cells;
    private long records;

    SheetCsvWriter(OutputStream out, int width, List<Region> merged) {
        this.out = out;
        this.width = Math.max(1, width);
        this.cells = new String[this.width];
        this.pending = new ArrayList<>(merged.stream().filter(Region::fillsDown)
                .sorted(Comparator.comparingInt(Region::firstRow)).toList());
    }

    /**
     * One sheet row. {@code values} is indexed by 0-based column (null or "" = empty); it may be shorter
     * than the sheet and is not kept.
     */
    void row(int sheetRow, String[] values, int count) {
        // Ranges that start at or above this row begin here: their value is the top-left cell's.
        Iterator<Region> it = pending.iterator();
        while (it.hasNext()) {
            Region r = it.next();
            if (r.firstRow() > sheetRow) break;
            it.remove();
            if (r.lastRow() < sheetRow) continue; // a range over rows that were all empty
            String v = r.firstRow() == sheetRow && r.firstColumn() < count ? values[r.firstColumn()] : null;
            active.add(r);
            activeValues.add(v);
        }
        boolean own = false;
        int n = Math.max(width, count); // a row wider than the sheet said keeps its cells (and is rejected as too wide)
        if (n > cells.length) cells = new String[n];
        Arrays.fill(cells, null);
        for (int c = 0; c < count; c++) {
            String v = values[c];
            if (v != null && !v.isEmpty()) {
                cells[c] = v;
                own |= !v.isBlank();
            }
        }
        for (int i = active.size() - 1; i >= 0; i--) {
            Region r = active.get(i);
            if (r.lastRow() < sheetRow) {
                active.remove(i);
                activeValues.remove(i);
                continue;
            }
            String v = activeValues.get(i);
            for (int c = r.firstColumn(); c <= Math.min(r.lastColumn(), cells.length - 1); c++) cells[c] = v;
        }
        if (!own) return;
        write(sheetRow + 1, cells, n);
    }

    private void write(long sheetRow, String[] values, int count) {
        int newlines = 0;
        try {
            for (int c = 0; c < count; c++) {
                if (c > 0) out.write(',');
                String v = values[c];
                if (v == null || v.isEmpty()) continue;
                boolean quote = false;
                for (int i = 0; i < v.length() && !quote; i++) {
                    char ch = v.charAt(i);
                    quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
                }
                for (int i = 0; i < v.length(); i++) if (v.charAt(i) == '\n') newlines++;
                if (quote) {
                    out.write('"');
                    out.write(v.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8));
                    out.write('"');
                } else {
                    out.write(v.getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.record(sheetRow, 1 + newlines);
        records++;
    }

    RowMap rows() {
        return rows;
    }

    long records() {
        return records;
    }
}
