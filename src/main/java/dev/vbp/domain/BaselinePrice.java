package dev.vbp.domain;

import dev.vbp.read.Row;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A pre-VBP price observation (集采前价格 / 挂网价): a pack price of a product in a region and period. */
public record BaselinePrice(String productCode, String genericName, String dosageForm, String spec, Strength strength,
                            String manufacturer, BigDecimal packPrice, int packCount, BigDecimal quantity,
                            String region, LocalDate date, Integer year, String where) {

    public static BaselinePrice fromRow(Row r) {
        String spec = r.text("spec");
        return new BaselinePrice(r.text("product_code"), r.text("generic_name"), r.text("dosage_form"), spec,
                spec == null ? null : Strength.parse(spec), r.text("manufacturer"), r.decimal("pack_price"),
                r.integer("pack_count"), r.decimal("quantity"), r.text("region"), r.date("date"), r.integer("year"),
                r.where());
    }

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
