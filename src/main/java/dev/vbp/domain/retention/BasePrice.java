package dev.vbp.domain.retention;

/** How P_pre[g] is formed from base-period prices. */
public enum BasePrice {
    /** Σ price·qty / Σ qty; a generic whose base-period rows carry no quantity has no P_pre. */
    WEIGHTED,
    /** Like WEIGHTED, but falls back to the simple mean of unit prices when no row carries a quantity. */
    MEAN
}
