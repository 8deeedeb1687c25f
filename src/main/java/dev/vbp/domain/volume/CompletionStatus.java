package dev.vbp.domain.volume;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where an agreed volume stands on the as-of day. While its agreement year runs: done once completion reaches
 * 1; behind when completion is below the elapsed share of the year times k (k = 1 by default, or a warning
 * level such as 0.8); on track otherwise. Before the year begins: not started. Once it has ended: met or
 * short, whatever the schedule said.
 */
public enum CompletionStatus {
    NOT_STARTED, ON_TRACK, BEHIND, DONE, MET, SHORT;

    public static CompletionStatus of(BigDecimal completion, AgreementYear year, LocalDate asOf, BigDecimal k) {
        if (asOf.isBefore(year.start())) return NOT_STARTED;
        boolean full = completion.compareTo(BigDecimal.ONE) >= 0;
        if (!asOf.isBefore(year.end())) return full ? MET : SHORT;
        if (full) return DONE;
        return completion.compareTo(year.elapsed(asOf).multiply(k)) < 0 ? BEHIND : ON_TRACK;
    }

    /** not started, on track, behind, done, met, short. */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
