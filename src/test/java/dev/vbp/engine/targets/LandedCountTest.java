package dev.vbp.engine.targets;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Category;
import dev.vbp.domain.Strength;
import dev.vbp.domain.instruments.TargetSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drug A in force through 2020, drug B from 2021, a stent class from 2021; targets 2 drugs and 1 class. */
class LandedCountTest {
    static Bid bid(String batch, String code, String name, Category cat, String from, String to, boolean selected) {
        return new Bid(batch, code, name, null, "10mg", Strength.parse("10mg"), 1, "M", BigDecimal.ONE, selected, null, "四川省",
                LocalDate.parse(from), LocalDate.parse(to), cat, null, null, "bids.csv:" + code);
    }

    static final List<Bid> BIDS = List.of(
            bid("b1", "XA", "甲药片", Category.DRUG, "2020-01-01", "2020-12-31", true),
            bid("b1", "XA2", "甲药片", Category.DRUG, "2020-01-01", "2020-12-31", true),
            bid("b2", "XB", "乙药片", Category.DRUG, "2021-01-01", "2021-12-31", true),
            bid("b2", "XN", "丙药片", Category.DRUG, "2021-01-01", "2021-12-31", false),
            bid("c1", "C0201010010000100001", "冠脉支架", Category.CONSUMABLE, "2021-01-01", "2022-12-31", true));
    static final TargetSet TARGET = new TargetSet("t", "四川省", LocalDate.of(2021, 12, 31), 2, 1, "test");

    @Test
    void theLastDayOfACycleCountsAndTheDayAfterDoesNot() {
        LandedCount.Result last = LandedCount.count(BIDS, LocalDate.of(2020, 12, 31), null, LandedCount.ClassBy.NAME, TARGET, BigDecimal.ONE);
        assertEquals(1, last.report().summaryValue("drugs"));
        assertEquals("甲药片", last.report().value(0, "name"));
        assertEquals(2, last.report().value(0, "products"));
        assertEquals(0, last.report().summaryValue("consumable_classes"));
        assertEquals(List.of("drugs 1 of 2", "consumable classes 0 of 1"), last.shortfalls());

        LandedCount.Result after = LandedCount.count(BIDS, LocalDate.of(2021, 1, 1), null, LandedCount.ClassBy.NAME, TARGET, BigDecimal.ONE);
        // the day cycle b2 and c1 start: B and the stents count; A's cycle ended the day before; the non-selected bid never counts
        assertEquals(1, after.report().summaryValue("drugs"));
        assertEquals("乙药片", after.report().value(0, "name"));
        assertEquals(1, after.report().summaryValue("consumable_classes"));
        assertEquals(new BigDecimal("0.5"), after.report().summaryValue("drug_attainment"));
        assertEquals(false, after.report().summaryValue("met"));
        assertEquals(List.of("drugs 1 of 2"), after.shortfalls());
        assertEquals(List.of(), LandedCount.count(BIDS, LocalDate.of(2021, 1, 1), null, LandedCount.ClassBy.NAME, TARGET,
                new BigDecimal("0.5")).shortfalls());
    }

    @Test
    void consumableClassesByCode() {
        LandedCount.Result r = LandedCount.count(BIDS, LocalDate.of(2021, 6, 1), null, LandedCount.ClassBy.CODE, TARGET, null);
        assertEquals("C020101", r.report().value(1, "name"));
        assertEquals(List.of(), r.shortfalls());
    }
}
