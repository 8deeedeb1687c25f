package dev.vbp.engine.pricing;

import dev.vbp.domain.Bid;

/** The level at which price drops and savings are reported ({@code --by}). */
public enum Grouping {
    PRODUCT, GENERIC, BATCH, CATEGORY;

    /** The group a bid belongs to at this level. */
    public String keyOf(Bid b) {
        return switch (this) {
            case PRODUCT -> b.batchId() + "\u0000" + (b.productCode() != null ? b.productCode()
                    : b.genericName() + "\u0000" + b.spec() + "\u0000" + b.manufacturer() + "\u0000" + b.packCount());
            case GENERIC -> b.batchId() + "\u0000" + b.key().fullName();
            case BATCH -> b.batchId();
            case CATEGORY -> b.category().code();
        };
    }
}
