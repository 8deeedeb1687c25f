package dev.vbp.engine.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An institution's purchases of one product over a date range (inclusive), returns netted out: quantity in
 * minimum units and amount in yuan, with the places they were read from. The retained-savings analysis
 * depends only on this, so a streaming ledger engine can replace {@link LedgerPurchaseTotals}.
 */
public interface PurchaseTotals {

    record Totals(BigDecimal quantity, BigDecimal amount, List<String> where) {
        public static final Totals NONE = new Totals(BigDecimal.ZERO, BigDecimal.ZERO, List.of());

        public boolean any() { return !where.isEmpty(); }
    }

    Totals of(String institutionCode, String productCode, LocalDate from, LocalDate to);

    /** False when there is no purchase data at all, so every figure reads "no purchases". */
    boolean available();
}
