package dev.vbp.output;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small reports shared by the renderer tests; each figure is chosen to exercise one formatting rule. */
final class SampleReports {

    private SampleReports() {}

    static final List<Column> COLUMNS = List.of(
            new Column("product_code", "Code", "编码", ValueKind.CODE),
            new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT),
            new Column("bid_price", "Bid price", "中选价", ValueKind.MONEY),
            new Column("unit_price", "Unit price", "单位价格", ValueKind.UNIT_PRICE),
            new Column("drop", "Drop", "降幅", ValueKind.RATIO),
            new Column("agreed_qty", "Agreed qty", "约定采购量", ValueKind.INTEGER),
            new Column("pack_count", "Pack", "转换比", ValueKind.DECIMAL),
            new Column("cycle_start", "Cycle start", "周期开始", ValueKind.DATE),
            new Column("selected", "Selected", "中选", ValueKind.FLAG));

    /**
     * Three rows: a Chinese name with figures that round half-up (1234567.885 → 1,234,567.89,
     * 141.13335 → 141.1334, 0.52154 → 52.15%); a formula-like name with a negative price and nulls; and a
     * name holding a quote, a comma and a pipe.
     */
    static Report drugs() {
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("drug", new BigDecimal("0.70"));
        weights.put("consumable", new BigDecimal("0.30"));
        return new Report("price-drop", COLUMNS)
                .parameter("batch", "4+7")
                .parameter("regions", List.of("泉州", "厦门"))
                .parameter("as_of", LocalDate.of(2024, 3, 1))
                .parameter("top", 10)
                .parameter("include_consumables", false)
                .parameter("format", Format.MARKDOWN)
                .assumption("mean", "simple")
                .assumption("threshold", new BigDecimal("0.10"))
                .assumption("weights", weights)
                .row("X0001", "恩替卡韦分散片", new BigDecimal("1234567.885"), new BigDecimal("141.13335"),
                        new BigDecimal("0.52154"), 28404L, new BigDecimal("14"), LocalDate.of(2024, 1, 31), true)
                .row("0042", "=SUM(A1)", new BigDecimal("-12.5"), null,
                        new BigDecimal("-0.0525"), null, new BigDecimal("1E+3"), null, false)
                .row("X0003", "阿托伐他汀钙片 \"20mg, 7片\"|", new BigDecimal("0.005"), new BigDecimal("0.00005"),
                        new BigDecimal("1"), 7, new BigDecimal("0.50"), LocalDate.of(2023, 12, 1), null)
                .summary("products", "Products", "品种数", ValueKind.INTEGER, 3)
                .summary("mean_drop", "Mean drop", "平均降幅", ValueKind.RATIO, new BigDecimal("0.4321"))
                .summary("total_saved", "Saved", "节约金额", ValueKind.MONEY, new BigDecimal("11240000000.005"))
                .warning("1 row left out: no baseline price for X0004")
                .warning("产品 0042 没有约定采购量");
    }

    /** The same columns and summary with no rows. */
    static Report empty() {
        return new Report("price-drop", COLUMNS)
                .summary("products", "Products", "品种数", ValueKind.INTEGER, 0);
    }
}
