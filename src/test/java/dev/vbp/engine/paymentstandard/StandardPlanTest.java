package dev.vbp.engine.paymentstandard;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Category;
import dev.vbp.domain.Strength;
import dev.vbp.domain.instruments.EvaluatedBid;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.output.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One generic, 10 units a pack: selected X1 at 10.00 (1.00 a unit, cycle 2020), non-selected X2 at 20.00 (2.00 ×
 * the standard: 14.00 a pack in 2020, 12.00 from 2021-01-01, 10.00 from 2022-01-01), X3 not evaluated at 30.00.
 */
class StandardPlanTest {
    @TempDir
    Path dir;

    static Bid bid(String code, String price, boolean selected) {
        return new Bid("b1", code, "甲药片", "片", "10mg", Strength.parse("10mg"), 10, "M-" + code, new BigDecimal(price), selected,
                null, null, selected ? LocalDate.of(2020, 1, 1) : null, selected ? LocalDate.of(2020, 12, 31) : null, Category.DRUG,
                null, null, "bids.csv:" + code);
    }

    static StandardPlan plan() {
        return new StandardPlan(List.of(new EvaluatedBid(bid("X1", "10.00", true), true), new EvaluatedBid(bid("X2", "20.00", false), null),
                new EvaluatedBid(bid("X3", "30.00", false), false)), InstrumentsPolicy.defaults().paymentStandard());
    }

    static void same(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void theYearOfTheGlidePathFollowsTheDay() {
        StandardPlan p = plan();
        assertNull(p.packPayment("X2", 20191231));
        same("14.00", p.packPayment("X2", 20200101)); // the day the cycle starts: year 0
        same("14.00", p.packPayment("X2", 20201231));
        same("12.00", p.packPayment("X2", 20210101)); // the cycle has ended; it still sets the standard
        same("10.00", p.packPayment("X2", 20220101));
        same("10.00", p.packPayment("X3", 20200101)); // not evaluated: the standard at once
        same("10.00", p.packPayment("X1", 20200101));
        Report r = PaymentStandardReports.products(p, LocalDate.of(2021, 6, 30));
        assertEquals(3, r.rows().size());
        assertEquals("glide", r.value(1, "treatment"));
        assertEquals(1, r.value(1, "year"));
        same("1.2", r.value(1, "payment"));
        same("0.8", r.value(1, "patient_above"));
        assertEquals("not_evaluated", r.value(2, "treatment"));
        same("1", r.value(2, "payment"));
        assertEquals(0, PaymentStandardReports.products(p, LocalDate.of(2019, 12, 31)).rows().size());
    }

    @Test
    void paidAboveTheStandardFromTheLedger() throws Exception {
        String csv = """
                date,institution_code,product_code,quantity,unit_price,amount
                2019-12-31,H1,X2,5,20.00,100.00
                2020-06-01,H1,X2,10,20.00,200.00
                2021-01-01,H1,X2,10,20.00,200.00
                2022-01-01,H1,X2,1,20.00,20.00
                2020-06-01,H1,X1,10,11.00,110.00
                2020-07-01,H1,X1,-2,11.00,-22.00
                2020-03-03,H2,X2,2,,30.00
                2020-03-03,H2,Y9,2,5.00,10.00
                """;
        Path f = dir.resolve("ledger.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        StandardPlan p = plan();
        StandardPlan.Lookup lookup = p.lookup();
        AboveStandard a = LedgerScan.of(f).threads(2).chunkBytes(48).run(() -> new AboveStandard(lookup)).aggregate();
        assertEquals(1, a.unknownProductLines());
        assertEquals(1, a.beforeStandardLines());
        Report r = PaymentStandardReports.above(p, a, Map.of(), PaymentStandardReports.By.INSTITUTION);
        assertEquals(2, r.rows().size());
        // H1: 6 × 10 (2020) + 8 × 10 (2021) + 10 × 1 (2022) + 1 × 10 − 1 × 2 (X1 above its standard, a return nets)
        same("158", r.value(0, "above_standard"));
        same("508", r.value(0, "amount"));
        assertEquals(5L, r.value(0, "lines"));
        same("2", r.value(1, "above_standard")); // 30.00 / 2 = 15.00 a pack, 1.00 above 14.00
        same("160", r.summaryValue("above_standard"));
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(a); // serialisable, lookup included
    }
}
