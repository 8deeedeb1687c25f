package dev.vbp.cli.options;

import dev.vbp.cli.UsageException;
import dev.vbp.output.view.ReportView;
import dev.vbp.output.view.ViewException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * What to show of a command's report: rows kept, ordered, cut, columns picked, or a cross-tab. Applied
 * after the analysis and before the renderer ({@link ReportView}); names are the CSV/JSON column keys.
 */
public class ResultTableOptions {
    @Option(names = "--where", paramLabel = "EXPR",
            description = "Only rows where every comparison holds, joined by 'and' (= != < <= > >= ~), e.g. --where 'county=西昌市 and online_rate<95%%'.")
    String where;

    @Option(names = "--sort", paramLabel = "COL", split = ",",
            description = "Order rows by these columns; -COL sorts descending (e.g. --sort=-online_rate,county). Levels sort 三级, 二级, 一级, 基层.")
    List<String> sort = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N", description = "Only the first N rows (after --where and --sort).")
    Integer top;

    @Option(names = "--columns", paramLabel = "COL", split = ",", description = "Only these columns, in this order (e.g. --columns county,online_rate).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--pivot", paramLabel = "ROW,COLUMN,VALUE",
            description = "Cross-tab: a row per ROW value, a column per COLUMN value, VALUE in the cells, with totals from the sums (rates are never averaged), e.g. --pivot county,month,online_rate.")
    String pivot;

    public ReportView view() {
        try {
            return new ReportView(sort, top, columns, where, pivot);
        } catch (ViewException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
