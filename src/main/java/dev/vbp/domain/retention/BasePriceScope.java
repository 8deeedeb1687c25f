package dev.vbp.domain.retention;

/** Which base-period rows P_pre of an allocated product is taken over. */
public enum BasePriceScope {
    /** The allocated product's generic and strength (docs/rules.md, retained-savings rulings; the default). */
    STRENGTH,
    /** Every strength of the generic, per minimum unit (a 1 mg and a 2 mg tablet weigh the same). */
    GENERIC
}
