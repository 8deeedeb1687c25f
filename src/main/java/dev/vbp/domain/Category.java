package dev.vbp.domain;

import java.util.Locale;
import java.util.Optional;

/** Drugs and medical consumables are procured, counted and reported separately. */
public enum Category {
    DRUG, CONSUMABLE;

    private static final Spellings<Category> SPELLINGS = new Spellings<Category>()
            .add(DRUG, "drug", "药品", "西药", "中成药")
            .add(CONSUMABLE, "consumable", "耗材", "医用耗材", "医用耗材类");

    /** The canonical text stored in the workspace and shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads English or Chinese spellings, ignoring case, spaces and full-width forms. */
    public static Optional<Category> parse(String text) {
        return SPELLINGS.parse(text);
    }
}
