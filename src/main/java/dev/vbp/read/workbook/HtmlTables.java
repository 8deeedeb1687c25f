package dev.vbp.read.workbook;


import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML tables that provincial platforms export under a {@code .xls} name: every top-level
 * {@code <table>} is a sheet ({@code table1}, {@code table2}, ...), {@code <tr>} a row, {@code <td>}/{@code
 * <th>} a cell with its {@code rowspan}/{@code colspan} (a span over rows is filled down, as a merged range
 * is). Cell text is what a browser shows: tags dropped, entities decoded, runs of blanks one space,
 * {@code <br>} a line break. Such pages are small; the file is read whole (UTF-8 or GB18030, detected).
 */
final class HtmlTables {
    private HtmlTables() {}

    private static final Map<String, String> ENTITIES = Map.of("nbsp", " ", "amp", "&", "lt", "<", "gt", ">",
            "quot", "\"", "apos", "'", "yen", "¥", "times", "×", "middot", "·", "ensp", " ");

    static SheetCsv convert(Path file, SheetChoice choice, OutputStream out) {
        String source = file.toString();
        String html;
        try {
            html = decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new WorkbookException(source + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        List<Table> tables = parse(html);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) names.add("table" + (i + 1));
        if (tables.isEmpty()) throw new WorkbookException(source + ": an HTML page without a <table>; expected a table of rows");
        int index = choice.pick(names, source);
        Table t = tables.get(index);
        SheetCsvWriter writer = new SheetCsvWriter(out, t.width, t.spans);
        for (int r = 0; r < t.rows.size(); r++) {
            String[] cells = t.rows.get(r);
            writer.row(r, cells, cells.length);
        }
        return new SheetCsv(file, WorkbookFormat.HTML, names.get(index), List.copyOf(names), writer.rows(), writer.records());
    }

    /**
     * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030, the superset of the GBK and
     * GB2312 such pages declare.
     */
    static String decode(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, from, bytes.length - from, java.nio.charset.Charset.forName("GB18030"));
        }
    }

    /** One table laid out on a grid. */
    static final class Table {
        final List<String[]> rows = new ArrayList<>();
        final List<Region> spans = new ArrayList<>();
        int width;
        /** column → last row a rowspan above still covers */
        private final Map<Integer, Integer> coveredUntil = new HashMap<>();
        private List<String> current;
        private int column;

        void startRow() {
            endRow();
            current = new ArrayList<>();
            column = 0;
        }

        void cell(String text, int rowspan, int colspan) {
            if (current == null) startRow();
            int r = rows.size();
            while (coveredUntil.getOrDefault(column, -1) >= r) {
                set(column, null);
                column++;
            }
            set(column, text);
            for (int c = 1; c < colspan; c++) set(column + c, null);
            if (rowspan > 1 || colspan > 1) spans.add(new Region(r, column, r + rowspan - 1, column + colspan - 1));
            if (rowspan > 1) for (int c = 0; c < colspan; c++) coveredUntil.put(column + c, r + rowspan - 1);
            column += colspan;
        }

        private void set(int c, String text) {
            while (current.size() <= c) current.add(null);
            current.set(c, text);
        }

        void endRow() {
            if (current == null) return;
            rows.add(current.toArray(new String[0]));
            width = Math.max(width, current.size());
            current = null;
        }
    }

    static List<Table> parse(String html) {
        List<Table> tables = new ArrayList<>();
        Table table = null;
        int depth = 0;               // of <table> nesting
        StringBuilder cell = null;   // text of the open cell
        int rowspan = 1, colspan = 1;
        int i = 0, n = html.length();
        while (i < n) {
            char ch = html.charAt(i);
            if (ch != '<') {
                int next = html.indexOf('<', i);
                if (next < 0) next = n;
                if (cell != null) cell.append(decode(html.substring(i, next)));
                i = next;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int end = tagEnd(html, i);
            String tag = html.substring(i + 1, end).trim();
            i = end + 1;
            boolean closing = tag.startsWith("/");
            String name = tagName(closing ? tag.substring(1) : tag);
            if (name.equals("script") || name.equals("style")) {
                if (!closing) {
                    int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                    i = close < 0 ? n : close;
                }
                continue;
            }
            if (name.equals("table")) {
                if (!closing) {
                    if (depth == 0) {
                        table = new Table();
                        tables.add(table);
                    }
                    depth++;
                } else if (depth > 0) {
                    depth--;
                    if (depth == 0 && table != null) {
                        if (cell != null) table.cell(text(cell), rowspan, colspan);
                        cell = null;
                        table.endRow();
                    }
                }
                continue;
            }
            if (depth != 1 || table == null) {
                if (cell != null && name.equals("br")) cell.append('\n');
                else if (cell != null && depth > 1 && (name.equals("td") || name.equals("th")) && !closing) cell.append(' ');
                continue;
            }
            switch (name) {
                case "tr" -> {
                    if (cell != null) table.cell(text(cell), rowspan, colspan);
                    cell = null;
                    if (closing) table.endRow();
                    else table.startRow();
                }
                case "td", "th" -> {
                    if (cell != null) table.cell(text(cell), rowspan, colspan);
                    cell = null;
                    if (!closing) {
                        cell = new StringBuilder();
                        rowspan = span(tag, "rowspan");
                        colspan = span(tag, "colspan");
                    }
                }
                case "br" -> {
                    if (cell != null) cell.append('\n');
                }
                case "p", "div" -> {
                    if (cell != null && closing) cell.append('\n');
                }
                default -> { }
            }
        }
        if (table != null && depth > 0) {
            if (cell != null) table.cell(text(cell), rowspan, colspan);
            table.endRow();
        }
        return tables;
    }

    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return html.length() - 1;
    }

    private static String tagName(String tag) {
        int i = 0;
        while (i < tag.length() && (Character.isLetterOrDigit(tag.charAt(i)) || tag.charAt(i) == ':')) i++;
        String name = tag.substring(0, i).toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static int span(String tag, String attribute) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b" + attribute + "\\s*=\\s*[\"']?\\s*([0-9]+)").matcher(tag);
        if (!m.find()) return 1;
        try {
            return Math.max(1, Math.min(10_000, Integer.parseInt(m.group(1))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Blank runs to one space, trimmed, line breaks from {@code <br>} kept. */
    private static String text(StringBuilder cell) {
        StringBuilder b = new StringBuilder(cell.length());
        boolean space = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\n') {
                while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') b.setLength(b.length() - 1);
                b.append('\n');
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                space = b.length() > 0 && b.charAt(b.length() - 1) != '\n';
            } else {
                if (space) b.append(' ');
                space = false;
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    private static String decode(String text) {
        // Source line breaks are blanks in HTML; only <br> breaks a line, so they become spaces here.
        String t = text.replace('\n', ' ');
        if (t.indexOf('&') < 0) return t;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int semi = c == '&' ? t.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String e = t.substring(i + 1, semi);
                String r = null;
                if (e.startsWith("#x") || e.startsWith("#X")) r = codePoint(e.substring(2), 16);
                else if (e.startsWith("#")) r = codePoint(e.substring(1), 10);
                else r = ENTITIES.get(e.toLowerCase(Locale.ROOT));
                if (r != null) {
                    b.append(r);
                    i = semi;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String codePoint(String digits, int radix) {
        try {
            return new String(Character.toChars(Integer.parseInt(digits, radix)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
