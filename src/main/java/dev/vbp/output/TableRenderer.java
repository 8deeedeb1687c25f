package dev.vbp.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import picocli.CommandLine.Help.Ansi.Style;

/**
 * The terminal format: a header row in the chosen language, a rule, then one aligned line per row (numbers
 * right-aligned, text left), with widths counted in terminal cells by {@link DisplayWidth} so Chinese
 * names line up. Values are formatted by {@link DisplayText}. Under the table come the summary as aligned
 * {@code label: value} lines ({@code 标签：值} in Chinese) and then each warning prefixed {@code warning: }
 * ({@code 警告：}), each section after a blank line. A report without rows prints its header and
 * {@code (no rows)} / {@code (无数据)}.
 *
 * <p>With {@code color} on, headers are bold and warnings yellow, using the escape codes picocli's markup
 * ({@code @|bold ...|@}) produces; they are built from picocli's {@link Style} values rather than by
 * parsing markup, because data may contain {@code |@}, which would end the markup early. With
 * {@code color} off the output holds no escape codes at all, and control characters in data are replaced
 * by spaces either way. Lines end with {@code \n} on every platform.
 */
public final class TableRenderer implements Renderer {

    private static final String GAP = "  ";

    private final Lang lang;
    private final boolean color;

    public TableRenderer(Lang lang, boolean color) {
        this.lang = lang;
        this.color = color;
    }

    @Override
    public void render(Report report, PrintWriter out) {
        List<Column> columns = report.columns();
        int n = columns.size();
        boolean[] right = new boolean[n];
        int[] widths = new int[n];
        List<String> headers = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            Column column = columns.get(c);
            right[c] = DisplayText.isNumeric(column.kind());
            String header = DisplayText.singleLine(column.header(lang));
            headers.add(header);
            widths[c] = DisplayWidth.of(header);
        }
        List<List<String>> lines = new ArrayList<>(report.rows().size());
        for (List<Object> row : report.rows()) {
            List<String> cells = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                String cell = DisplayText.singleLine(DisplayText.format(row.get(c), columns.get(c).kind(), lang));
                cells.add(cell);
                widths[c] = Math.max(widths[c], DisplayWidth.of(cell));
            }
            lines.add(cells);
        }

        line(out, join(headers, widths, right, color ? TableRenderer::bold : UnaryOperator.identity()));
        List<String> rule = new ArrayList<>(n);
        for (int width : widths) rule.add("-".repeat(width));
        line(out, join(rule, widths, right, UnaryOperator.identity()));
        if (lines.isEmpty()) {
            line(out, lang.pick("(no rows)", "(无数据)"));
        }
        for (List<String> cells : lines) {
            line(out, join(cells, widths, right, UnaryOperator.identity()));
        }

        writeSummary(report, out);
        if (!report.warnings().isEmpty()) {
            line(out, "");
            String prefix = lang.pick("warning: ", "警告：");
            for (String warning : report.warnings()) {
                String text = prefix + DisplayText.singleLine(warning);
                line(out, color ? yellow(text) : text);
            }
        }
        out.flush();
    }

    private void writeSummary(Report report, PrintWriter out) {
        if (report.summary().isEmpty()) return;
        // Chinese takes a full-width colon, which carries its own spacing; English a colon and a space.
        String colon = lang.pick(":", "：");
        String gap = lang.pick(" ", "");
        List<String> labels = new ArrayList<>();
        int width = 0;
        for (Report.SummaryItem item : report.summary()) {
            String label = DisplayText.singleLine(lang.pick(item.en(), item.zh())) + colon;
            labels.add(label);
            width = Math.max(width, DisplayWidth.of(label));
        }
        line(out, "");
        for (int i = 0; i < labels.size(); i++) {
            Report.SummaryItem item = report.summary().get(i);
            String value = DisplayText.singleLine(DisplayText.format(item.value(), item.kind(), lang));
            line(out, padRight(labels.get(i), width) + gap + value);
        }
    }

    /** Cells padded to their column widths; the last column is not padded on the right. */
    private static String join(List<String> cells, int[] widths, boolean[] right, UnaryOperator<String> style) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) sb.append(GAP);
            String cell = cells.get(c);
            int pad = widths[c] - DisplayWidth.of(cell);
            if (right[c]) {
                sb.append(" ".repeat(pad)).append(style.apply(cell));
            } else {
                sb.append(style.apply(cell));
                if (c < cells.size() - 1) sb.append(" ".repeat(pad));
            }
        }
        // An empty last cell would leave the gap dangling at the end of the line.
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') end--;
        sb.setLength(end);
        return sb.toString();
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - DisplayWidth.of(text)));
    }

    private static void line(PrintWriter out, String text) {
        out.print(text);
        out.print('\n');
    }

    /** Same bytes as {@code Ansi.ON.string("@|bold " + text + "|@")}, without parsing {@code text} as markup. */
    static String bold(String text) {
        return Style.on(Style.bold) + text + Style.off(Style.bold) + Style.reset.on();
    }

    /** Same bytes as {@code Ansi.ON.string("@|yellow " + text + "|@")}, without parsing {@code text} as markup. */
    static String yellow(String text) {
        return Style.on(Style.fg_yellow) + text + Style.off(Style.fg_yellow) + Style.reset.on();
    }
}
