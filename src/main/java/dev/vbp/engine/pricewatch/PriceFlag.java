package dev.vbp.engine.pricewatch;

import java.math.BigDecimal;
import java.util.List;

/**
 * One flag of price monitoring and the rows behind it. Listing flags compare unit prices (per minimum unit);
 * purchase flags compare pack prices, since a ledger line and its bid or listing are the same pack.
 *
 * @param from      the earlier period (a rise), the listing's day, or a purchase flag's first day
 * @param to        the later period, the listing's day, or the last day
 * @param price     the rising period's mean, the listed unit price, or the highest pack price paid
 * @param reference the previous period's mean, the selected unit price, or the bid or listed pack price
 * @param limit     the ratio price / reference may reach without a flag (1 + threshold, or k); null for purchases
 * @param lines     purchase lines flagged (null for listing flags)
 * @param paidAbove Σ (price − reference) × packs over the lines flagged (null for listing flags)
 * @param rows      where the rows are ({@code listings.csv:4}); for purchases the first few lines
 */
public record PriceFlag(Kind kind, String generic, String spec, String productCode, String manufacturer, String region,
                        String institution, String from, String to, BigDecimal price, BigDecimal reference,
                        BigDecimal limit, Long lines, BigDecimal packs, BigDecimal paidAbove, List<String> rows) {

    public enum Kind {
        /** a listed unit price rose beyond the threshold from one period to the next */
        RISE,
        /** a listed unit price above k × the selected unit price of its generic and strength */
        ABOVE_SELECTED,
        /** a selected product bought above its bid price */
        ABOVE_BID,
        /** a product bought above its listed price */
        ABOVE_LISTED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** price / reference, exact. */
    public BigDecimal ratio() {
        return reference == null || reference.signum() == 0 ? null : dev.vbp.domain.Exact.divide(price, reference);
    }
}
