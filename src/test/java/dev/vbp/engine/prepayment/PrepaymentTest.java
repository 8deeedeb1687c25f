package dev.vbp.engine.prepayment;

import dev.vbp.domain.Allocation;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Category;
import dev.vbp.domain.Strength;
import dev.vbp.domain.instruments.Prepayment;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.output.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * H1 agreed 10,000 units a year of X1 (10.00 a pack of 10) over 2020–2021: agreed amount 10,000.00 a year, 30% =
 * 3,000.00 due by 2020-01-31. Paid 2,000.00 on 2020-01-10 and 1,000.00 on 2020-02-15 (late); nothing for 2021.
 */
class PrepaymentTest {
    @TempDir
    Path dir;

    static final Bid X1 = new Bid("b1", "X1", "甲药片", "片", "10mg", Strength.parse("10mg"), 10, "M", new BigDecimal("10.00"), true,
            null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31), Category.DRUG, null, null, "bids.csv:2");
    static final Allocation A = new Allocation("b1", "H1", "X1", new BigDecimal("10000"), LocalDate.of(2020, 1, 1),
            LocalDate.of(2021, 12, 31), "allocations.csv:2");
    static final List<Prepayment> PAID = List.of(
            new Prepayment("H1", LocalDate.of(2020, 1, 10), new BigDecimal("2000.00"), null, "p.csv:2"),
            new Prepayment("H1", LocalDate.of(2020, 2, 15), new BigDecimal("1000.00"), "b1", "p.csv:3"),
            new Prepayment("H9", LocalDate.of(2020, 2, 15), new BigDecimal("5.00"), null, "p.csv:4"));

    static void same(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void aLatePrepaymentAndAnUnpaidYear() {
        LocalDate asOf = LocalDate.of(2021, 6, 30);
        PrepaymentPlan plan = new PrepaymentPlan(List.of(A), List.of(X1), asOf);
        plan.assign(PAID, asOf);
        PrepaymentReports.Result r = PrepaymentReports.years(plan, true, new BigDecimal("0.3"), 30, asOf, Map.of(), BigDecimal.ONE);
        Report report = r.report();
        assertEquals(2, report.rows().size());
        same("10000", report.value(0, "agreed_amount"));
        same("3000", report.value(0, "due"));
        assertEquals(LocalDate.of(2020, 1, 31), report.value(0, "due_by"));
        same("3000", report.value(0, "paid"));
        same("2000", report.value(0, "paid_on_time"));
        assertEquals(LocalDate.of(2020, 2, 15), report.value(0, "last_paid"));
        same("0", report.value(0, "shortfall"));
        assertEquals("late", report.value(0, "status"));
        assertEquals(LocalDate.of(2021, 1, 1), report.value(1, "year_start"));
        assertEquals("unpaid", report.value(1, "status"));
        same("3000", report.value(1, "shortfall"));
        assertEquals(List.of("H1 b1 2021-01-01 (0.00%)"), r.shortfalls());
        assertEquals(1, plan.warnings().size()); // H9 has no agreement year
        // on 2021-01-20 the 2021 prepayment is not yet due
        PrepaymentPlan early = new PrepaymentPlan(List.of(A), List.of(X1), LocalDate.of(2021, 1, 20));
        early.assign(PAID, LocalDate.of(2021, 1, 20));
        assertEquals("pending", PrepaymentReports.years(early, true, new BigDecimal("0.3"), 30, LocalDate.of(2021, 1, 20), Map.of(), null)
                .report().value(1, "status"));
    }

    @Test
    void offsetsAcrossMonths() throws Exception {
        Path ledger = dir.resolve("ledger.csv");
        Files.writeString(ledger, """
                date,institution_code,product_code,quantity,amount
                2020-01-05,H1,X1,150,1500.00
                2020-02-03,H1,X1,60,600.00
                2020-02-20,H1,X1,40,400.00
                2020-03-09,H1,X1,80,800.00
                2020-04-01,H1,X1,-10,-100.00
                2020-03-09,H1,X9,80,999.00
                2020-03-09,H2,X1,80,999.00
                """);
        LocalDate asOf = LocalDate.of(2020, 4, 30);
        PrepaymentPlan plan = new PrepaymentPlan(List.of(A), List.of(X1), asOf);
        plan.assign(PAID, asOf);
        var watched = plan.productsByInstitution();
        SettledPurchases s = LedgerScan.of(ledger).threads(2).chunkBytes(40).run(() -> new SettledPurchases(watched)).aggregate();
        Report r = PrepaymentReports.months(plan, s, asOf);
        assertEquals(4, r.rows().size());
        String[][] expected = {
                // prepaid, settled, offset, fund pays, balance
                {"2020-01", "2000", "1500", "1500", "0", "500"},
                {"2020-02", "1000", "1000", "1000", "0", "500"}, // the late 1,000 arrives in February
                {"2020-03", "0", "800", "500", "300", "0"},
                {"2020-04", "0", "-100", "0", "-100", "0"}};     // a return is not offset
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], r.value(i, "month"));
            same(expected[i][1], r.value(i, "prepaid"));
            same(expected[i][2], r.value(i, "settled"));
            same(expected[i][3], r.value(i, "offset"));
            same(expected[i][4], r.value(i, "fund_pays"));
            same(expected[i][5], r.value(i, "balance"));
        }
        same("3000", r.summaryValue("offset"));
        same("3200", r.summaryValue("settled")); // 1,500 + 1,000 + 800 − 100
    }
}
