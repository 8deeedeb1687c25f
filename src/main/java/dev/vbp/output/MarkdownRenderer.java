package dev.vbp.output;

import java.io.PrintWriter;
import java.util.List;

/**
 * The Markdown format: a GitHub-flavoured table with headers in the chosen language, numeric columns
 * right-aligned ({@code ---:}), values formatted as in the terminal table by {@link DisplayText}, then a
 * {@code **Summary**} bullet list ({@code **汇总**}) and a {@code **Warnings**} bullet list ({@code **警告**}),
 * each only when it has items. A report without rows keeps its header and is followed by {@code (no rows)}.
 *
 * <p>{@code |} in a cell is escaped as {@code \|} and line breaks and other control characters become spaces,
 * so one row stays one table line. Lines end with {@code \n}.
 */
public final class MarkdownRenderer implements Renderer {

    private final Lang lang;

    public MarkdownRenderer(Lang lang) {
        this.lang = lang;
    }

    @Override
    public void render(Report report, PrintWriter out) {
        List<Column> columns = report.columns();
        StringBuilder header = new StringBuilder("|");
        StringBuilder align = new StringBuilder("|");
        for (Column column : columns) {
            header.append(' ').append(cell(column.header(lang))).append(" |");
            align.append(DisplayText.isNumeric(column.kind()) ? " ---: |" : " --- |");
        }
        line(out, header.toString());
        line(out, align.toString());
        for (List<Object> row : report.rows()) {
            StringBuilder sb = new StringBuilder("|");
            for (int c = 0; c < columns.size(); c++) {
                sb.append(' ').append(cell(DisplayText.format(row.get(c), columns.get(c).kind(), lang))).append(" |");
            }
            line(out, sb.toString());
        }
        if (report.rows().isEmpty()) {
            line(out, "");
            line(out, lang.pick("(no rows)", "(无数据)"));
        }

        if (!report.summary().isEmpty()) {
            line(out, "");
            line(out, lang.pick("**Summary**", "**汇总**"));
            line(out, "");
            String colon = lang.pick(": ", "：");
            for (Report.SummaryItem item : report.summary()) {
                line(out, "- " + DisplayText.singleLine(item.label(lang)) + colon
                        + DisplayText.singleLine(DisplayText.format(item.value(), item.kind(), lang)));
            }
        }
        if (!report.warnings().isEmpty()) {
            line(out, "");
            line(out, lang.pick("**Warnings**", "**警告**"));
            line(out, "");
            for (String warning : report.warnings()) line(out, "- " + DisplayText.singleLine(Texts.sentence(warning, lang)));
        }
        out.flush();
    }

    private static String cell(String text) {
        return DisplayText.singleLine(text).replace("|", "\\|");
    }

    private static void line(PrintWriter out, String text) {
        out.print(text);
        out.print('\n');
    }
}
