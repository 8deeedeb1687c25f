package dev.vbp.engine.ledger;

import java.util.Locale;

/**
 * Where a purchase was made: on the provincial platform (online, 线上) or outside it (offline, 线下).
 * Stand-in with the same constants as {@code dev.vbp.domain.Channel}, which is being written in parallel;
 * the engine switches to it once both are merged.
 */
public enum LedgerChannel {
    ONLINE, OFFLINE;

    /** The canonical text shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
