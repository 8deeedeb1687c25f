package dev.vbp.engine.ledger;

import java.nio.charset.Charset;

/** The two encodings ledger files come in. */
final class LedgerCharsets {
    private LedgerCharsets() {}

    /** Chinese Windows' encoding (a superset of GBK); every byte below 0x80 is ASCII. */
    static final Charset GB18030 = dev.vbp.read.Dialect.GB18030;
}
