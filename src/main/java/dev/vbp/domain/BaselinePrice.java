package dev.vbp.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A pre-VBP price observation (集采前价格 / 挂网价): a pack price of a product in a region and period. */
public record BaselinePrice(String productCode, String genericName, String dosageForm, String spec, Strength strength,
                            String manufacturer, BigDecimal packPrice, int packCount, BigDecimal quantity,
                            String region, LocalDate date, Integer year, String where) {

    public BigDecimal unitPrice() {
        return Exact.divide(packPrice, BigDecimal.valueOf(packCount));
    }

    /** Quantity in minimum units, or null when the file gives none. */
    public BigDecimal unitQuantity() {
        return quantity == null ? null : quantity.multiply(BigDecimal.valueOf(packCount));
    }

    public int effectiveYear() {
        return date != null ? date.getYear() : year;
    }

    public ProductKey key() {
        return ProductKey.of(productCode, genericName, dosageForm, strength);
    }
}
