package dev.vbp.domain.instruments;

import dev.vbp.domain.instruments.PaymentStandardRules.BelowMultiple;
import dev.vbp.domain.instruments.PaymentStandardRules.GlidePath;
import dev.vbp.domain.instruments.PaymentStandardRules.Outcome;
import dev.vbp.domain.instruments.PaymentStandardRules.SeveralWinners;
import dev.vbp.domain.instruments.PaymentStandardRules.Treatment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-worked payment standards: standard S = 1.00 per unit unless said otherwise. */
class PaymentStandardRulesTest {
    static final BigDecimal S = new BigDecimal("1.00");

    static PaymentStandardRules rules(SeveralWinners w, int years, GlidePath path, BelowMultiple below) {
        return new PaymentStandardRules(w, new BigDecimal("2"), new BigDecimal("0.3"), years, path, below, true);
    }

    static final PaymentStandardRules DEFAULT = InstrumentsPolicy.defaults().paymentStandard();

    static void same(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(rules(SeveralWinners.LOWEST, 2, GlidePath.LINEAR, BelowMultiple.STANDARD), DEFAULT);
    }

    @Test
    void twoTimesTheStandardGlidesAndJustBelowDoesNot() {
        Outcome at = DEFAULT.payment(new BigDecimal("2.00"), false, true, S, 0);
        assertEquals(Treatment.GLIDE, at.treatment());
        same("1.40", at.payment()); // 2.00 × (1 − 0.3)
        same("2", at.multiple());
        Outcome below = DEFAULT.payment(new BigDecimal("1.99"), false, true, S, 0);
        assertEquals(Treatment.BELOW_MULTIPLE_STANDARD, below.treatment());
        same("1.00", below.payment());
        same("1.99", below.multiple());
        Outcome own = rules(SeveralWinners.LOWEST, 2, GlidePath.LINEAR, BelowMultiple.OWN_PRICE)
                .payment(new BigDecimal("1.99"), false, true, S, 0);
        assertEquals(Treatment.BELOW_MULTIPLE_OWN_PRICE, own.treatment());
        same("1.99", own.payment());
    }

    @Test
    void eachYearOfATwoYearLinearPath() {
        BigDecimal own = new BigDecimal("2.00");
        same("1.40", DEFAULT.payment(own, false, true, S, 0).payment());
        same("1.20", DEFAULT.payment(own, false, true, S, 1).payment()); // 1.40 − 0.40 × 1/2
        same("1.00", DEFAULT.payment(own, false, true, S, 2).payment());
        same("1.00", DEFAULT.payment(own, false, true, S, 5).payment());
    }

    @Test
    void eachYearOfAThreeYearLinearPath() {
        PaymentStandardRules three = rules(SeveralWinners.LOWEST, 3, GlidePath.LINEAR, BelowMultiple.STANDARD);
        BigDecimal own = new BigDecimal("3.00"); // P0 = 2.10, steps of 1.10 / 3
        same("2.10", three.payment(own, false, true, S, 0).payment());
        assertEquals("1.7333333333", three.payment(own, false, true, S, 1).payment().setScale(10, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals("1.3666666667", three.payment(own, false, true, S, 2).payment().setScale(10, java.math.RoundingMode.HALF_UP).toPlainString());
        same("1.00", three.payment(own, false, true, S, 3).payment());
    }

    @Test
    void holdKeepsTheCutPriceUntilTheLastYear() {
        PaymentStandardRules hold = rules(SeveralWinners.LOWEST, 3, GlidePath.HOLD, BelowMultiple.STANDARD);
        BigDecimal own = new BigDecimal("4.00");
        same("2.80", hold.payment(own, false, true, S, 0).payment());
        same("2.80", hold.payment(own, false, true, S, 2).payment());
        same("1.00", hold.payment(own, false, true, S, 3).payment());
    }

    @Test
    void aProductWithoutConsistencyEvaluationIsCappedAtOnce() {
        Outcome high = DEFAULT.payment(new BigDecimal("3.00"), false, false, S, 0);
        assertEquals(Treatment.NOT_EVALUATED, high.treatment());
        same("1.00", high.payment()); // no 30% cut, no glide: the standard in year 0
        same("0.80", DEFAULT.payment(new BigDecimal("0.80"), false, false, S, 0).payment()); // at most the standard
    }

    @Test
    void severalWinnersUnderEachSetting() {
        List<BigDecimal> winners = List.of(new BigDecimal("1.00"), new BigDecimal("1.20"), new BigDecimal("1.40"));
        PaymentStandardRules lowest = rules(SeveralWinners.LOWEST, 2, GlidePath.LINEAR, BelowMultiple.STANDARD);
        PaymentStandardRules mean = rules(SeveralWinners.MEAN, 2, GlidePath.LINEAR, BelowMultiple.STANDARD);
        PaymentStandardRules each = rules(SeveralWinners.EACH, 2, GlidePath.LINEAR, BelowMultiple.STANDARD);
        same("1.00", lowest.standard(winners));
        same("1.20", mean.standard(winners));
        same("1.00", each.standard(winners));
        BigDecimal second = new BigDecimal("1.40");
        same("1.00", lowest.payment(second, true, true, lowest.standard(winners), 0).payment());
        same("1.20", mean.payment(second, true, true, mean.standard(winners), 0).payment());
        same("1.40", each.payment(second, true, true, each.standard(winners), 0).payment());
        // a non-selected product at 2.40: 2× the lowest (glides) but 2.40 / 1.20 = 2 under mean too
        same("1.68", lowest.payment(new BigDecimal("2.40"), false, true, new BigDecimal("1.00"), 0).payment());
        assertEquals(Treatment.GLIDE, mean.payment(new BigDecimal("2.40"), false, true, new BigDecimal("1.20"), 0).treatment());
        assertEquals(Treatment.BELOW_MULTIPLE_STANDARD, mean.payment(new BigDecimal("2.39"), false, true, new BigDecimal("1.20"), 0).treatment());
    }
}
