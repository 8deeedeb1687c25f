package dev.vbp.domain.dualchannel;

import dev.vbp.read.Row;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A circulated e-prescription (流转处方): written at a hospital, filled at an outlet. Money in yuan. */
public record Prescription(LocalDate date, String id, String hospitalCode, String pharmacyCode, DrugRef drug,
                           BigDecimal amount, BigDecimal fundPaid, String where) {

    public static Prescription fromRow(Row r) {
        return new Prescription(r.date("date"), r.text("prescription_id"), r.text("hospital_code"), r.text("pharmacy_code"),
                new DrugRef(r.text("drug_code"), r.text("generic_name"), null), r.decimal("amount"), r.decimal("fund_paid"), r.where());
    }
}
