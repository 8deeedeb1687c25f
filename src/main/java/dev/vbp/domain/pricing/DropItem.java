package dev.vbp.domain.pricing;

import java.math.BigDecimal;

/** One product's bid and baseline unit prices and its agreed quantity (minimum units; null when unknown). */
public record DropItem(BigDecimal bidUnit, BigDecimal baseUnit, BigDecimal quantity) {

    public BigDecimal drop() {
        return PriceDrops.drop(bidUnit, baseUnit);
    }
}
