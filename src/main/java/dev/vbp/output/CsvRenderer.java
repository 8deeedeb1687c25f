package dev.vbp.output;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * The CSV format (RFC 4180): a header row of column keys (snake_case, never translated), then one record
 * per report row. <b>Only the rows are written</b>: the summary, warnings, parameters and assumptions have
 * no place in a rectangular file; use {@code --format json} to get them with the rows (the commands also
 * print warnings on stderr).
 *
 * <p>Money is rounded half-up once to two decimals (unit prices to four) unless the precision is
 * {@link Precision#FULL}; every other value is written as the report holds it: numbers as plain decimals with
 * their scale ({@code 141.1333}, {@code 1E+3 → 1000}), ratios as plain numbers in 0–1 ({@code 0.52154}),
 * dates ISO ({@code 2024-01-31}), months {@code 2024-01},
 * flags and booleans as {@code y}/{@code n} (the way the input files write them, so an output can be read
 * back as an input), enums by lowercase name, null as an empty field.
 *
 * <p>Fields holding a comma, a double quote, CR or LF are quoted, with inner quotes doubled; a record that
 * would otherwise be an empty line (one column, empty value) is written as {@code ""}. Lines end with
 * {@code \n}. To keep spreadsheets from running data as formulas, a TEXT or CODE value starting with
 * {@code = + - @}, tab or CR gets a leading {@code '}; numbers are never altered, so {@code -12.5} stays.
 * With {@code excelBom} the output starts with U+FEFF, which Excel needs to open UTF-8 Chinese text. With a
 * {@code headerLang} the header row holds the columns' titles in that language instead of their keys, for a
 * person opening the file; a script should keep the keys.
 */
public final class CsvRenderer implements Renderer {

    private final boolean excelBom;
    private final Precision precision;
    private final Lang headerLang;

    public CsvRenderer(boolean excelBom) {
        this(excelBom, Precision.ROUNDED);
    }

    public CsvRenderer(boolean excelBom, Precision precision) {
        this(excelBom, precision, null);
    }

    /** @param headerLang the language of the header row's titles; null for the column keys */
    public CsvRenderer(boolean excelBom, Precision precision, Lang headerLang) {
        this.excelBom = excelBom;
        this.precision = java.util.Objects.requireNonNull(precision);
        this.headerLang = headerLang;
    }

    @Override
    public void render(Report report, PrintWriter out) {
        if (excelBom) out.print('\uFEFF');
        List<Column> columns = report.columns();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) line.append(',');
            appendField(line, headerLang == null ? columns.get(c).key() : columns.get(c).header(headerLang));
        }
        endRecord(out, line, columns.size());
        for (List<Object> row : report.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) line.append(',');
                appendField(line, field(precision.apply(row.get(c), columns.get(c).kind()), columns.get(c).kind()));
            }
            endRecord(out, line, columns.size());
        }
        out.flush();
    }

    /** The exact text of one value, before quoting. */
    static String field(Object value, ValueKind kind) {
        if (value == null) return "";
        if (value instanceof Boolean b) return b ? "y" : "n";
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof TemporalAccessor) return value.toString();
        BigDecimal number = DisplayText.decimal(value);
        if (number != null) return number.toPlainString();
        String text = DisplayText.text(value);
        if ((kind == ValueKind.TEXT || kind == ValueKind.CODE) && startsLikeFormula(text)) return "'" + text;
        return text;
    }

    private static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) return false;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static void appendField(StringBuilder line, String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char ch = text.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') line.append('"');
            line.append(ch);
        }
        line.append('"');
    }

    private static void endRecord(PrintWriter out, StringBuilder line, int fields) {
        // A lone empty field would print as a blank line, which readers skip as no record at all.
        if (fields == 1 && line.length() == 0) line.append("\"\"");
        line.append('\n');
        out.print(line);
        line.setLength(0);
    }
}
