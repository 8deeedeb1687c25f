package dev.vbp.domain.volume;

import java.math.BigDecimal;

/**
 * Where an agreed volume stands: done once completion reaches 1; behind when completion is below the elapsed
 * share of the year times k (k = 1 by default, or a warning level such as 0.8); on track otherwise.
 */
public enum CompletionStatus {
    DONE, ON_TRACK, BEHIND;

    public static CompletionStatus of(BigDecimal completion, BigDecimal elapsed, BigDecimal k) {
        if (completion.compareTo(BigDecimal.ONE) >= 0) return DONE;
        return completion.compareTo(elapsed.multiply(k)) < 0 ? BEHIND : ON_TRACK;
    }

    /** done, on track, behind. */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
