package dev.vbp.domain;

import java.math.BigDecimal;

/**
 * A rate threshold a user types: {@code 95%} or {@code 0.95}. A bare number above 1 ({@code 95}) is refused:
 * it could mean 95% or be a typo for 0.95, and a CI gate must not guess.
 */
public final class RateThreshold {
    private RateThreshold() {}

    /** The rate in 0–1, or IllegalArgumentException with the accepted forms. */
    public static BigDecimal parse(String text) {
        String s = text.trim();
        try {
            BigDecimal r;
            if (s.endsWith("%")) {
                r = new BigDecimal(s.substring(0, s.length() - 1).trim()).movePointLeft(2);
            } else {
                r = new BigDecimal(s);
                if (r.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("rate '" + text + "' is ambiguous: write " + s + "% or a fraction such as 0.95");
                }
            }
            if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("rate '" + text + "' is outside 0%–100%");
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid rate '" + text + "': expected e.g. 95% or 0.95");
        }
    }
}
