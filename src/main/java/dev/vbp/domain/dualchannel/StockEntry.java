package dev.vbp.domain.dualchannel;

import java.time.LocalDate;

/** An outlet stocks (配备) a drug, since a date when known. */
public record StockEntry(String outletCode, DrugRef drug, LocalDate since, String where) {
}
