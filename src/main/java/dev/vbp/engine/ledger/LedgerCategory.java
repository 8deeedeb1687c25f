package dev.vbp.engine.ledger;

import java.util.Locale;

/**
 * What a ledger line bought: a drug, a medical consumable, or one of the two kinds of drug that online-rate
 * rules often leave out (中药饮片 herbal pieces, 院内制剂 hospital preparations), kept apart so a user can
 * exclude them ({@code --exclude}) instead of having them silently mixed into "drug".
 */
public enum LedgerCategory {
    DRUG, CONSUMABLE, HERBAL_PIECES, HOSPITAL_PREPARATION;

    /** The canonical text shown in output: drug, consumable, herbal_pieces, hospital_preparation. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Herbal pieces and hospital preparations are drugs too. */
    public boolean isDrug() {
        return this != CONSUMABLE;
    }

    /** From {@link #code()} or a hyphenated spelling (herbal-pieces); null when unknown. */
    public static LedgerCategory fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (LedgerCategory v : values()) {
            if (v.code().equals(c) || (v.code() + "s").equals(c)) return v;
        }
        return null;
    }
}
