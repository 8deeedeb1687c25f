package dev.vbp.domain.instruments;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A fund prepayment (医保基金预付) to an institution; {@code batchId} says which batch's agreement it is for, when known. */
public record Prepayment(String institutionCode, LocalDate date, BigDecimal amount, String batchId, String where) {}
