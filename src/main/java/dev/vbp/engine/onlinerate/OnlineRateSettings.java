package dev.vbp.engine.onlinerate;

import dev.vbp.engine.ledger.GroupedSums.Dimension;
import dev.vbp.domain.Category;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of one online-purchase-rate (网采率) report. No official formula exists (domain.md §4), so each
 * choice is a setting, and each is named in the report's assumptions.
 *
 * @param basis           amount: online amount / all amount; lines: online purchase lines / all, returns netted;
 *                        products: 品规 bought online / 品规 bought
 * @param by              the row levels, in order (e.g. county, month)
 * @param splitCategories drugs and consumables in separate rows even when category is not in {@code by}
 * @param includePrivate  count private institutions too (the target concerns public ones)
 * @param excluded        categories left out (e.g. herbal pieces 中药饮片, hospital preparations 院内制剂)
 * @param target          adds a status column: met / below (null: no column)
 * @param failUnder       rows below this rate make the command fail (null: no check)
 */
public record OnlineRateSettings(Basis basis, List<Level> by, boolean splitCategories, boolean includePrivate,
                                 Set<Category> excluded, BigDecimal target, BigDecimal failUnder) {

    public enum Basis { AMOUNT, LINES, PRODUCTS }

    /** A row level of the report. County and level come from the institutions file. */
    public enum Level { INSTITUTION, COUNTY, LEVEL, CATEGORY, MONTH }

    public OnlineRateSettings {
        by = List.copyOf(by);
        excluded = excluded.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(excluded);
    }

    /** Whether rows carry a category: asked for, or drugs and consumables kept apart. */
    public boolean rowsByCategory() {
        return splitCategories || by.contains(Level.CATEGORY);
    }

    /** What the ledger scan must group by: institutions always (ownership decides who counts). */
    public Set<Dimension> dimensions() {
        Set<Dimension> d = EnumSet.of(Dimension.INSTITUTION, Dimension.CHANNEL);
        if (rowsByCategory()) d.add(Dimension.CATEGORY);
        if (by.contains(Level.MONTH)) d.add(Dimension.MONTH);
        if (basis != Basis.AMOUNT) d.add(Dimension.PRODUCT); // returns net per product; products are counted
        return d;
    }
}
