package dev.vbp.read.workbook;

/** A merged range of cells, 0-based and inclusive ({@code B3:B7} is rows 2–6 of column 1). */
record Region(int firstRow, int firstColumn, int lastRow, int lastColumn) {

    /** {@code B3:B7}, {@code $B$3:$B$7} or a single cell {@code B3}; null when it is not a cell range. */
    static Region parse(String ref) {
        if (ref == null) return null;
        int colon = ref.indexOf(':');
        String from = colon < 0 ? ref : ref.substring(0, colon);
        String to = colon < 0 ? ref : ref.substring(colon + 1);
        int r1 = CellText.rowOf(from), c1 = CellText.columnOf(from), r2 = CellText.rowOf(to), c2 = CellText.columnOf(to);
        if (r1 < 0 || c1 < 0 || r2 < 0 || c2 < 0) return null;
        return new Region(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2));
    }

    /**
     * Whether the top-left value belongs to every cell. A range over several rows (a generic name written
     * once for the rows of its products) does; a range within one row (a title across the sheet, a header
     * over two columns) is one label, kept in its first cell only.
     */
    boolean fillsDown() {
        return lastRow > firstRow;
    }
}
