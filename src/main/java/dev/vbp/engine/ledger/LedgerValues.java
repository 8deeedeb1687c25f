package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Channel;
import dev.vbp.domain.Texts;


/**
 * Text-level decoding of the ledger's string fields: codes, names, channel and category spellings. The
 * engine calls these once per distinct byte sequence per worker (see {@link InternTable}), never per line,
 * so they can be as thorough as they like. Texts and channels use the domain's own rules ({@link Texts},
 * {@link Channel}); categories too ({@link Category}).
 */
final class LedgerValues {
    private LedgerValues() {}

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
    static Category category(String text) {
        return Category.parse(text).orElse(null); // the domain's one vocabulary
    }
}
