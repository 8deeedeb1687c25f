package dev.vbp.engine.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An institution's purchases of one product, day by day (returns netted within the day): quantity in minimum
 * units, amount in yuan, and where they were read. The retained-savings calculation depends only on this, so
 * any engine that can produce daily sums can feed it.
 */
public interface PurchaseHistory {

    /** One day's purchases of a product by an institution. */
    record Day(LocalDate date, String product, BigDecimal quantity, BigDecimal amount, long lines, List<LineRef> where) {}

    /** Days in [from, to] (inclusive) in date order; empty when nothing was bought. */
    List<Day> days(String institutionCode, String productCode, LocalDate from, LocalDate to);

    /** False when there is no purchase data at all, so every figure reads "no purchases". */
    boolean available();

    /** The first and last purchase dates of the ledger, or null without purchase data. */
    LocalDate firstDate();

    LocalDate lastDate();

    /** No ledger at all. */
    static PurchaseHistory none() {
        return new PurchaseHistory() {
            @Override public List<Day> days(String institutionCode, String productCode, LocalDate from, LocalDate to) { return List.of(); }
            @Override public boolean available() { return false; }
            @Override public LocalDate firstDate() { return null; }
            @Override public LocalDate lastDate() { return null; }
        };
    }
}
