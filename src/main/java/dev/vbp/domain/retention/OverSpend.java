package dev.vbp.domain.retention;

/** What a generic whose spending exceeds its budget does to the institution's retained amount. */
public enum OverSpend {
    /** The over-spent generic earns nothing and takes nothing away (Shenzhen draft). */
    ZERO,
    /** Over-spend is set against the balances of the institution's other generics. */
    OFFSET
}
