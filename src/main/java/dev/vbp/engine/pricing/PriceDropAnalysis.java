package dev.vbp.engine.pricing;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.pricing.DropItem;
import dev.vbp.domain.pricing.MeanKind;
import dev.vbp.domain.pricing.PriceDrops;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Price drops (价格降幅) of selected products against their baselines, per product or averaged per generic,
 * batch or category; summary with the mean (of the named kind), median, max (最高降幅) and min.
 * Products without a baseline stay in the rows with the reason and are left out of every statistic.
 */
public final class PriceDropAnalysis {
    private PriceDropAnalysis() {}

    private static final List<Column> PRODUCT_COLUMNS = List.of(
            new Column("batch_id", "Batch", "批次", ValueKind.CODE),
            new Column("product_code", "Product code", "产品编码", ValueKind.CODE),
            new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT),
            new Column("spec", "Spec", "规格", ValueKind.TEXT),
            new Column("manufacturer", "Manufacturer", "生产企业", ValueKind.TEXT),
            new Column("pack_count", "Per pack", "转换比", ValueKind.INTEGER),
            new Column("bid_price", "Bid price", "中选价格", ValueKind.MONEY),
            new Column("bid_unit_price", "Bid/unit", "中选单位价格", ValueKind.UNIT_PRICE),
            new Column("base_unit_price", "Base/unit", "基线单位价格", ValueKind.UNIT_PRICE),
            new Column("base_observations", "Base obs", "基线样本数", ValueKind.INTEGER),
            new Column("drop", "Drop", "降幅", ValueKind.RATIO),
            new Column("note", "Note", "说明", ValueKind.TEXT));

    public static Report report(List<ProductDrop> drops, Grouping by, MeanKind mean, BaselineSettings baseline) {
        Report report = by == Grouping.PRODUCT ? productRows(drops) : groupRows(drops, by, mean);
        report.parameter("by", by.name().toLowerCase()).parameter("mean", mean.name().toLowerCase());
        baseline.describe(report);
        report.assumption("drop", "1 − bid unit price / baseline unit price");
        report.assumption("mean", switch (mean) {
            case SIMPLE -> by == Grouping.GENERIC ? "simple: mean of product drops within each generic; summary mean of the generics"
                    : by == Grouping.PRODUCT ? "simple: mean of product drops"
                    : "simple: mean of product drops within each group and in the summary";
            case VOLUME -> "volume: Σ agreed qty × drop / Σ agreed qty (minimum units)";
            case AMOUNT -> "amount: (Σ base × qty − Σ bid × qty) / Σ base × qty, the savings rate";
        });
        report.assumption("selection", "selected bids only");
        report.assumption("statistics", "median, max and min over products with a baseline");
        summarise(report, drops, by, mean);
        return report;
    }

    private static Report productRows(List<ProductDrop> drops) {
        Report report = new Report("price-drop", PRODUCT_COLUMNS);
        for (ProductDrop d : drops) {
            Bid b = d.bid();
            report.row(b.batchId(), b.productCode(), b.genericName(), b.spec(), b.manufacturer(), b.packCount(),
                    b.bidPrice(), Exact.unitPrice(b.unitPrice()), Exact.unitPrice(d.baseUnit()),
                    d.hasBaseline() ? d.observations() : null, Exact.ratio(d.drop()), d.reason());
        }
        return report;
    }

    private static Report groupRows(List<ProductDrop> drops, Grouping by, MeanKind mean) {
        List<Column> columns = new ArrayList<>();
        if (by == Grouping.GENERIC || by == Grouping.BATCH) columns.add(new Column("batch_id", "Batch", "批次", ValueKind.CODE));
        if (by == Grouping.GENERIC) columns.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
        if (by == Grouping.CATEGORY) columns.add(new Column("category", "Category", "类别", ValueKind.TEXT));
        columns.add(new Column("products", "Products", "产品数", ValueKind.INTEGER));
        columns.add(new Column("with_baseline", "With baseline", "有基线", ValueKind.INTEGER));
        columns.add(new Column("drop", "Drop (" + mean.name().toLowerCase() + ")", "降幅(" + zh(mean) + ")", ValueKind.RATIO));
        columns.add(new Column("max_drop", "Max drop", "最高降幅", ValueKind.RATIO));
        columns.add(new Column("min_drop", "Min drop", "最低降幅", ValueKind.RATIO));
        columns.add(new Column("note", "Note", "说明", ValueKind.TEXT));
        Report report = new Report("price-drop", columns);
        for (List<ProductDrop> group : groups(drops, by).values()) {
            Bid first = group.get(0).bid();
            List<ProductDrop> based = group.stream().filter(ProductDrop::hasBaseline).toList();
            List<BigDecimal> values = based.stream().map(ProductDrop::drop).toList();
            BigDecimal groupDrop = PriceDrops.mean(based.stream().map(ProductDrop::item).toList(), mean);
            List<Object> row = new ArrayList<>();
            if (by == Grouping.GENERIC || by == Grouping.BATCH) row.add(first.batchId());
            if (by == Grouping.GENERIC) row.add(first.genericName());
            if (by == Grouping.CATEGORY) row.add(first.category().code());
            row.add(group.size());
            row.add(based.size());
            row.add(Exact.ratio(groupDrop));
            row.add(Exact.ratio(values.stream().max(BigDecimal::compareTo).orElse(null)));
            row.add(Exact.ratio(values.stream().min(BigDecimal::compareTo).orElse(null)));
            row.add(note(group.size() - based.size(), based.isEmpty() ? null : groupDrop, mean));
            report.row(row);
        }
        return report;
    }

    private static String note(int missing, BigDecimal drop, MeanKind mean) {
        List<String> notes = new ArrayList<>();
        if (missing > 0) notes.add(missing + " without baseline");
        if (drop == null && mean != MeanKind.SIMPLE) notes.add("agreed quantities missing for a " + mean.name().toLowerCase() + " mean");
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    static Map<String, List<ProductDrop>> groups(List<ProductDrop> drops, Grouping by) {
        Map<String, List<ProductDrop>> groups = new LinkedHashMap<>();
        for (ProductDrop d : drops) groups.computeIfAbsent(by.keyOf(d.bid()), k -> new ArrayList<>()).add(d);
        return groups;
    }

    /**
     * Median, max (最高降幅) and min are always over products. The mean is of the named kind over products; only
     * a simple mean by generic averages within each generic first (docs/rules.md, Formulas), and says so in its label.
     */
    private static void summarise(Report report, List<ProductDrop> drops, Grouping by, MeanKind mean) {
        List<ProductDrop> based = drops.stream().filter(ProductDrop::hasBaseline).toList();
        List<BigDecimal> productDrops = based.stream().map(ProductDrop::drop).toList();
        boolean overGenerics = mean == MeanKind.SIMPLE && by == Grouping.GENERIC;
        BigDecimal meanDrop;
        if (overGenerics) {
            List<BigDecimal> genericDrops = new ArrayList<>();
            for (List<ProductDrop> g : groups(based, by).values()) {
                genericDrops.add(PriceDrops.mean(g.stream().map(ProductDrop::item).toList(), mean));
            }
            meanDrop = PriceDrops.meanOf(genericDrops);
        } else {
            meanDrop = PriceDrops.mean(based.stream().map(ProductDrop::item).toList(), mean);
        }
        String kind = mean.name().toLowerCase() + (overGenerics ? ", over generics" : "");
        report.summary("products", "Products", "产品数", ValueKind.INTEGER, drops.size());
        report.summary("with_baseline", "With baseline", "有基线", ValueKind.INTEGER, based.size());
        report.summary("without_baseline", "Without baseline", "无基线", ValueKind.INTEGER, drops.size() - based.size());
        report.summary("mean_drop", "Mean drop (" + kind + ")", "平均降幅(" + zh(mean) + (overGenerics ? "，按通用名" : "") + ")",
                ValueKind.RATIO, Exact.ratio(meanDrop));
        report.summary("median_drop", "Median drop (products)", "降幅中位数(产品)", ValueKind.RATIO, Exact.ratio(PriceDrops.median(productDrops)));
        report.summary("max_drop", "Max drop (products)", "最高降幅(产品)", ValueKind.RATIO,
                Exact.ratio(productDrops.stream().max(BigDecimal::compareTo).orElse(null)));
        report.summary("min_drop", "Min drop (products)", "最低降幅(产品)", ValueKind.RATIO,
                Exact.ratio(productDrops.stream().min(BigDecimal::compareTo).orElse(null)));
        int missing = drops.size() - based.size();
        if (missing > 0) {
            report.warning(missing + " of " + drops.size() + " products have no baseline; they are listed with the reason"
                    + " and left out of the statistics");
        }
        if (mean != MeanKind.SIMPLE && meanDrop == null && !based.isEmpty()) {
            report.warning("a " + mean.name().toLowerCase() + " mean needs the agreed quantity of every product; some are missing");
        }
    }

    static String zh(MeanKind mean) {
        return switch (mean) {
            case SIMPLE -> "算术平均";
            case VOLUME -> "按量加权";
            case AMOUNT -> "按金额加权";
        };
    }
}
