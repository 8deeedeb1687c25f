package dev.vbp.output.view;

import dev.vbp.output.Column;
import dev.vbp.output.Label;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --where, --sort, --top, --columns and --pivot on small reports whose answers are worked out by hand. */
class ReportViewTest {

    /**
     * Online and offline amounts of two counties in two months; B has no February row.
     * 90/(90+10) = 0.9   A-02: 10/(10+10) = 0.5   B-01: 30/(30+20) = 0.6
     */
    static Report rates() {
        Report r = new Report("online-rate", List.of(
                new Column("county", "County", "县", ValueKind.TEXT),
                new Column("month", "Month", "月份", ValueKind.TEXT),
                new Column("institutions", "Institutions", "机构数", ValueKind.INTEGER),
                new Column("online_amount", "Online", "线上", ValueKind.MONEY),
                new Column("offline_amount", "Offline", "线下", ValueKind.MONEY),
                new Column("online_rate", "Rate", "网采率", ValueKind.RATIO)));
        r.row("A", "2024-01", 2L, new BigDecimal("90"), new BigDecimal("10"), new BigDecimal("0.9"));
        r.row("A", "2024-02", 2L, new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("0.5"));
        r.row("B", "2024-01", 1L, new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("0.6"));
        r.ratio("online_rate", List.of("online_amount"), List.of("online_amount", "offline_amount"));
        r.summary("online_rate", "Online rate", "网采率", ValueKind.RATIO, new BigDecimal("0.7647058824"));
        return r;
    }

    static ReportView where(String expr) {
        return new ReportView(List.of(), null, List.of(), expr, null);
    }

    static ReportView pivot(String spec) {
        return new ReportView(List.of(), null, List.of(), null, spec);
    }

    @Test
    void pivotOfRatesTakesItsTotalsFromTheSums() {
        Report p = pivot("county,month,online_rate").apply(rates());
        assertEquals(List.of("county", "2024-01", "2024-02", "total"), p.columns().stream().map(Column::key).toList());
        assertEquals(3, p.rows().size());
        // A: 0.9 and 0.5 in the cells; total (90+10)/(90+10+10+10) = 100/120, not the mean 0.7.
        assertEquals(Arrays.asList("A", new BigDecimal("0.9"), new BigDecimal("0.5"), new BigDecimal("0.8333333333")), p.rows().get(0));
        // B has no February: the cell is missing, the total is its one month.
        assertEquals(Arrays.asList("B", new BigDecimal("0.6"), null, new BigDecimal("0.6")), p.rows().get(1));
        // January: (90+30)/(100+50) = 0.8 (the mean of 0.9 and 0.6 would be 0.75); February 10/20; all 130/170.
        assertEquals(Arrays.asList(new Label("Total", "合计"), new BigDecimal("0.8"), new BigDecimal("0.5"), new BigDecimal("0.7647058824")),
                p.rows().get(2));
        assertEquals(List.of("county", "month", "online_rate"), p.parameters().get("pivot"));
    }

    @Test
    void pivotOfASumAddsExactly() {
        Report r = rates();
        r.sums("online_amount", "offline_amount");
        Report p = pivot("month,county,offline_amount").apply(r);
        assertEquals(Arrays.asList("2024-01", new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30")), p.rows().get(0));
        assertEquals(Arrays.asList("2024-02", new BigDecimal("10"), null, new BigDecimal("10")), p.rows().get(1));
        assertEquals(Arrays.asList(new Label("Total", "合计"), new BigDecimal("20"), new BigDecimal("20"), new BigDecimal("40")), p.rows().get(2));
    }

    @Test
    void pivotOfANonSumHasNoTotalsAndRefusesCellsWithSeveralRows() {
        Report p = pivot("county,month,institutions").apply(rates());
        assertEquals(Arrays.asList("A", 2L, 2L, null), p.rows().get(0));
        assertEquals(Arrays.asList(new Label("Total", "合计"), null, null, null), p.rows().get(2));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("institutions is neither a sum nor a ratio of sums")));
        ViewException e = assertThrows(ViewException.class, () -> pivot("county,county,institutions").apply(rates()));
        assertTrue(e.getMessage().contains("different"), e.getMessage());
        ViewException several = assertThrows(ViewException.class, () -> pivot("month,online_rate,institutions").apply(withDuplicate()));
        assertTrue(several.getMessage().contains("2 rows fall in the cell"), several.getMessage());
    }

    private static Report withDuplicate() {
        Report r = rates();
        Report copy = r.reshaped(r.columns(), List.of(r.rows().get(0), r.rows().get(0).stream().map(v -> v instanceof Long ? (Object) 5L : v).toList()));
        return copy;
    }

    @Test
    void pivotAfterWhereUsesOnlyTheKeptRows() {
        Report p = new ReportView(List.of(), null, List.of(), "month=2024-01", "county,month,online_rate").apply(rates());
        assertEquals(List.of("county", "2024-01", "total"), p.columns().stream().map(Column::key).toList());
        assertEquals(Arrays.asList(new Label("Total", "合计"), new BigDecimal("0.8"), new BigDecimal("0.8")), p.rows().get(2));
    }

    @Test
    void whereJoinsComparisonsWithAnd() {
        Report w = where("county=A and online_rate<0.8").apply(rates());
        assertEquals(1, w.rows().size());
        assertEquals("2024-02", w.value(0, "month"));
        assertEquals(List.of("2024-01", "2024-01"), months(where("online_rate>=60%").apply(rates())));
        assertEquals(List.of("2024-01"), months(where("county = b").apply(rates())));
        assertEquals(List.of("2024-01", "2024-02"), months(where("county!=B AND online_amount>=10.00").apply(rates())));
        assertEquals(List.of("2024-02"), months(where("month~-02").apply(rates())));
        assertEquals(0, where("offline_amount>1,000").apply(rates()).rows().size());
        assertTrue(where("county=A").apply(rates()).warnings().get(0).contains("the summary covers all 3 rows of the report; 2 are shown"));
    }

    @Test
    void whereRefusesWhatItCannotRead() {
        ViewException unknown = assertThrows(ViewException.class, () -> where("onlin_rate<0.9").apply(rates()));
        assertTrue(unknown.getMessage().contains("no column 'onlin_rate'") && unknown.getMessage().contains("did you mean online_rate?"),
                unknown.getMessage());
        assertTrue(assertThrows(ViewException.class, () -> where("online_rate<95").apply(rates())).getMessage().contains("ambiguous"));
        assertTrue(assertThrows(ViewException.class, () -> where("online_amount<lots").apply(rates())).getMessage().contains("expected a number"));
        assertTrue(assertThrows(ViewException.class, () -> where("county").apply(rates())).getMessage().contains("NAME OPERATOR VALUE"));
        assertTrue(assertThrows(ViewException.class, () -> where("county=A and").apply(rates())).getMessage().contains("joined by 'and'"));
    }

    @Test
    void sortTopAndColumns() {
        ReportView v = new ReportView(List.of("-online_rate"), 2, List.of("month", "county", "online_rate"), null, null);
        Report out = v.apply(rates());
        assertEquals(List.of("month", "county", "online_rate"), out.columns().stream().map(Column::key).toList());
        assertEquals(List.of(Arrays.asList("2024-01", "A", new BigDecimal("0.9")), Arrays.asList("2024-01", "B", new BigDecimal("0.6"))), out.rows());
        // Ties keep the report's order; a second key breaks them.
        Report byMonth = new ReportView(List.of("month", "-county"), null, List.of("county"), null, null).apply(rates());
        assertEquals(List.of(List.of("B"), List.of("A"), List.of("A")), byMonth.rows());
        assertTrue(assertThrows(ViewException.class, () -> new ReportView(List.of("rate"), null, List.of(), null, null).apply(rates()))
                .getMessage().contains("--sort: no column 'rate'"));
    }

    @Test
    void levelsAndCategoriesSortInTheirNaturalOrder() {
        Report r = new Report("x", List.of(new Column("level", "Level", "等级", ValueKind.TEXT), new Column("n", "N", "N", ValueKind.INTEGER)));
        for (String level : List.of("基层", "一级", "二级", "三级乙等", "三级甲等", "三级")) r.row(level, 1L);
        Report sorted = new ReportView(List.of("level"), null, List.of("level"), null, null).apply(r);
        assertEquals(List.of("三级", "三级甲等", "三级乙等", "二级", "一级", "基层"), sorted.rows().stream().map(row -> row.get(0)).toList());
        List<Object> cats = new java.util.ArrayList<>(List.of("hospital_preparation", "consumable", "herbal_pieces", "drug"));
        cats.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("drug", "consumable", "herbal_pieces", "hospital_preparation"), cats);
        List<Object> batches = new java.util.ArrayList<>(List.of("batch-10", "batch-2", "4+7"));
        batches.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("4+7", "batch-2", "batch-10"), batches);
    }

    private static List<Object> months(Report r) {
        return r.rows().stream().map(row -> row.get(1)).toList();
    }
}
