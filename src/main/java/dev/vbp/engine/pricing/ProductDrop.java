package dev.vbp.engine.pricing;

import dev.vbp.domain.Bid;
import dev.vbp.domain.pricing.DropItem;
import dev.vbp.domain.pricing.PriceDrops;

import java.math.BigDecimal;

/** A bid with its baseline unit price, or the reason it has none. */
public record ProductDrop(Bid bid, BigDecimal baseUnit, int observations, String reason) {

    public boolean hasBaseline() { return baseUnit != null; }

    public BigDecimal drop() {
        return hasBaseline() ? PriceDrops.drop(bid.unitPrice(), baseUnit) : null;
    }

    public DropItem item() {
        return new DropItem(bid.unitPrice(), baseUnit, bid.agreedQty());
    }
}
