package dev.vbp.engine.pricing;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Savings (节约采购资金): Σ (baseline unit price − bid unit price) × q, where q is the agreed quantity
 * (planned savings) or the purchased quantity from ledgers (realised savings); the report says which.
 * A product without a baseline or without a quantity is listed with the reason and adds nothing.
 */
public final class SavingsAnalysis {
    private SavingsAnalysis() {}

    /** Where q comes from: its name for the assumptions, and the quantity of a bid in minimum units (or null). */
    public record Volume(String name, String description, Function<Bid, BigDecimal> quantityOf) {
        public static Volume agreed() {
            return new Volume("agreed", "agreed quantity from the bids (planned savings), minimum units", Bid::agreedQty);
        }
    }

    private record Line(ProductDrop drop, BigDecimal qty, String reason) {
        boolean counted() { return reason == null; }
        BigDecimal base() { return drop.baseUnit().multiply(qty); }
        BigDecimal bid() { return drop.bid().unitPrice().multiply(qty); }
    }

    public static Report report(List<ProductDrop> drops, Grouping by, Volume volume, BaselineSettings baseline) {
        List<Line> lines = new ArrayList<>();
        for (ProductDrop d : drops) {
            BigDecimal q = volume.quantityOf().apply(d.bid());
            String reason = !d.hasBaseline() ? d.reason() : q == null ? "no " + volume.name() + " quantity" : null;
            lines.add(new Line(d, q, reason));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("batch_id", "Batch", "批次", ValueKind.CODE));
        if (by == Grouping.PRODUCT) {
            columns.add(new Column("product_code", "Product code", "产品编码", ValueKind.CODE));
            columns.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
            columns.add(new Column("spec", "Spec", "规格", ValueKind.TEXT));
            columns.add(new Column("manufacturer", "Manufacturer", "生产企业", ValueKind.TEXT));
        } else if (by == Grouping.GENERIC) {
            columns.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
        }
        columns.add(new Column("quantity", "Quantity", "数量", ValueKind.DECIMAL));
        columns.add(new Column("base_amount", "At baseline", "按基线金额", ValueKind.MONEY));
        columns.add(new Column("bid_amount", "At bid", "按中选价金额", ValueKind.MONEY));
        columns.add(new Column("savings", "Savings", "节约金额", ValueKind.MONEY));
        columns.add(new Column("savings_rate", "Rate", "节约率", ValueKind.RATIO));
        columns.add(new Column("note", "Note", "说明", ValueKind.TEXT));
        if (by == Grouping.CATEGORY) columns.set(0, new Column("category", "Category", "类别", ValueKind.TEXT));
        Report report = new Report("savings", columns);
        report.ratio("savings_rate", List.of("savings"), List.of("base_amount")).sums("quantity", "bid_amount");

        java.util.Map<String, List<Line>> groups = new java.util.LinkedHashMap<>();
        for (Line l : lines) groups.computeIfAbsent(by.keyOf(l.drop.bid()), k -> new ArrayList<>()).add(l);
        for (List<Line> group : groups.values()) {
            Bid first = group.get(0).drop.bid();
            List<Line> counted = group.stream().filter(Line::counted).toList();
            BigDecimal qty = sum(counted.stream().map(Line::qty).toList());
            BigDecimal base = sum(counted.stream().map(Line::base).toList());
            BigDecimal bid = sum(counted.stream().map(Line::bid).toList());
            List<Object> row = new ArrayList<>();
            row.add(by == Grouping.CATEGORY ? first.category().code() : first.batchId());
            if (by == Grouping.PRODUCT) {
                row.add(first.productCode());
                row.add(first.genericName());
                row.add(first.spec());
                row.add(first.manufacturer());
            } else if (by == Grouping.GENERIC) {
                row.add(first.genericName());
            }
            boolean any = !counted.isEmpty();
            row.add(any ? qty : null);
            row.add(any ? Exact.money(base) : null);
            row.add(any ? Exact.money(bid) : null);
            row.add(any ? Exact.money(base.subtract(bid)) : null);
            row.add(any && base.signum() != 0 ? Exact.ratio(Exact.divide(base.subtract(bid), base)) : null);
            List<String> reasons = group.stream().filter(l -> !l.counted()).map(Line::reason).distinct().toList();
            row.add(reasons.isEmpty() ? null : (by == Grouping.PRODUCT ? "" : (group.size() - counted.size()) + " left out: ")
                    + String.join("; ", reasons));
            report.row(row);
        }

        List<Line> counted = lines.stream().filter(Line::counted).toList();
        BigDecimal base = sum(counted.stream().map(Line::base).toList());
        BigDecimal bid = sum(counted.stream().map(Line::bid).toList());
        report.parameter("by", by.name().toLowerCase()).parameter("volume", volume.name());
        baseline.describe(report);
        report.assumption("volume", volume.description());
        report.assumption("savings", "Σ (baseline unit price − bid unit price) × quantity");
        report.assumption("selection", "selected bids only");
        report.summary("products", "Products", "产品数", ValueKind.INTEGER, lines.size());
        report.summary("counted", "Counted", "计入", ValueKind.INTEGER, counted.size());
        report.summary("base_amount", "At baseline", "按基线金额", ValueKind.MONEY, Exact.money(base));
        report.summary("bid_amount", "At bid", "按中选价金额", ValueKind.MONEY, Exact.money(bid));
        report.summary("savings", "Savings", "节约金额", ValueKind.MONEY, Exact.money(base.subtract(bid)));
        report.summary("savings_rate", "Savings rate", "节约率", ValueKind.RATIO,
                base.signum() == 0 ? null : Exact.ratio(Exact.divide(base.subtract(bid), base)));
        int left = lines.size() - counted.size();
        if (left > 0) report.warning(left + " of " + lines.size() + " products are left out (no baseline or no quantity); see the note column");
        return report;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) s = s.add(v);
        return s;
    }
}
