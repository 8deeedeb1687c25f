package dev.vbp.domain.retention;

/** Where the retained amount is rounded (half-up, to money_decimals). */
public enum Rounding {
    /** Once, the institution's total; generic figures stay exact (domain.md §4 ruling; the default). */
    TOTAL,
    /** Each generic's retained amount first, then summed, for bureaus that settle that way. */
    GENERIC
}
