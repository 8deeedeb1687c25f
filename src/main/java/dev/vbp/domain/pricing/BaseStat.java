package dev.vbp.domain.pricing;

/** How several pre-VBP price observations of one product become one baseline unit price. */
public enum BaseStat {
    /** Arithmetic mean of the observed unit prices. */
    MEAN,
    /** Σ unit price × quantity / Σ quantity; needs quantities in the baseline file. */
    WEIGHTED,
    /** The lowest observed unit price (a "given year's lowest price" baseline). */
    MIN
}
