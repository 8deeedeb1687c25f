package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Channel;
import dev.vbp.domain.DeliveryStatus;
import dev.vbp.domain.Texts;
import dev.vbp.read.FieldParseException;
import dev.vbp.read.FieldParsers;
import dev.vbp.read.FieldType;


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

    /**
     * A code by the reading layer's rules ({@link FieldParsers}: Excel's {@code ="…"} and {@code '} markers
     * removed, spaces dropped, never a number); null when empty.
     *
     * @throws FieldParseException for a code Excel has turned into a shortened number (1.23457E+15)
     */
    static String code(String text) {
        return (String) FieldParsers.parse(FieldType.CODE, text);
    }

    /** Free text as stored; null when empty (or only a missing-value mark such as {@code -}). */
    static String text(String text) {
        return (String) FieldParsers.parse(FieldType.TEXT, text);
    }

    /** Whether the cell is empty by the reading layer's rules ({@code -}, {@code —}, {@code /} count as empty). */
    static boolean isEmpty(String text) {
        return FieldParsers.isEmpty(text);
    }

    /** online/offline from any known spelling, or null when not recognised. */
    static Channel channel(String text) {
        return Channel.parse(text).orElse(null); // the domain's spellings, 是/否 and 1/0 included
    }

    /** delivered/undelivered from any known spelling, or null when not recognised. */
    static DeliveryStatus deliveryStatus(String text) {
        return DeliveryStatus.parse(text).orElse(null);
    }

    /** drug/consumable from any known spelling, or null when not recognised. */
    static Category category(String text) {
        return Category.parse(text).orElse(null); // the domain's one vocabulary
    }
}
