package dev.vbp.read.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A first, fast pass over a worksheet's XML: how wide the sheet is, and its merged ranges, which the
 * format stores after all the rows. It looks at tags only (no XML parser, no text), so reading the sheet
 * twice costs little more than inflating it twice.
 */
final class SheetShape {
    final List<Region> merged = new ArrayList<>();
    /** 1 + the highest 0-based column that holds a cell or a merged range. */
    int width;

    private final byte[] buf = new byte[1 << 16];
    private int pos, lim;
    private InputStream in;
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder attr = new StringBuilder();
    private final StringBuilder value = new StringBuilder();

    static SheetShape of(InputStream in) throws IOException {
        SheetShape s = new SheetShape();
        s.in = in;
        s.scan();
        return s;
    }

    private int next() throws IOException {
        if (pos == lim) {
            lim = in.read(buf, 0, buf.length);
            pos = 0;
            if (lim <= 0) {
                lim = 0;
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    private void scan() throws IOException {
        int column = -1; // of the last cell in the current row
        int c;
        while ((c = next()) >= 0) {
            if (c != '<') continue;
            name.setLength(0);
            while ((c = next()) >= 0 && c != ' ' && c != '>' && c != '/' && c != '\t' && c != '\r' && c != '\n') {
                name.append((char) c);
                if (c == ':') name.setLength(0); // drop a namespace prefix (x:c)
            }
            if (c < 0) return;
            String tag = name.toString();
            boolean cell = tag.equals("c"), row = tag.equals("row"), merge = tag.equals("mergeCell");
            if (!cell && !row && !merge) {
                if (c != '>') skipTag();
                continue;
            }
            String ref = c == '>' || c == '/' ? null : attribute(cell || row ? "r" : "ref");
            if (row) {
                column = -1;
            } else if (cell) {
                column = ref != null ? CellText.columnOf(ref) : column + 1;
                width = Math.max(width, column + 1);
            } else {
                Region r = Region.parse(ref);
                if (r != null) {
                    merged.add(r);
                    width = Math.max(width, r.lastColumn() + 1);
                }
            }
        }
    }

    /** Reads the attributes up to the end of the tag and returns the one named {@code wanted}. */
    private String attribute(String wanted) throws IOException {
        String found = null;
        int c;
        while (true) {
            attr.setLength(0);
            while ((c = next()) >= 0 && c != '=' && c != '>') {
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/') continue;
                attr.append((char) c);
                if (c == ':') attr.setLength(0);
            }
            if (c != '=') return found;
            int quote;
            while ((quote = next()) >= 0 && quote != '"' && quote != '\'') { /* blanks before the value */ }
            if (quote < 0) return found;
            value.setLength(0);
            while ((c = next()) >= 0 && c != quote) value.append((char) c);
            if (c < 0) return found;
            if (attr.toString().equals(wanted)) found = value.toString();
        }
    }

    private void skipTag() throws IOException {
        int c, quote = 0;
        while ((c = next()) >= 0) {
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return;
            }
        }
    }
}
