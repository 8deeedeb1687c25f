package dev.vbp.engine.retention;

import dev.vbp.domain.Institution;
import dev.vbp.domain.Score;
import dev.vbp.domain.Exact;
import dev.vbp.domain.retention.OverSpend;
import dev.vbp.domain.retention.RetentionPolicy;
import dev.vbp.engine.retention.RetainedSavings.InstitutionResult;
import dev.vbp.engine.retention.RetainedSavings.Line;
import dev.vbp.engine.retention.RetainedSavings.ProductSpend;
import dev.vbp.engine.retention.RetainedSavings.Result;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The retained-savings {@link Result} as reports: per institution × generic, per institution, per county, or explained. */
public final class RetainedSavingsReports {
    private RetainedSavingsReports() {}

    public enum By { GENERIC, INSTITUTION, COUNTY }

    private static Column col(String key, String en, String zh, ValueKind kind) {
        return new Column(key, en, zh, kind);
    }

    public static Report report(Result r, By by) {
        Report report = switch (by) {
            case GENERIC -> rows(r);
            case INSTITUTION -> byInstitution(r);
            case COUNTY -> byCounty(r);
        };
        report.parameter("by", by.name().toLowerCase());
        finish(report, r);
        return report;
    }

    private static Report rows(Result r) {
        Report report = new Report("retained-savings", List.of(
                col("institution_code", "Institution", "医疗机构编码", ValueKind.CODE),
                col("batch_id", "Batch", "批次", ValueKind.CODE),
                col("generic_name", "Generic name", "通用名", ValueKind.TEXT),
                col("year_start", "Year from", "协议年起", ValueKind.DATE),
                col("year_end", "Year to", "协议年止", ValueKind.DATE),
                col("agreed_qty", "Agreed qty", "约定采购量", ValueKind.DECIMAL),
                col("p_pre", "P_pre", "集采前加权均价", ValueKind.UNIT_PRICE),
                col("budget", "Budget", "医保预算", ValueKind.MONEY),
                col("selected_qty", "Selected bought", "中选产品采购量", ValueKind.DECIMAL),
                col("selected_spend", "Selected spend", "中选产品支出", ValueKind.MONEY),
                col("non_selected_spend", "Non-selected spend", "非中选产品支出", ValueKind.MONEY),
                col("spend", "Spend", "实际支出", ValueKind.MONEY),
                col("balance", "Balance", "结余", ValueKind.MONEY),
                col("completion", "Completion", "完成率", ValueKind.RATIO),
                col("eligible_balance", "Eligible balance", "可留用结余", ValueKind.MONEY),
                col("score", "Score", "考核得分", ValueKind.DECIMAL),
                col("band", "Band", "档次", ValueKind.TEXT),
                col("ratio", "Ratio", "留用比例", ValueKind.RATIO),
                col("retained", "Retained", "结余留用", ValueKind.MONEY),
                col("reason", "Reason", "说明", ValueKind.TEXT)));
        for (InstitutionResult i : r.institutions().values()) {
            for (Line l : i.lines()) {
                PrePrices.PrePrice p = l.prePrice();
                report.row(l.institutionCode(), l.batchId(), l.genericName(), l.year().start(), l.year().end(), l.agreed(),
                        p == null ? null : Exact.unitPrice(p.unitPrice()),
                        Exact.money(l.budget()), l.selectedQty(), Exact.money(l.selectedSpend()), Exact.money(l.nonSelectedSpend()),
                        Exact.money(l.spend()), Exact.money(l.balance()), Exact.ratio(l.completion()), Exact.money(l.eligibleBalance()),
                        i.score() == null ? null : i.score().score(), i.band() == null ? null : i.band().name(), i.ratio(),
                        Exact.money(l.retained()), l.reasons().isEmpty() ? null : String.join("; ", l.reasons()));
            }
        }
        return report;
    }

    private static Report byInstitution(Result r) {
        Report report = new Report("retained-savings", List.of(
                col("institution_code", "Institution", "医疗机构编码", ValueKind.CODE),
                col("name", "Name", "医疗机构名称", ValueKind.TEXT),
                col("county", "County", "县(市、区)", ValueKind.TEXT),
                col("generics", "Generics", "品种数", ValueKind.INTEGER),
                col("budget", "Budget", "医保预算", ValueKind.MONEY),
                col("spend", "Spend", "实际支出", ValueKind.MONEY),
                col("balance", "Balance", "结余", ValueKind.MONEY),
                col("eligible_balance", "Eligible balance", "可留用结余", ValueKind.MONEY),
                col("score", "Score", "考核得分", ValueKind.DECIMAL),
                col("band", "Band", "档次", ValueKind.TEXT),
                col("ratio", "Ratio", "留用比例", ValueKind.RATIO),
                col("retained", "Retained", "结余留用", ValueKind.MONEY),
                col("note", "Note", "说明", ValueKind.TEXT)));
        for (InstitutionResult i : r.institutions().values()) {
            Totals t = Totals.of(List.of(i));
            long without = i.lines().stream().filter(l -> !l.eligible()).count();
            String note = i.scoreNote() != null && (i.band() == null || i.band().ratio().signum() == 0) ? i.scoreNote()
                    : without > 0 ? without + " of " + i.lines().size() + " generics retain nothing; see --by generic" : null;
            report.row(i.code(), i.institution() == null ? null : i.institution().name(),
                    i.institution() == null ? null : i.institution().county(), i.lines().size(),
                    Exact.money(t.budget), Exact.money(t.spend), Exact.money(t.balance), Exact.money(t.eligible),
                    i.score() == null ? null : i.score().score(), i.band() == null ? null : i.band().name(), i.ratio(),
                    i.retained(), note);
        }
        return report;
    }

    private static Report byCounty(Result r) {
        Report report = new Report("retained-savings", List.of(
                col("county", "County", "县(市、区)", ValueKind.TEXT),
                col("institutions", "Institutions", "医疗机构数", ValueKind.INTEGER),
                col("budget", "Budget", "医保预算", ValueKind.MONEY),
                col("spend", "Spend", "实际支出", ValueKind.MONEY),
                col("balance", "Balance", "结余", ValueKind.MONEY),
                col("eligible_balance", "Eligible balance", "可留用结余", ValueKind.MONEY),
                col("retained", "Retained", "结余留用", ValueKind.MONEY)));
        Map<String, List<InstitutionResult>> counties = new LinkedHashMap<>();
        for (InstitutionResult i : r.institutions().values()) {
            String county = i.institution() == null ? "(unknown county)" : i.institution().county();
            counties.computeIfAbsent(county, k -> new ArrayList<>()).add(i);
        }
        for (var e : counties.entrySet()) {
            Totals t = Totals.of(e.getValue());
            report.row(e.getKey(), e.getValue().size(), Exact.money(t.budget), Exact.money(t.spend), Exact.money(t.balance),
                    Exact.money(t.eligible), t.retained);
        }
        long unknown = r.institutions().values().stream().filter(i -> i.institution() == null).count();
        if (unknown > 0) report.warning(unknown + " institutions are not in the institutions data; counted under '(unknown county)'");
        return report;
    }

    /**
     * Sums over institutions of the line figures as the rows carry them ({@link Exact#money}), so a summary
     * or an institution row is exactly the sum of the rows below it: budget and balance of lines that have a
     * budget; spend of all lines; the eligible balance an institution's ratio applies to (max(0, Σ of its lines)).
     */
    private record Totals(BigDecimal budget, BigDecimal spend, BigDecimal balance, BigDecimal eligible, BigDecimal retained) {
        static Totals of(List<InstitutionResult> list) {
            BigDecimal budget = BigDecimal.ZERO, spend = BigDecimal.ZERO, balance = BigDecimal.ZERO, eligible = BigDecimal.ZERO, retained = null;
            for (InstitutionResult i : list) {
                retained = retained == null ? i.retained() : retained.add(i.retained());
                BigDecimal e = BigDecimal.ZERO;
                for (Line l : i.lines()) {
                    spend = spend.add(Exact.money(l.spend()));
                    e = e.add(Exact.money(l.eligibleBalance()));
                    if (l.budget() != null) {
                        budget = budget.add(Exact.money(l.budget()));
                        balance = balance.add(Exact.money(l.balance()));
                    }
                }
                eligible = eligible.add(e.max(BigDecimal.ZERO));
            }
            return new Totals(budget, spend, balance, eligible, retained == null ? BigDecimal.ZERO : retained);
        }
    }

    private static void finish(Report report, Result r) {
        RetentionPolicy p = r.policy();
        report.parameter("as_of", r.asOf());
        p.settings().forEach(report::assumption);
        report.assumption("settlement_year", "per allocation, the agreement year containing the as-of day (cycle start + k years to the day"
                + " before the next), purchases up to the as-of day; batches settle apart");
        report.assumption("p_pre", p.basePriceScope() == dev.vbp.domain.retention.BasePriceScope.STRENGTH
                ? "over the allocated product's generic and strength (base_price_scope: strength)"
                : "over the generic, every strength per minimum unit (base_price_scope: generic)");
        report.assumption("budget", "Σ allocations: agreed qty × P_pre × r_fund × s_insured");
        report.assumption("spend", "(selected purchases of the generic, all selected products together"
                + (p.capSelected() ? ", in purchase-date order up to the generic's agreed total," : ",")
                + " × each product's selected unit price" + (p.countNonSelected() ? " + non-selected purchase amounts of the generic" : "")
                + ") × r_fund × s_insured");
        report.assumption("completion", "net selected purchases in the settlement year / agreed quantity, minimum units (the purchases priced in spend)");
        report.assumption("net_purchases", "per product and settlement year; a net below zero (returns without purchases) counts as zero, with a warning");
        report.assumption("balance", p.overSpend() == OverSpend.ZERO ? "max(0, Budget − Spend) per generic"
                : "Budget − Spend per generic; an over-spend offsets the institution's other balances whatever its completion");
        report.assumption("eligible_balance", "positive balances that met min_completion"
                + (p.overSpend() == OverSpend.OFFSET ? ", plus every negative balance" : ""));
        report.assumption("retained", "max(0, Σ eligible balances) × ratio(score band), rounded half-up to " + p.moneyDecimals()
                + " decimals " + (p.rounding() == dev.vbp.domain.retention.Rounding.TOTAL ? "once, the institution's total (rounding: total)"
                : "per generic, then summed (rounding: generic)"));
        report.assumption("purchases", "ledger quantity (packs) × the bid's pack_count = minimum units; returns net out");
        Totals t = Totals.of(List.copyOf(r.institutions().values()));
        report.summary("institutions", "Institutions", "医疗机构数", ValueKind.INTEGER, r.institutions().size());
        report.summary("lines", "Institution × generic", "机构×品种", ValueKind.INTEGER, r.lines().size());
        report.summary("retaining", "Institutions retaining", "获得留用的机构", ValueKind.INTEGER,
                r.institutions().values().stream().filter(i -> i.retained().signum() > 0).count());
        report.summary("budget", "Budget", "医保预算", ValueKind.MONEY, Exact.money(t.budget));
        report.summary("spend", "Spend", "实际支出", ValueKind.MONEY, Exact.money(t.spend));
        report.summary("balance", "Balance", "结余", ValueKind.MONEY, Exact.money(t.balance));
        report.summary("eligible_balance", "Eligible balance", "可留用结余", ValueKind.MONEY, Exact.money(t.eligible));
        report.summary("retained", "Retained", "结余留用", ValueKind.MONEY, t.retained);
        r.warnings().forEach(report::warning);
        long noPre = r.lines().stream().filter(l -> l.budget() == null).map(Line::genericName).distinct().count();
        if (noPre > 0) report.warning(noPre + " generics have no base-period price (P_pre), so no budget; see the reason column");
    }

    /** The whole calculation for one institution, one row per step, so it renders in every format. */
    public static Report explain(Result r, String code) {
        Report report = new Report("retained-savings", List.of(
                col("step", "Step", "步骤", ValueKind.TEXT),
                col("formula", "Formula / rule", "公式/规则", ValueKind.TEXT),
                col("values", "Values (source)", "数值(来源)", ValueKind.TEXT),
                col("result", "Result", "结果", ValueKind.TEXT)));
        InstitutionResult i = r.institutions().get(code);
        if (i == null) {
            throw new dev.vbp.errors.BadInputException("institution " + code + " has no allocations; nothing to explain");
        }
        RetentionPolicy p = r.policy();
        report.parameter("explain", code);
        report.row("policy", "settings from " + p.source(), p.settings().entrySet().stream().skip(1)
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "; " + b).orElse(""), "");
        if (i.institution() != null) {
            report.row("institution", "name and county", i.institution().name() + ", " + i.institution().county()
                    + " (" + i.institution().where() + ")", code);
        }
        report.row("score", "assessment score", i.score() == null ? (i.scoreNote() == null ? "" : i.scoreNote())
                : i.score().score().toPlainString() + " (" + i.score().where() + ")", i.score() == null ? "none" : i.score().score().toPlainString());
        report.row("band", "bands " + String.join(", ", p.bands().stream().map(b -> b.describe()).toList()),
                i.score() == null ? "" : "score " + i.score().score().toPlainString(), i.band() == null ? "none" : i.band().name() + " → ratio " + i.band().ratio().toPlainString());
        String share = p.rFund().toPlainString() + " × " + p.sInsured().toPlainString();
        for (Line l : i.lines()) {
            String g = l.genericName() + (l.batchId() == null ? "" : " " + l.batchId()) + " " + l.year().start() + ".." + l.year().end();
            report.row(g + ": agreed", "Σ agreed_qty of the institution's allocations of the generic in the batch, minimum units",
                    places(l.allocationWhere()) + "; purchases counted " + l.year().start() + ".." + l.countTo(), plain(l.agreed()));
            for (RetainedSavings.AllocationBudget a : l.allocations()) {
                PrePrices.PrePrice pp = a.prePrice();
                report.row(g + ": P_pre " + a.bid().productCode(), "pre-VBP unit price over " + (pp.scope() == null ? "the generic" : pp.scope())
                                + ", base period " + p.settings().get("base_period") + " (base_price: " + p.settings().get("base_price") + ")",
                        pp.found() ? pp.method() + " (" + places(pp.where(), pp.rows()) + ")" : pp.reason(),
                        pp.found() ? plain(Exact.unitPrice(pp.unitPrice())) : "none");
            }
            report.row(g + ": budget", "Σ agreed × P_pre × r_fund × s_insured",
                    l.budget() == null ? "no P_pre" : String.join(" + ", l.allocations().stream()
                            .map(a -> plain(a.allocation().agreedQty()) + " × " + plain(Exact.unitPrice(a.prePrice().unitPrice()))).toList()) + " × " + share,
                    l.budget() == null ? "none" : plain(Exact.money(l.budget())));
            for (ProductSpend s : l.products()) {
                String refs = s.lines() == 0 ? "no ledger lines" : RetainedSavings.describe(s.where(), s.lines());
                if (s.negative()) {
                    report.row(g + ": left out " + s.bid().productCode(), "net purchases below zero count as zero",
                            plain(s.bought()) + " units net (" + refs + ")", "0");
                } else if (s.selected()) {
                    BigDecimal capped = s.bought().subtract(s.counted());
                    report.row(g + ": selected " + s.bid().productCode(),
                            p.capSelected() ? "counted in date order up to the generic's agreed total × selected unit price" : "purchased × selected unit price",
                            plain(s.bought()) + " bought" + (s.agreed() == null ? " (no allocation of its own)" : ", " + plain(s.agreed()) + " allocated")
                                    + ", " + plain(s.counted()) + " counted" + (capped.signum() > 0 ? ", " + plain(capped) + " capped" : "")
                                    + " × " + plain(Exact.unitPrice(s.bid().unitPrice())) + " (bid " + s.bid().where() + "; " + refs + ")",
                            plain(Exact.money(s.amount())));
                } else {
                    report.row(g + ": non-selected " + s.bid().productCode(),
                            p.countNonSelected() ? "purchase amount (count_non_selected: true)" : "not counted (count_non_selected: false)",
                            plain(s.bought()) + " units, " + plain(s.boughtAmount()) + " yuan (" + refs + ")",
                            plain(Exact.money(s.amount())));
                }
            }
            RetainedSavings.Step firstCapped = l.steps().stream().filter(x -> x.capped().signum() > 0).findFirst().orElse(null);
            if (firstCapped != null) {
                BigDecimal capped = l.steps().stream().map(RetainedSavings.Step::capped).reduce(BigDecimal.ZERO, BigDecimal::add);
                report.row(g + ": capped", "selected purchases beyond the agreed total, in purchase-date order, are not priced",
                        plain(capped) + " units from " + firstCapped.date() + " (" + firstCapped.product() + ", ledger "
                                + String.join(", ", firstCapped.where().stream().map(LineRef::toString).toList()) + ")", plain(capped));
            }
            if (l.leftOut() != null && l.leftOut().any()) {
                report.row(g + ": left out", "purchases of the generic outside every settled agreement year",
                        plain(l.leftOut().before()) + " units before, " + plain(l.leftOut().after()) + " after (ledger "
                                + String.join(", ", l.leftOut().where().stream().map(LineRef::toString).toList()) + ")",
                        plain(l.leftOut().before().add(l.leftOut().after())));
            }
            report.row(g + ": spend", "(selected + non-selected) × r_fund × s_insured",
                    "(" + plain(Exact.money(l.selectedSpend().divide(p.fundShare().signum() == 0 ? BigDecimal.ONE : p.fundShare(), Exact.MC)))
                            + " + " + plain(Exact.money(l.nonSelectedSpend().divide(p.fundShare().signum() == 0 ? BigDecimal.ONE : p.fundShare(), Exact.MC)))
                            + ") × " + share, plain(Exact.money(l.spend())));
            report.row(g + ": completion", "net selected purchases / agreed ≥ min_completion " + p.minCompletion().toPlainString(),
                    plain(l.selectedQty()) + " / " + plain(l.agreed()),
                    (l.completion() == null ? "n/a" : plain(Exact.ratio(l.completion()))) + (l.completionMet() ? " met" : " not met"));
            report.row(g + ": balance", p.overSpend() == OverSpend.ZERO ? "max(0, Budget − Spend)" : "Budget − Spend (over_spend: offset)",
                    l.budget() == null ? "no budget" : plain(Exact.money(l.budget())) + " − " + plain(Exact.money(l.spend())),
                    l.balance() == null ? "none" : plain(Exact.money(l.balance())));
            report.row(g + ": eligible", "positive balance with completion met" + (p.overSpend() == OverSpend.OFFSET ? "; any negative balance" : ""),
                    l.reasons().isEmpty() ? "" : String.join("; ", l.reasons()), plain(Exact.money(l.eligibleBalance())));
        }
        BigDecimal sum = i.lines().stream().map(Line::eligibleBalance).reduce(BigDecimal.ZERO, BigDecimal::add);
        report.row("total", "max(0, Σ eligible balances) × ratio, rounded half-up to " + p.moneyDecimals() + " decimals"
                        + (p.rounding() == dev.vbp.domain.retention.Rounding.TOTAL ? " once" : " per generic (rounding: generic)"),
                i.band() == null ? "no band" : "max(0, " + plain(Exact.money(sum)) + ") × " + i.band().ratio().toPlainString()
                        + " = " + plain(Exact.money(i.retainedExact())), plain(i.retained()));
        report.parameter("as_of", r.asOf());
        p.settings().forEach(report::assumption);
        r.warnings().forEach(report::warning);
        report.summary("retained", "Retained", "结余留用", ValueKind.MONEY, i.retained());
        return report;
    }

    /** Source places, the first five and a count of the rest, so a step stays one readable line. */
    private static String places(List<String> where) {
        return places(where, where.size());
    }

    /** The first five of {@code rows} places, and how many more. */
    private static String places(List<String> where, long rows) {
        if (rows <= 5) return String.join(", ", where);
        return String.join(", ", where.subList(0, 5)) + " and " + (rows - 5) + " more";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
