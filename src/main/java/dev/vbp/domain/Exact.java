package dev.vbp.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arithmetic rules for money and ratios. Sums and products of source values are exact; a division (a unit
 * price, a ratio) is carried at 34 significant digits (IEEE decimal128), far below a fen on any real total.
 * A report keeps 10 decimal places ({@link #ratio}, {@link #unitPrice}, {@link #money}): enough that the one
 * half-up rounding a table or Markdown does for people (to a fen, or to 0.01%) gives the same digits as
 * rounding the exact value would, and JSON/CSV readers get figures that add up.
 */
public final class Exact {
    public static final MathContext MC = MathContext.DECIMAL128;
    /** Decimal places kept for ratios, unit prices and money in reports (sources carry up to 4). */
    public static final int REPORT_SCALE = 10;
    public static final int RATIO_SCALE = REPORT_SCALE;
    public static final int UNIT_PRICE_SCALE = REPORT_SCALE;
    public static final int MONEY_SCALE = REPORT_SCALE;

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
