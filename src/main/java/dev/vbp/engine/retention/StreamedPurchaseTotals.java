package dev.vbp.engine.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link PurchaseTotals} over {@link DailyPurchases} from the streaming ledger engine: packs become minimum
 * units with each product's pack count from the bids. {@code where} names the first few ledger lines and how
 * many there are in all.
 */
public final class StreamedPurchaseTotals implements PurchaseTotals {
    private final DailyPurchases purchases;
    private final Map<String, Integer> packCounts;

    public StreamedPurchaseTotals(DailyPurchases purchases, Map<String, Integer> packCounts) {
        this.purchases = purchases;
        this.packCounts = packCounts;
    }

    /** No ledger at all: every figure reads "no purchases". */
    public static PurchaseTotals none() {
        return new PurchaseTotals() {
            @Override
            public Totals of(String institutionCode, String productCode, LocalDate from, LocalDate to) {
                return Totals.NONE;
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }

    @Override
    public Totals of(String institutionCode, String productCode, LocalDate from, LocalDate to) {
        long[] t = purchases.total(institutionCode, productCode, from, to);
        if (t[2] == 0) return Totals.NONE;
        BigDecimal pack = BigDecimal.valueOf(packCounts.getOrDefault(productCode, 1));
        List<String> where = new ArrayList<>(purchases.firstLines(institutionCode, productCode));
        if (t[2] > where.size()) where.add("… " + t[2] + " ledger lines in all");
        return new Totals(DailyPurchases.decimal(t[0]).multiply(pack).stripTrailingZeros(),
                DailyPurchases.decimal(t[1]).stripTrailingZeros(), List.copyOf(where));
    }

    @Override
    public boolean available() {
        return true;
    }
}
