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

    /** Text columns are not cut below this many cells (or their header's width, if wider). */
    static final int MIN_CUT_WIDTH = 6;
    static final String ELLIPSIS = "…";

    private final Lang lang;
    private final boolean color;
    private final int maxWidth;

    public TableRenderer(Lang lang, boolean color) {
        this(lang, color, 0);
    }

    /**
     * @param maxWidth the terminal's width in cells, or 0 for no limit. A table wider than this has its
     *                 text columns (names, notes; never numbers, codes or dates) cut with {@code …}, widest
     *                 first, until it fits or they are all down to {@link #MIN_CUT_WIDTH}.
     */
    public TableRenderer(Lang lang, boolean color, int maxWidth) {
        this.lang = lang;
        this.color = color;
        this.maxWidth = maxWidth;
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
        if (maxWidth > 0) fit(columns, headers, widths, lines);

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
                String text = prefix + DisplayText.singleLine(Texts.sentence(warning, lang));
                line(out, color ? yellow(text) : text);
            }
        }
        out.flush();
    }

    /** Narrows text columns until the table fits {@link #maxWidth}, then cuts their cells to the new widths. */
    private void fit(List<Column> columns, List<String> headers, int[] widths, List<List<String>> lines) {
        int n = widths.length;
        int total = GAP.length() * Math.max(0, n - 1);
        for (int w : widths) total += w;
        int[] floor = new int[n];
        boolean any = false;
        for (int c = 0; c < n; c++) {
            boolean cuttable = columns.get(c).kind() == ValueKind.TEXT;
            floor[c] = cuttable ? Math.min(widths[c], Math.max(MIN_CUT_WIDTH, DisplayWidth.of(headers.get(c)))) : widths[c];
            any |= cuttable && floor[c] < widths[c];
        }
        if (total <= maxWidth || !any) return;
        int[] target = widths.clone();
        while (total > maxWidth) {
            int widest = -1;
            for (int c = 0; c < n; c++) {
                if (target[c] > floor[c] && (widest < 0 || target[c] > target[widest])) widest = c;
            }
            if (widest < 0) break;
            target[widest]--;
            total--;
        }
        for (int c = 0; c < n; c++) {
            if (target[c] == widths[c]) continue;
            for (List<String> cells : lines) cells.set(c, cut(cells.get(c), target[c]));
            widths[c] = target[c];
        }
    }

    /** {@code text} in at most {@code width} cells, ending in … when something was cut. */
    static String cut(String text, int width) {
        if (DisplayWidth.of(text) <= width) return text;
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = DisplayWidth.of(cp);
            if (used + w > width - 1) break;
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb.append(ELLIPSIS).toString();
    }

    private void writeSummary(Report report, PrintWriter out) {
        if (report.summary().isEmpty()) return;
        // Chinese takes a full-width colon, which carries its own spacing; English a colon and a space.
        String colon = lang.pick(":", "：");
        String gap = lang.pick(" ", "");
        List<String> labels = new ArrayList<>();
        int width = 0;
        for (Report.SummaryItem item : report.summary()) {
            String label = DisplayText.singleLine(item.label(lang)) + colon;
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
