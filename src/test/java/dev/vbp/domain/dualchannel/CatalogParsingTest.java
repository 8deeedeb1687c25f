package dev.vbp.domain.dualchannel;

import dev.vbp.domain.RateThreshold;
import dev.vbp.errors.BadInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The national list's printed forms (医保发〔2025〕33号 style), as in sample-data/catalog.csv. */
class CatalogParsingTest {

    @Test
    void agreementPeriodInTheListsChineseForm() {
        AgreementPeriod p = AgreementPeriod.parse("2026年1月1日至2027年12月31日");
        assertEquals(LocalDate.of(2026, 1, 1), p.start());
        assertEquals(LocalDate.of(2027, 12, 31), p.end());
        assertEquals(AgreementPeriod.Standing.IN_FORCE, p.standingOn(LocalDate.of(2026, 1, 1)));
        assertEquals(AgreementPeriod.Standing.IN_FORCE, p.standingOn(LocalDate.of(2027, 12, 31)), "both ends inclusive");
        assertEquals(AgreementPeriod.Standing.LAPSED, p.standingOn(LocalDate.of(2028, 1, 1)));
        assertEquals(AgreementPeriod.Standing.NOT_BEGUN, p.standingOn(LocalDate.of(2025, 12, 31)));
        assertEquals(new AgreementPeriod(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 12, 31)),
                AgreementPeriod.parse(" 2023年3月1日 至 2024年12月31日 "));
        assertEquals(new AgreementPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)),
                AgreementPeriod.parse("2026-01-01..2027-12-31"));
    }

    @Test
    void badPeriodsAreRefused() {
        assertThrows(BadInputException.class, () -> AgreementPeriod.parse("2026年1月1日"));
        assertThrows(BadInputException.class, () -> AgreementPeriod.parse("2026年2月30日至2027年12月31日"));
        assertThrows(BadInputException.class, () -> AgreementPeriod.parse("2027年1月1日至2026年12月31日"));
    }

    @Test
    void paymentStandardWithUnitAndSpec() {
        PaymentStandard p = PaymentStandard.parse("3.18元(每片含沙库巴曲24mg/缬沙坦26mg)；5.4元(每片含沙库巴曲49mg/缬沙坦51mg)");
        assertEquals(PaymentStandard.Status.PRICED, p.status());
        assertEquals(List.of(new PaymentStandard.Price(new BigDecimal("3.18"), "每片含沙库巴曲24mg/缬沙坦26mg"),
                new PaymentStandard.Price(new BigDecimal("5.4"), "每片含沙库巴曲49mg/缬沙坦51mg")), p.prices());
        PaymentStandard three = PaymentStandard.parse("317元(8mg)；352元(10mg)；384元(12mg)");
        assertEquals(3, three.prices().size());
        assertEquals(new BigDecimal("384"), three.prices().get(2).yuan());
        assertEquals("12mg", three.prices().get(2).per());
        assertEquals(new BigDecimal("1.58"), PaymentStandard.parse("1.58元（每片含…）").prices().get(0).yuan(), "full-width brackets");
        assertNull(PaymentStandard.parse("2.5元").prices().get(0).per());
    }

    @Test
    void confidentialPriceIsKeptAsConfidential() {
        for (String star : new String[]{"*", "＊", " * "}) {
            PaymentStandard p = PaymentStandard.parse(star);
            assertTrue(p.confidential(), star);
            assertTrue(p.prices().isEmpty(), "no price, not zero");
            assertEquals("confidential", p.display());
        }
        assertEquals(PaymentStandard.Status.MISSING, PaymentStandard.parse("").status());
        assertEquals(PaymentStandard.Status.UNREADABLE, PaymentStandard.parse("面议").status());
    }

    @Test
    void drugClass() {
        assertEquals(DrugClass.JIA, DrugClass.parse("甲").orElseThrow());
        assertEquals(DrugClass.YI, DrugClass.parse(" 乙类 ").orElseThrow());
        assertTrue(DrugClass.parse("丙").isEmpty());
    }

    @Test
    void rateThresholds() {
        assertEquals(new BigDecimal("0.95"), RateThreshold.parse("95%"));
        assertEquals(new BigDecimal("0.955"), RateThreshold.parse("95.5 %"));
        assertEquals(new BigDecimal("0.95"), RateThreshold.parse("0.95"));
        assertEquals(new BigDecimal("1"), RateThreshold.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> RateThreshold.parse("95"), "ambiguous");
        assertThrows(IllegalArgumentException.class, () -> RateThreshold.parse("120%"));
        assertThrows(IllegalArgumentException.class, () -> RateThreshold.parse("abc"));
    }

    @Test
    void matchingByCodeElseByNameAndForm() {
        CatalogEntry coded = entry("XA00AAE001A010000000001", "甲片", "口服常释剂型");
        CatalogEntry uncoded = entry(null, "乙胶囊", "口服常释剂型");
        DrugMatcher m = new DrugMatcher(List.of(coded, uncoded));
        assertEquals(coded, m.match(new DrugRef("XA00AAE001A010000000001", "别名", null)).entry(), "code wins");
        assertEquals(uncoded, m.match(new DrugRef(null, " 乙胶囊 ", null)).entry(), "name when a side has no code");
        assertEquals(uncoded, m.match(new DrugRef("XB00AAE002A020000000002", "乙胶囊", "口服常释剂型")).entry());
        assertTrue(!m.match(new DrugRef(null, "乙胶囊", "注射剂")).found(), "form differs");
        assertTrue(!m.match(new DrugRef("XZ00AAE009A010000000009", "甲片", null)).found(), "both have codes and they differ");
        assertEquals(coded, m.match(new DrugRef(null, "甲片", null)).entry());
    }

    private static CatalogEntry entry(String code, String name, String form) {
        return new CatalogEntry(code, name, form, DrugClass.YI, null, PaymentStandard.parse("*"),
                AgreementPeriod.parse("2026年1月1日至2027年12月31日"), true, null, "test", List.of());
    }
}
