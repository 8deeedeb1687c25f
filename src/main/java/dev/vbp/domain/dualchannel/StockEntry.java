package dev.vbp.domain.dualchannel;

import dev.vbp.read.Row;

import java.time.LocalDate;

/** An outlet stocks (配备) a drug, since a date when known. */
public record StockEntry(String outletCode, DrugRef drug, LocalDate since, String where) {

    public static StockEntry fromRow(Row r) {
        return new StockEntry(r.text("outlet_code"), new DrugRef(r.text("drug_code"), r.text("generic_name"), r.text("dosage_form")),
                r.date("since"), r.where());
    }
}
