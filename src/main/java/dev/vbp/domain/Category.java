package dev.vbp.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a product is: a drug or a medical consumable, procured, counted and reported separately. Two kinds of
 * drug that online-rate rules often leave out, 中药饮片 (herbal pieces) and 院内制剂 (hospital preparations),
 * are kept apart so a user can exclude them instead of having them silently mixed into "drug". This is the
 * one category vocabulary of every dataset (bids, ledgers) and every option ({@code --exclude}).
 */
public enum Category {
    DRUG, CONSUMABLE, HERBAL_PIECES, HOSPITAL_PREPARATION;

    private static final Spellings<Category> SPELLINGS = new Spellings<Category>()
            .add(DRUG, "drug", "药品", "西药", "中成药")
            .add(CONSUMABLE, "consumable", "耗材", "医用耗材", "医用耗材类")
            .add(HERBAL_PIECES, "herbal_pieces", "中药饮片", "饮片")
            .add(HOSPITAL_PREPARATION, "hospital_preparation", "院内制剂", "医疗机构制剂");

    /** The canonical text stored in the workspace and shown in output: drug, consumable, herbal_pieces, hospital_preparation. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Herbal pieces and hospital preparations are drugs too. */
    public boolean isDrug() {
        return this != CONSUMABLE;
    }

    /** Reads English or Chinese spellings, ignoring case, spaces and full-width forms. */
    public static Optional<Category> parse(String text) {
        return SPELLINGS.parse(text);
    }

    /** An option value: {@link #code()}, hyphenated (herbal-pieces) or plural (consumables); null when unknown. */
    public static Category fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Category v : values()) {
            if (v.code().equals(c) || (v.code() + "s").equals(c)) return v;
        }
        return null;
    }
}
