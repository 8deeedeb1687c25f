package dev.vbp.domain.retention;

import java.math.BigDecimal;

/**
 * A score band of the assessment: scores in [min, max) keep {@code ratio} of the balance. A null min is
 * open below, a null max open above.
 */
public record ScoreBand(String name, BigDecimal min, BigDecimal max, BigDecimal ratio) {

    public boolean contains(BigDecimal score) {
        return (min == null || score.compareTo(min) >= 0) && (max == null || score.compareTo(max) < 0);
    }

    /** The band as a reader writes it: {@code A [80, ∞) → 0.5}. */
    public String describe() {
        return name + " [" + (min == null ? "−∞" : min.toPlainString()) + ", " + (max == null ? "∞" : max.toPlainString())
                + ") → " + ratio.toPlainString();
    }
}
