package dev.vbp.engine.ledger;

import java.util.Locale;

/**
 * Drug or medical consumable. Stand-in with the same constants as {@code dev.vbp.domain.Category}, which is
 * being written in parallel; the engine switches to it once both are merged.
 */
public enum LedgerCategory {
    DRUG, CONSUMABLE;

    /** The canonical text shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
