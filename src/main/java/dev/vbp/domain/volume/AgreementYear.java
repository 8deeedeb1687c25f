package dev.vbp.domain.volume;

import dev.vbp.domain.Exact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The agreement year of a procurement cycle that a given day falls in. Completion restarts each agreement
 * year (docs/rules.md, Formulas): a two-year cycle starting 2019-03-01 has years 2019-03-01..2020-02-29 and
 * 2020-03-01..2021-02-28; the last year ends with the cycle.
 */
public record AgreementYear(LocalDate start, LocalDate end) {

    /**
     * The agreement year of {@code [cycleStart, cycleEnd]} containing {@code asOf}; before the cycle, its first
     * year; after it, its last.
     */
    public static AgreementYear of(LocalDate cycleStart, LocalDate cycleEnd, LocalDate asOf) {
        LocalDate start = cycleStart;
        while (!start.plusYears(1).isAfter(asOf) && start.plusYears(1).isBefore(cycleEnd)) {
            start = start.plusYears(1);
        }
        LocalDate end = start.plusYears(1).minusDays(1);
        return new AgreementYear(start, end.isAfter(cycleEnd) ? cycleEnd : end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Share of the year elapsed by the end of {@code asOf}: 0 before it starts, 1 after it ends. */
    public BigDecimal elapsed(LocalDate asOf) {
        if (asOf.isBefore(start)) return BigDecimal.ZERO;
        if (!asOf.isBefore(end)) return BigDecimal.ONE;
        return Exact.divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, asOf) + 1), BigDecimal.valueOf(days()));
    }
}
