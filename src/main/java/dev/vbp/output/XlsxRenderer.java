package dev.vbp.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The xlsx format, written by POI's streaming SXSSF writer (a window of rows in memory, the rest on disk).
 * A workbook per report holds three sheets: the rows, the summary, and the parameters, assumptions and
 * warnings. {@link #write(List, OutputStream)} writes several reports into one workbook, a rows sheet per
 * section, then one summary sheet and one notes sheet for all.
 *
 * <p>The rows sheet equals the CSV output cell for cell: the same header (column keys) and, per row, the
 * same value, typed so a spreadsheet reinterprets nothing:
 * <ul>
 *   <li>MONEY and UNIT_PRICE: numbers with the precision's decimals ({@link Precision}), shown
 *       {@code #,##0.00} / {@code #,##0.0000};</li>
 *   <li>RATIO: the number in 0–1, shown as a percentage {@code 0.00%};</li>
 *   <li>INTEGER, DECIMAL: numbers ({@code #,##0} / General);</li>
 *   <li>DATE: a date cell shown {@code yyyy-mm-dd};</li>
 *   <li>CODE, TEXT, MONTH, FLAG ({@code y}/{@code n}) and any value whose type does not fit its kind: text
 *       cells, so leading zeros and long codes stay as they are;</li>
 *   <li>null: no cell.</li>
 * </ul>
 * Text is only ever written as a string cell, never a formula, so no cell text can run as one; text that
 * starts like a formula also gets the quote-prefix style, so editing the cell in Excel keeps it text. (CSV
 * marks such text with a leading {@code '} instead; here the cell holds the text itself.) The header row
 * is frozen and carries an auto-filter. Sheet names and labels follow the language.
 */
public final class XlsxRenderer implements Renderer {

    /** One report of a workbook with several, and the name of its rows sheet. */
    public record Part(String sheetName, Report report) {}

    private static final int MAX_COLUMN_CHARS = 60;
    private static final int WIDTH_SAMPLE_ROWS = 500;

    private final Lang lang;
    private final Precision precision;

    public XlsxRenderer(Lang lang, Precision precision) {
        this.lang = Objects.requireNonNull(lang);
        this.precision = Objects.requireNonNull(precision);
    }

    @Override
    public boolean binary() {
        return true;
    }

    /** A workbook is bytes; there is no text form to print. */
    @Override
    public void render(Report report, PrintWriter out) {
        throw new UnsupportedOperationException("xlsx is written to a byte stream, not a text writer");
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(List.of(new Part(lang.pick("rows", "数据"), report)), out);
    }

    /** One workbook: a rows sheet per part, then a summary sheet and a notes sheet covering all parts. */
    public void write(List<Part> parts, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(workbook);
            Set<String> used = new HashSet<>();
            for (Part part : parts) {
                rowsSheet(workbook.createSheet(sheetName(part.sheetName(), used)), part.report(), styles);
            }
            summarySheet(workbook.createSheet(sheetName(lang.pick("summary", "汇总"), used)), parts, styles);
            notesSheet(workbook.createSheet(sheetName(lang.pick("assumptions and warnings", "假设与警告"), used)), parts, styles);
            workbook.write(out);
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private void rowsSheet(Sheet sheet, Report report, Styles styles) {
        List<Column> columns = report.columns();
        Row header = sheet.createRow(0);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            text(header.createCell(c), columns.get(c).key(), styles.header);
            widths[c] = DisplayWidth.of(columns.get(c).key());
        }
        int r = 1;
        for (List<Object> values : report.rows()) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < columns.size(); c++) {
                Object value = values.get(c);
                if (value == null) continue;
                ValueKind kind = columns.get(c).kind();
                typed(row.createCell(c), precision.apply(value, kind), kind, styles);
                if (r <= WIDTH_SAMPLE_ROWS) widths[c] = Math.max(widths[c], DisplayWidth.of(DisplayText.format(value, kind, lang)));
            }
            r++;
        }
        finish(sheet, widths, columns.size(), r);
    }

    private void summarySheet(Sheet sheet, List<Part> parts, Styles styles) {
        boolean many = parts.size() > 1;
        List<String> headers = new ArrayList<>();
        if (many) headers.add(lang.pick("section", "部分"));
        headers.addAll(List.of("key", lang.pick("item", "项目"), lang.pick("value", "值")));
        int[] widths = header(sheet, headers, styles);
        int r = 1;
        for (Part part : parts) {
            for (Report.SummaryItem item : part.report().summary()) {
                Row row = sheet.createRow(r++);
                int c = 0;
                if (many) c = put(row, c, part.sheetName(), styles, widths);
                c = put(row, c, item.key(), styles, widths);
                c = put(row, c, item.label(lang), styles, widths);
                if (item.value() != null) {
                    typed(row.createCell(c), precision.apply(item.value(), item.kind()), item.kind(), styles);
                    widths[c] = Math.max(widths[c], DisplayWidth.of(DisplayText.format(item.value(), item.kind(), lang)));
                }
            }
        }
        finish(sheet, widths, headers.size(), r);
    }

    private void notesSheet(Sheet sheet, List<Part> parts, Styles styles) {
        boolean many = parts.size() > 1;
        List<String> headers = new ArrayList<>();
        if (many) headers.add(lang.pick("section", "部分"));
        headers.addAll(List.of(lang.pick("kind", "类型"), "key", lang.pick("value", "值")));
        int[] widths = header(sheet, headers, styles);
        int r = 1;
        for (Part part : parts) {
            Report report = part.report();
            for (Map.Entry<String, Object> e : report.parameters().entrySet()) {
                r = note(sheet, r, many ? part.sheetName() : null, lang.pick("parameter", "参数"), e.getKey(), e.getValue(), styles, widths);
            }
            for (Map.Entry<String, Object> e : report.assumptions().entrySet()) {
                r = note(sheet, r, many ? part.sheetName() : null, lang.pick("assumption", "假设"), e.getKey(),
                        Texts.sentence(DisplayText.plain(e.getValue()), lang), styles, widths);
            }
            for (String warning : report.warnings()) {
                r = note(sheet, r, many ? part.sheetName() : null, lang.pick("warning", "警告"), "", Texts.sentence(warning, lang), styles, widths);
            }
        }
        finish(sheet, widths, headers.size(), r);
    }

    private static int note(Sheet sheet, int r, String section, String kind, String key, Object value, Styles styles, int[] widths) {
        Row row = sheet.createRow(r);
        int c = 0;
        if (section != null) c = put(row, c, section, styles, widths);
        c = put(row, c, kind, styles, widths);
        c = put(row, c, key, styles, widths);
        put(row, c, DisplayText.plain(value), styles, widths);
        return r + 1;
    }

    private static int[] header(Sheet sheet, List<String> headers, Styles styles) {
        Row row = sheet.createRow(0);
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            text(row.createCell(c), headers.get(c), styles.header);
            widths[c] = DisplayWidth.of(headers.get(c));
        }
        return widths;
    }

    private static int put(Row row, int c, String text, Styles styles, int[] widths) {
        text(row.createCell(c), text, styles);
        widths[c] = Math.max(widths[c], DisplayWidth.of(text));
        return c + 1;
    }

    private static void finish(Sheet sheet, int[] widths, int columns, int rows) {
        for (int c = 0; c < columns; c++) {
            // Width in 1/256 of a character; display width already counts CJK as two.
            sheet.setColumnWidth(c, (Math.min(MAX_COLUMN_CHARS, widths[c]) + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (columns > 0) sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    /** One value as a typed cell; see the class comment for the rules. */
    private static void typed(Cell cell, Object value, ValueKind kind, Styles styles) {
        BigDecimal number = value instanceof Boolean ? null : DisplayText.decimal(value);
        switch (kind) {
            case MONEY, UNIT_PRICE, RATIO, INTEGER, DECIMAL -> {
                if (number == null) {
                    text(cell, DisplayText.text(value), styles);
                } else {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(styles.number.get(kind));
                }
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.date);
                } else if (value instanceof LocalDateTime t) {
                    cell.setCellValue(t);
                    cell.setCellStyle(styles.dateTime);
                } else {
                    text(cell, DisplayText.text(value), styles);
                }
            }
            default -> {
                if (value instanceof Boolean b) text(cell, b ? "y" : "n", styles);
                else text(cell, number != null ? number.toPlainString() : DisplayText.text(value), styles);
            }
        }
    }

    private static void text(Cell cell, String text, Styles styles) {
        text(cell, text, startsLikeFormula(text) ? styles.quoted : styles.text);
    }

    private static void text(Cell cell, String text, CellStyle style) {
        // A string cell is never evaluated; the style only keeps Excel from re-reading it as a formula on edit.
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    static boolean startsLikeFormula(String text) {
        if (text.isEmpty()) return false;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** A sheet name Excel accepts (≤ 31 characters, none of {@code []:*?/\}), unique in the workbook. */
    static String sheetName(String wanted, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted.isBlank() ? "sheet" : wanted, '_');
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** Cell styles are workbook-wide and limited in number: made once per workbook. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle quoted;
        final CellStyle date;
        final CellStyle dateTime;
        final Map<ValueKind, CellStyle> number = new EnumMap<>(ValueKind.class);

        Styles(SXSSFWorkbook workbook) {
            var formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            quoted = workbook.createCellStyle();
            quoted.setDataFormat(formats.getFormat("@"));
            quoted.setQuotePrefixed(true);
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm:ss"));
            number(workbook, formats, ValueKind.MONEY, "#,##0.00");
            number(workbook, formats, ValueKind.UNIT_PRICE, "#,##0.0000");
            number(workbook, formats, ValueKind.RATIO, "0.00%");
            number(workbook, formats, ValueKind.INTEGER, "#,##0");
            number(workbook, formats, ValueKind.DECIMAL, "General");
        }

        private void number(SXSSFWorkbook workbook, org.apache.poi.ss.usermodel.DataFormat formats, ValueKind kind, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(format));
            number.put(kind, style);
        }
    }
}
