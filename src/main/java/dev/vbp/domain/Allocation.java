package dev.vbp.domain;

import dev.vbp.read.Row;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An institution's agreed quantity (minimum units) of a selected product over a procurement cycle. */
public record Allocation(String batchId, String institutionCode, String productCode, BigDecimal agreedQty,
                         LocalDate cycleStart, LocalDate cycleEnd, String where) {
    public static Allocation fromRow(Row r) {
        return new Allocation(r.text("batch_id"), r.text("institution_code"), r.text("product_code"), r.decimal("agreed_qty"),
                r.date("cycle_start"), r.date("cycle_end"), r.where());
    }
}
