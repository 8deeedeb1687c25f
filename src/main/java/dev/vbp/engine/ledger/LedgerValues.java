package dev.vbp.engine.ledger;

import dev.vbp.domain.Texts;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Text-level decoding of the ledger's string fields: codes, names, channel and category spellings. The
 * engine calls these once per distinct byte sequence per worker (see {@link InternTable}), never per line,
 * so they can be as thorough as they like. Kept in one place so they can later delegate to the shared
 * field parsers ({@code dev.vbp.read.FieldParsers}, {@code dev.vbp.domain.Channel/Category}).
 */
final class LedgerValues {
    private LedgerValues() {}

    private static final Map<String, LedgerChannel> CHANNELS = new HashMap<>();
    private static final Map<String, LedgerCategory> CATEGORIES = new HashMap<>();

    static {
        // "是/否" and "1/0" appear in columns headed 是否线上 / 是否网采.
        for (String s : new String[] {"online", "线上", "网上", "网采", "平台", "平台内", "是", "y", "1"}) {
            CHANNELS.put(key(s), LedgerChannel.ONLINE);
        }
        for (String s : new String[] {"offline", "线下", "网下", "非平台", "平台外", "否", "n", "0"}) {
            CHANNELS.put(key(s), LedgerChannel.OFFLINE);
        }
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
    static LedgerChannel channel(String text) {
        return CHANNELS.get(key(text));
    }

    /** drug/consumable from any known spelling, or null when not recognised. */
    static LedgerCategory category(String text) {
        return CATEGORIES.get(key(text));
    }

    private static String key(String text) {
        return normalise(text).toLowerCase(Locale.ROOT).replace(" ", "");
    }
}
