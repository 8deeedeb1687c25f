package dev.vbp.engine.paymentstandard;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Institution;
import dev.vbp.domain.instruments.PaymentStandardRules.Treatment;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The payment-standard reports: each product's payment on a day, and what patients paid above it. */
public final class PaymentStandardReports {
    private PaymentStandardReports() {}

    public static final String COMMAND = "payment-standard";

    /** One row per product of every VBP generic and strength on {@code day}: selected bids in force, then the others. */
    public static Report products(StandardPlan plan, LocalDate day) {
        Report r = new Report(COMMAND, List.of(
                new Column("generic", "Generic", "通用名", ValueKind.TEXT),
                new Column("spec", "Spec", "规格", ValueKind.TEXT),
                new Column("product_code", "Product", "产品编码", ValueKind.CODE),
                new Column("manufacturer", "Manufacturer", "生产企业", ValueKind.TEXT),
                new Column("batch", "Batch", "批次", ValueKind.CODE),
                new Column("selected", "Selected", "中选", ValueKind.FLAG),
                new Column("evaluated", "Evaluated", "过评", ValueKind.FLAG),
                new Column("unit_price", "Unit price", "单位价格", ValueKind.UNIT_PRICE),
                new Column("standard", "Standard", "支付标准", ValueKind.UNIT_PRICE),
                new Column("multiple", "× standard", "标准倍数", ValueKind.DECIMAL),
                new Column("treatment", "Rule", "规则", ValueKind.TEXT),
                new Column("year", "Year", "年度", ValueKind.INTEGER),
                new Column("payment", "Paid up to", "医保支付", ValueKind.UNIT_PRICE),
                new Column("patient_above", "Patient pays above", "患者自付差额", ValueKind.UNIT_PRICE)));
        int generics = 0, products = 0, gliding = 0, notEvaluated = 0, notStarted = 0;
        for (StandardPlan.Group g : plan.groups()) {
            List<StandardPlan.Priced> priced = plan.products(g, day);
            if (priced.isEmpty()) {
                notStarted++;
                continue;
            }
            generics++;
            for (StandardPlan.Priced p : priced) {
                Bid b = p.bid();
                products++;
                if (p.outcome().treatment() == Treatment.GLIDE) gliding++;
                if (p.outcome().treatment() == Treatment.NOT_EVALUATED) notEvaluated++;
                BigDecimal unit = b.unitPrice();
                r.row(b.genericName(), b.spec(), b.productCode(), b.manufacturer(), b.batchId(), b.selected()
                                && p.outcome().treatment() == Treatment.SELECTED, p.evaluated(), Exact.unitPrice(unit),
                        Exact.unitPrice(p.standard()), Exact.ratio(p.outcome().multiple()), p.outcome().treatment().code(),
                        p.year(), Exact.unitPrice(p.outcome().payment()),
                        Exact.unitPrice(StandardPlan.above(unit, p.outcome().payment())));
            }
        }
        r.parameter("as_of", day);
        r.summary("generics", "Generics and strengths with a standard", "有支付标准的品规", ValueKind.INTEGER, generics);
        r.summary("products", "Products", "产品数", ValueKind.INTEGER, products);
        r.summary("gliding", "Non-selected products on the glide path", "逐步调整的非中选产品", ValueKind.INTEGER, gliding);
        r.summary("not_evaluated", "Products without consistency evaluation", "未过评产品", ValueKind.INTEGER, notEvaluated);
        if (notStarted > 0) r.warning(notStarted + " generic" + (notStarted == 1 ? "" : "s") + " with selected bids have no standard yet on " + day
                + " (their cycles start later); left out");
        warnings(plan, r);
        return r;
    }

    public enum By { INSTITUTION, GENERIC }

    /** Σ max(0, price − payment) × quantity per institution × generic (or per generic) from the ledgers. */
    public static Report above(StandardPlan plan, AboveStandard sums, Map<String, Institution> institutions, By by) {
        List<Column> cols = new ArrayList<>();
        if (by == By.INSTITUTION) {
            cols.add(new Column("institution_code", "Institution", "医疗机构编码", ValueKind.CODE));
            cols.add(new Column("institution_name", "Name", "医疗机构名称", ValueKind.TEXT));
        }
        cols.addAll(List.of(
                new Column("generic", "Generic", "通用名", ValueKind.TEXT),
                new Column("spec", "Spec", "规格", ValueKind.TEXT),
                new Column("lines", "Lines", "明细行数", ValueKind.INTEGER),
                new Column("lines_above", "Lines above", "超标准行数", ValueKind.INTEGER),
                new Column("packs", "Packs", "数量(包装)", ValueKind.DECIMAL),
                new Column("amount", "Amount", "金额", ValueKind.MONEY),
                new Column("above_standard", "Above standard", "超支付标准金额", ValueKind.MONEY),
                new Column("above_share", "Share above", "超标准占比", ValueKind.RATIO)));
        Report r = new Report(COMMAND, cols);
        Map<String, StandardPlan.Group> groups = new TreeMap<>();
        plan.groups().forEach(g -> groups.put(g.key(), g));
        Map<List<String>, AboveStandard.Sums> rows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        sums.sums().forEach((k, v) -> {
            List<String> key = List.of(by == By.INSTITUTION ? k.institution() : "", k.group());
            rows.computeIfAbsent(key, x -> new AboveStandard.Sums()).merge(v);
        });
        BigDecimal amount = BigDecimal.ZERO, above = BigDecimal.ZERO;
        for (Map.Entry<List<String>, AboveStandard.Sums> e : rows.entrySet()) {
            StandardPlan.Group g = groups.get(e.getKey().get(1));
            AboveStandard.Sums s = e.getValue();
            List<Object> row = new ArrayList<>();
            if (by == By.INSTITUTION) {
                Institution inst = institutions.get(e.getKey().get(0));
                row.add(e.getKey().get(0));
                row.add(inst == null ? null : inst.name());
            }
            row.addAll(java.util.Arrays.asList(g.generic(), g.spec(), s.lines(), s.linesAbove(), plain(s.packs()),
                    Exact.money(s.amount()), Exact.money(s.above()),
                    s.amount().signum() == 0 ? null : Exact.ratio(Exact.divide(s.above(), s.amount()))));
            r.row(row);
            amount = amount.add(s.amount());
            above = above.add(s.above());
        }
        r.summary("amount", "Amount priced", "计价金额", ValueKind.MONEY, Exact.money(amount));
        r.summary("above_standard", "Paid above the standard", "超支付标准金额", ValueKind.MONEY, Exact.money(above));
        r.summary("above_share", "Share above", "超标准占比", ValueKind.RATIO, amount.signum() == 0 ? null : Exact.ratio(Exact.divide(above, amount)));
        if (sums.unknownProductLines() > 0) r.warning(sums.unknownProductLines() + " ledger lines are of products no bid of a VBP generic names; left out");
        if (sums.beforeStandardLines() > 0) r.warning(sums.beforeStandardLines() + " ledger lines are dated before their generic's standard started; left out");
        if (sums.unpricedLines() > 0) r.warning(sums.unpricedLines() + " ledger lines have no unit price and no quantity; left out");
        warnings(plan, r);
        return r;
    }

    /** A quantity without trailing zeros, never in 1E+3 form. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal r = v.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static void warnings(StandardPlan plan, Report r) {
        if (plan.nonSelectedWithoutStandard() > 0) {
            r.warning(plan.nonSelectedWithoutStandard() + " non-selected bids are of a generic and strength with no selected bid; no standard, left out");
        }
        if (plan.undatedCycles()) r.warning("some selected bids have no cycle dates: their standard counts as in its first year on every day");
    }
}
