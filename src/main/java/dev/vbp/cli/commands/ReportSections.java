package dev.vbp.cli.commands;

import dev.vbp.output.Report;
import dev.vbp.output.document.Chart;
import dev.vbp.read.Dataset;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static dev.vbp.read.Dataset.ALLOCATIONS;
import static dev.vbp.read.Dataset.BIDS;
import static dev.vbp.read.Dataset.CATALOG;
import static dev.vbp.read.Dataset.LEDGER;
import static dev.vbp.read.Dataset.LISTINGS;
import static dev.vbp.read.Dataset.OUTLETS;
import static dev.vbp.read.Dataset.PREPAYMENTS;
import static dev.vbp.read.Dataset.PRESCRIPTIONS;
import static dev.vbp.read.Dataset.STOCK;

/**
 * The sections of {@code vbp report}, in the order they appear. Each part of a section is an ordinary vbp
 * command line: the report runs it in-process, takes the report it would have printed, and draws it with
 * the part's chart. A new analysis becomes a section with one entry here: its id, its titles, the datasets
 * it cannot run without, and per part the command line and the chart (columns by key).
 *
 * <p>Files the user named on {@code vbp report} are passed on to every command that has the option
 * ({@code --bids}, {@code --ledger}, ...), so a section reads exactly what its command would read.
 */
final class ReportSections {

    /** What the command lines are built from: the report's options after defaults. */
    record Settings(LocalDate asOf, String basePeriod, BigDecimal target, Path policy, Path instruments) {}

    /** One part: a heading (when a section has several), the datasets it needs beyond the section's, a command line, a chart and a row shaping. */
    record Part(String en, String zh, List<Dataset> needs, Function<Settings, List<String>> commandLine, Chart chart,
                UnaryOperator<Report> shape) {
        static Part of(String en, String zh, Function<Settings, List<String>> commandLine, Chart chart) {
            return new Part(en, zh, List.of(), commandLine, chart, UnaryOperator.identity());
        }

        Part needing(Dataset... more) {
            return new Part(en, zh, List.of(more), commandLine, chart, shape);
        }

        Part shaped(UnaryOperator<Report> how) {
            return new Part(en, zh, needs, commandLine, chart, how);
        }
    }

    /** A section: parts whose own needs are missing are left out; the section runs when its needs are there. */
    record Spec(String id, String en, String zh, List<Dataset> needs, List<Part> parts) {}

    static final List<Spec> ALL = List.of(
            new Spec("price-drops", "Price drops by batch", "各批次价格降幅", List.of(BIDS), List.of(
                    Part.of(null, null, s -> withBasePeriod(s, "price-drop", "--by", "batch"),
                            Chart.bar("batch_id", "drop", "max_drop", "min_drop")))),
            new Spec("savings", "Savings, planned and realised", "节约采购资金（计划与实际）", List.of(BIDS), List.of(
                    Part.of("Planned: agreed quantities", "计划：约定采购量", s -> withBasePeriod(s, "savings", "--by", "batch"),
                            Chart.bar("batch_id", "base_amount", "bid_amount", "savings")),
                    Part.of("Realised: quantities bought", "实际：已采购量",
                            s -> withBasePeriod(s, "savings", "--by", "batch", "--volume", "actual"),
                            Chart.bar("batch_id", "base_amount", "bid_amount", "savings")).needing(LEDGER))),
            new Spec("online-rate", "Online-purchase rate by county and level", "各县（市）各级机构网采率", List.of(LEDGER), List.of(
                    Part.of(null, null, s -> args("online-rate", "--by", "county,level", "--target", s.target().toPlainString()),
                            Chart.grouped("county", List.of("level", "category"), "online_rate")))),
            new Spec("volume", "Agreed-volume completion against time elapsed", "约定采购量完成进度与时间进度", List.of(ALLOCATIONS, BIDS, LEDGER), List.of(
                    Part.of("By county", "按县（市）", s -> args("volume", "--by", "county", "--as-of", s.asOf().toString()),
                            Chart.bar("county", "completion")),
                    Part.of("Institutions behind schedule", "进度落后的机构",
                            s -> args("volume", "--by", "institution", "--as-of", s.asOf().toString()),
                            Chart.bar("institution_name", "completion"))
                            // Behind while the year runs, short once it has ended: both fell behind the schedule.
                            .shaped(r -> ReportSections.only(r, "status", Set.of("behind", "short"))))),
            new Spec("retained-savings", "Retained savings by institution", "各机构结余留用", List.of(BIDS, ALLOCATIONS), List.of(
                    Part.of(null, null, s -> {
                        List<String> a = args("retained-savings", "--by", "institution");
                        if (s.policy() != null) a.addAll(List.of("--policy", s.policy().toString()));
                        return a;
                    }, Chart.bar("name", "retained")))),
            new Spec("dual-channel", "Dual-channel coverage", "双通道覆盖", List.of(CATALOG, OUTLETS, STOCK), List.of(
                    Part.of("Coverage by county", "各县（市）覆盖率",
                            s -> args("dual-channel", "coverage", "--by", "county", "--as-of", s.asOf().toString()),
                            Chart.bar("county", "coverage_rate")),
                    Part.of("Drugs × counties", "药品 × 县（市）",
                            s -> args("dual-channel", "matrix", "--as-of", s.asOf().toString()),
                            Chart.heatmap("generic_name", Map.of("covered", 2, "hospital_only", 1, "none", 0))),
                    Part.of("Gaps", "缺口", s -> args("dual-channel", "gaps", "--as-of", s.asOf().toString()), null),
                    Part.of("Circulated prescriptions by month", "各月流转处方",
                            s -> args("dual-channel", "prescriptions", "--by", "month"),
                            Chart.line("month", "amount", "fund_paid")).needing(PRESCRIPTIONS))),
            // The companion measures read their rules from the instruments policy (--instruments on the report).
            new Spec("payment-standard", "Payment standards", "医保支付标准", List.of(BIDS), List.of(
                    Part.of("Paid above the standard, by generic", "超出支付标准的金额（按通用名）",
                            s -> instruments(s, "payment-standard", "--by", "generic"),
                            Chart.bar("generic", "amount", "above_standard")).needing(LEDGER),
                    Part.of("Each product's payment on the day", "各产品当日的支付标准",
                            s -> instruments(s, "payment-standard", "--as-of", s.asOf().toString()), null))),
            new Spec("prepayment", "Fund prepayment", "医保基金预付", List.of(ALLOCATIONS, BIDS), List.of(
                    Part.of(null, null, s -> instruments(s, "prepayment", "--as-of", s.asOf().toString()),
                            Chart.bar(List.of("institution_code", "batch", "year_start"), "due", "paid")))),
            new Spec("targets", "Landing targets", "集采落地目标", List.of(BIDS), List.of(
                    Part.of(null, null, s -> instruments(s, "targets", "--as-of", s.asOf().toString()), null))),
            // The share view has a row per institution × generic × month: the report keeps the ones that fall short.
            new Spec("use-monitor", "Use monitoring", "集采药品使用监测", List.of(BIDS, LEDGER), List.of(
                    Part.of("Selected share below the minimum", "中选产品使用比例低于最低比例",
                            s -> instruments(s, "use-monitor"), null)
                            .shaped(r -> ReportSections.only(r, "status", Set.of("short"))),
                    Part.of("Substitution by non-VBP drugs of the class", "同类非集采药品替代",
                            s -> instruments(s, "use-monitor", "--show", "substitution"), null))),
            new Spec("price-watch", "Price monitoring", "价格监测", List.of(LISTINGS, BIDS), List.of(
                    Part.of(null, null, s -> instruments(s, "price-watch"), null))));

    private ReportSections() {}

    static List<String> ids() {
        return ALL.stream().map(Spec::id).toList();
    }

    private static List<String> args(String... words) {
        return new ArrayList<>(List.of(words));
    }

    private static List<String> instruments(Settings s, String... words) {
        List<String> a = args(words);
        if (s.instruments() != null) a.addAll(List.of("--policy", s.instruments().toString()));
        return a;
    }

    private static List<String> withBasePeriod(Settings s, String... words) {
        List<String> a = args(words);
        if (s.basePeriod() != null) a.addAll(List.of("--base-period", s.basePeriod()));
        return a;
    }

    /**
     * The rows whose {@code column} holds one of {@code values}, with the rest of the report as it was and an
     * assumption saying how many rows of how many are shown (the summary still covers them all).
     */
    static Report only(Report report, String column, Set<String> values) {
        Report shaped = report.withRows(row -> values.contains(String.valueOf(report.valueIn(row, column))));
        return shaped.assumption("rows_shown", shaped.rows().size() + " of " + report.rows().size() + " rows, those with "
                + column + " " + String.join(" or ", new java.util.TreeSet<>(values)) + "; the summary covers all");
    }
}
