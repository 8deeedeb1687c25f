package dev.vbp.domain.pricewatch;

import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Exact;
import dev.vbp.domain.ListingStatus;
import dev.vbp.domain.ProductKey;
import dev.vbp.domain.Strength;
import dev.vbp.domain.Texts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One listed price (挂网价) of a product in a region from a day on, or its delisting (撤网): a row of the listings
 * dataset, or a dated row of the baseline dataset (always listed; a row with a year only is dated 1 January).
 * Prices are per pack; {@link #unitPrice()} per minimum unit, the basis on which packs of different sizes compare.
 *
 * @param where the row behind it ({@code listings.csv:4})
 */
public record Listing(String productCode, String genericName, String dosageForm, String spec, Strength strength,
                      String manufacturer, BigDecimal packPrice, int packCount, LocalDate date, String region,
                      ListingStatus status, String where) {

    public static Listing of(BaselinePrice b) {
        LocalDate day = b.date() != null ? b.date() : LocalDate.of(b.year(), 1, 1);
        return new Listing(b.productCode(), b.genericName(), b.dosageForm(), b.spec(), b.strength(), b.manufacturer(),
                b.packPrice(), b.packCount(), day, b.region(), ListingStatus.LISTED, b.where());
    }

    public BigDecimal unitPrice() {
        return Exact.divide(packPrice, BigDecimal.valueOf(packCount));
    }

    public boolean listed() {
        return status == ListingStatus.LISTED;
    }

    public ProductKey key() {
        return ProductKey.of(productCode, genericName, dosageForm, strength);
    }

    /**
     * The series a price belongs to: the product code, else name, form, strength and manufacturer; and the region.
     * Rises are measured along one series.
     */
    public String seriesKey() {
        String product = productCode != null && !productCode.isBlank() ? productCode
                : key().fullName() + "\u0000" + key().strength() + "\u0000" + Texts.key(manufacturer == null ? "" : manufacturer);
        return product + "\u0001" + Texts.key(region == null ? "" : region);
    }
}
