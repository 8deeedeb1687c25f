package dev.vbp.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An institution's agreed quantity (minimum units) of a selected product over a procurement cycle. */
public record Allocation(String batchId, String institutionCode, String productCode, BigDecimal agreedQty,
                         LocalDate cycleStart, LocalDate cycleEnd, String where) {}
