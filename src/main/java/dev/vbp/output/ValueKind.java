package dev.vbp.output;

/**
 * What a cell holds, which decides how each format shows it. Values stay exact in the report; rounding
 * (half-up) happens only in the table and Markdown renderers.
 *
 * <ul>
 *   <li>{@link #RATIO}: a BigDecimal in 0–1. JSON and CSV write the plain number; tables show a percentage
 *       with two decimals.</li>
 *   <li>{@link #MONEY}: yuan as BigDecimal; tables show two decimals, JSON/CSV the exact value.</li>
 *   <li>{@link #UNIT_PRICE}: yuan per minimum unit; tables show four decimals.</li>
 * </ul>
 */
public enum ValueKind {
    TEXT, CODE, INTEGER, DECIMAL, MONEY, UNIT_PRICE, RATIO, DATE, FLAG
}
