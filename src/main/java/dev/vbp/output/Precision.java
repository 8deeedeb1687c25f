package dev.vbp.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How exact money is in the machine-readable formats (CSV, JSON, xlsx). Reports hold exact values, often
 * with ten decimals from a division ({@code 36076574.1070058968}), which spreadsheets truncate rather than
 * round. {@link #ROUNDED}, the default, writes MONEY with two decimals and UNIT_PRICE with four, rounded
 * half-up once, here, from the exact value; {@link #FULL} writes the exact value. Ratios, quantities and
 * every other kind are never rounded. Tables and Markdown always show the rounded value.
 */
public enum Precision {
    ROUNDED, FULL;

    /** Decimals a money kind carries when rounded; -1 for kinds that are never rounded. */
    public static int scale(ValueKind kind) {
        return switch (kind) {
            case MONEY -> 2;
            case UNIT_PRICE -> 4;
            default -> -1;
        };
    }

    /** {@code value} as this precision writes it in a column or summary item of kind {@code kind}. */
    public Object apply(Object value, ValueKind kind) {
        if (this == FULL || value == null) return value;
        int scale = scale(kind);
        if (scale < 0) return value;
        BigDecimal d = DisplayText.decimal(value);
        return d == null ? value : d.setScale(scale, RoundingMode.HALF_UP);
    }
}
