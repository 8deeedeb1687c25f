package dev.vbp.domain.instruments;

import dev.vbp.domain.Exact;

import java.math.BigDecimal;
import java.util.List;

/**
 * The payment-standard rules (医保支付标准, 医保发〔2019〕18号 as domain.md §4 reports it): the selected price is
 * the standard of its whole generic; a non-selected product priced at or above {@code highMultiple} × the
 * standard is cut by {@code firstCut} when the standard starts and then moves to the standard over
 * {@code glideYears}; below that multiple it is paid by {@code belowMultiple}; a product without consistency
 * evaluation at most the standard at once. All prices here are per minimum unit.
 *
 * @param missingMeansEvaluated how a bid that does not say whether it passed consistency evaluation counts
 */
public record PaymentStandardRules(SeveralWinners severalWinners, BigDecimal highMultiple, BigDecimal firstCut,
                                   int glideYears, GlidePath glidePath, BelowMultiple belowMultiple,
                                   boolean missingMeansEvaluated) {

    public enum SeveralWinners { LOWEST, MEAN, EACH }

    public enum GlidePath { LINEAR, HOLD }

    public enum BelowMultiple { STANDARD, OWN_PRICE }

    /** Why a product is paid what it is paid. */
    public enum Treatment {
        /** a selected product: the standard (its own price when each winner keeps its own) */
        SELECTED,
        /** not consistency-evaluated: at most the standard, at once */
        NOT_EVALUATED,
        /** at or above the multiple: cut, then gliding to the standard */
        GLIDE,
        /** below the multiple, paid at the standard */
        BELOW_MULTIPLE_STANDARD,
        /** below the multiple, paid at its own price */
        BELOW_MULTIPLE_OWN_PRICE;

        public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** What one product is paid per minimum unit, and why; {@code multiple} = own price / standard. */
    public record Outcome(BigDecimal payment, Treatment treatment, BigDecimal multiple) {}

    /**
     * The standard of a generic and strength from its selected unit prices: the lowest, or their mean. With
     * {@link SeveralWinners#EACH} each selected product keeps its own price and the lowest is the standard
     * the non-selected products are measured against.
     */
    public BigDecimal standard(List<BigDecimal> selectedUnitPrices) {
        if (selectedUnitPrices.isEmpty()) throw new IllegalArgumentException("no selected price");
        if (severalWinners == SeveralWinners.MEAN) {
            BigDecimal sum = selectedUnitPrices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return Exact.divide(sum, BigDecimal.valueOf(selectedUnitPrices.size()));
        }
        return selectedUnitPrices.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    /**
     * What a product is paid in year {@code year} of the standard (0: the year it starts, 1: the next ...).
     *
     * @param own       the product's own unit price
     * @param selected  whether it is a selected product of the generic
     * @param evaluated whether it passed consistency evaluation
     * @param standard  the generic's standard ({@link #standard})
     */
    public Outcome payment(BigDecimal own, boolean selected, boolean evaluated, BigDecimal standard, int year) {
        if (year < 0) throw new IllegalArgumentException("year before the standard starts");
        BigDecimal multiple = Exact.divide(own, standard);
        if (selected) {
            return new Outcome(severalWinners == SeveralWinners.EACH ? own : standard, Treatment.SELECTED, multiple);
        }
        if (!evaluated) return new Outcome(own.min(standard), Treatment.NOT_EVALUATED, multiple);
        if (own.compareTo(standard.multiply(highMultiple)) >= 0) {
            return new Outcome(glide(own, standard, year), Treatment.GLIDE, multiple);
        }
        return belowMultiple == BelowMultiple.STANDARD
                ? new Outcome(standard, Treatment.BELOW_MULTIPLE_STANDARD, multiple)
                : new Outcome(own, Treatment.BELOW_MULTIPLE_OWN_PRICE, multiple);
    }

    /**
     * The glide path: {@code P0 = own × (1 − firstCut)} in year 0, the standard from year {@code glideYears};
     * linear: {@code P0 − (P0 − S) × year / glideYears} between; hold: P0 until the last year.
     */
    public BigDecimal glide(BigDecimal own, BigDecimal standard, int year) {
        // A cut deeper than the gap would pay less than the standard: the path never goes below it.
        BigDecimal start = own.multiply(BigDecimal.ONE.subtract(firstCut)).max(standard);
        if (year >= glideYears) return standard;
        if (glidePath == GlidePath.HOLD || year == 0) return start;
        BigDecimal step = Exact.divide(start.subtract(standard).multiply(BigDecimal.valueOf(year)), BigDecimal.valueOf(glideYears));
        return start.subtract(step);
    }
}
