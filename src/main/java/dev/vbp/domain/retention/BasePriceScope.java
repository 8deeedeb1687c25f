package dev.vbp.domain.retention;

/** Which base-period rows P_pre of an allocated product is taken over. */
public enum BasePriceScope {
    /** The allocated product's generic and strength (domain.md §4 ruling; the default). */
    STRENGTH,
    /** Every strength of the generic, per minimum unit (a 1 mg and a 2 mg tablet weigh the same). */
    GENERIC
}
