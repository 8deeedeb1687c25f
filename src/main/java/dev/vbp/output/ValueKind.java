package dev.vbp.output;

/**
 * What a cell holds, which decides how each format shows it. Values stay exact in the report; rounding
 * (half-up) happens only in renderers.
 *
 * <ul>
 *   <li>{@link #RATIO}: a BigDecimal in 0–1. JSON and CSV write the plain number; tables show a percentage
 *       with two decimals.</li>
 *   <li>{@link #MONEY}: yuan as BigDecimal; two decimals everywhere (see below).</li>
 *   <li>{@link #UNIT_PRICE}: yuan per minimum unit; four decimals.</li>
 *   <li>{@link #MONTH}: a calendar month, a {@link java.time.YearMonth} or its text {@code 2024-01}; written
 *       {@code 2024-01} everywhere, drawn as a time axis in charts.</li>
 * </ul>
 *
 * <p>Money (MONEY, UNIT_PRICE) in CSV, JSON and xlsx is rounded half-up once, to two and four decimals,
 * unless {@code --precision full} asks for the exact value (see {@link Precision}).
 */
public enum ValueKind {
    TEXT, CODE, INTEGER, DECIMAL, MONEY, UNIT_PRICE, RATIO, DATE, FLAG, MONTH
}
