package dev.vbp.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One product's bid in one VBP batch. Prices are per pack; {@link #unitPrice()} is per minimum dosage unit
 * (最小制剂单位), the only fair basis for comparing packs of different sizes. {@code agreedQty} is in minimum
 * units (片/粒/支), as national VBP documents state agreed volumes.
 */
public record Bid(String batchId, String productCode, String genericName, String dosageForm, String spec,
                  Strength strength, int packCount, String manufacturer, BigDecimal bidPrice, boolean selected,
                  BigDecimal agreedQty, String region, LocalDate cycleStart, LocalDate cycleEnd, Category category,
                  BigDecimal ceilingPrice, Integer year, String where) {

    public BigDecimal unitPrice() {
        return Exact.divide(bidPrice, BigDecimal.valueOf(packCount));
    }

    /** The ceiling price per minimum unit, or null when the bid file has none. */
    public BigDecimal ceilingUnitPrice() {
        return ceilingPrice == null ? null : Exact.divide(ceilingPrice, BigDecimal.valueOf(packCount));
    }

    public ProductKey key() {
        return ProductKey.of(productCode, genericName, dosageForm, strength);
    }
}
