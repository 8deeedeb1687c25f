package dev.vbp.domain.dualchannel;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A circulated e-prescription (流转处方): written at a hospital, filled at an outlet. Money in yuan. */
public record Prescription(LocalDate date, String id, String hospitalCode, String pharmacyCode, DrugRef drug,
                           BigDecimal amount, BigDecimal fundPaid, String where) {
}
