package dev.vbp.engine.ledger;

import dev.vbp.domain.Channel;
import dev.vbp.domain.Texts;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Text-level decoding of the ledger's string fields: codes, names, channel and category spellings. The
 * engine calls these once per distinct byte sequence per worker (see {@link InternTable}), never per line,
 * so they can be as thorough as they like. Texts and channels use the domain's own rules ({@link Texts},
 * {@link Channel}); categories have two more kinds here than the domain's drug/consumable (see
 * {@link LedgerCategory}).
 */
final class LedgerValues {
    private LedgerValues() {}

    private static final Map<String, LedgerCategory> CATEGORIES = new HashMap<>();

    static {
        for (String s : new String[] {"drug", "药品", "西药", "中成药"}) {
            CATEGORIES.put(key(s), LedgerCategory.DRUG);
        }
        for (String s : new String[] {"consumable", "耗材", "医用耗材", "医用耗材类"}) {
            CATEGORIES.put(key(s), LedgerCategory.CONSUMABLE);
        }
        for (String s : new String[] {"herbal_pieces", "中药饮片", "饮片"}) {
            CATEGORIES.put(key(s), LedgerCategory.HERBAL_PIECES);
        }
        for (String s : new String[] {"hospital_preparation", "院内制剂", "医疗机构制剂"}) {
            CATEGORIES.put(key(s), LedgerCategory.HOSPITAL_PREPARATION);
        }
    }

    /** The shared text normalisation ({@link Texts#normalise}): NFKC, invisible characters dropped, spaces collapsed. */
    static String normalise(String text) {
        return Texts.normalise(text);
    }

    /** A code as stored: normalised text, never a number; null when empty. */
    static String code(String text) {
        String s = normalise(text);
        return s.isEmpty() ? null : s;
    }

    /** Free text as stored; null when empty. */
    static String text(String text) {
        String s = normalise(text);
        return s.isEmpty() ? null : s;
    }

    /** online/offline from any known spelling, or null when not recognised. */
    static Channel channel(String text) {
        return Channel.parse(text).orElse(null); // the domain's spellings, 是/否 and 1/0 included
    }

    /** drug/consumable from any known spelling, or null when not recognised. */
    static LedgerCategory category(String text) {
        return CATEGORIES.get(key(text));
    }

    private static String key(String text) {
        return normalise(text).toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
