package dev.vbp.domain.pricing;

/**
 * How drops of several products are averaged (docs/rules.md, Formulas). No official definition exists, so the one used
 * is always named in the output.
 */
public enum MeanKind {
    /** Mean of the products' drops: every product counts once. */
    SIMPLE,
    /** Σ q·drop / Σ q with q the agreed quantity in minimum units. */
    VOLUME,
    /** (Σ base·q − Σ bid·q) / Σ base·q: the share of money saved, equal to the savings rate. */
    AMOUNT
}
