package dev.vbp.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arithmetic rules for money and ratios. Sums and products of source values are exact; a division (a unit
 * price, a ratio) is carried at 34 significant digits (IEEE decimal128), far below a fen on any real total.
 * Rounding for people happens once, when a report is built ({@link #ratio}, {@link #unitPrice},
 * {@link #money}) and again half-up when a table is drawn.
 */
public final class Exact {
    public static final MathContext MC = MathContext.DECIMAL128;
    /** Decimal places kept for ratios in reports (0.000001 = 0.0001%). */
    public static final int RATIO_SCALE = 6;
    /** Decimal places kept for unit prices in reports. */
    public static final int UNIT_PRICE_SCALE = 6;
    /** Decimal places kept for money in reports: sources carry up to 4 (e.g. 141.1333). */
    public static final int MONEY_SCALE = 4;

    private Exact() {}

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    public static BigDecimal ratio(BigDecimal r) {
        return r == null ? null : scaled(r, RATIO_SCALE);
    }

    public static BigDecimal unitPrice(BigDecimal p) {
        return p == null ? null : scaled(p, UNIT_PRICE_SCALE);
    }

    public static BigDecimal money(BigDecimal m) {
        return m == null ? null : scaled(m, MONEY_SCALE);
    }

    /** Rounds half-up to at most {@code scale} places and drops trailing zeros (but never to 1E+3 form). */
    private static BigDecimal scaled(BigDecimal v, int scale) {
        BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
