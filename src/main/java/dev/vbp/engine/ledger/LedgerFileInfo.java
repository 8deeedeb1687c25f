package dev.vbp.engine.ledger;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one input file was read, for reports and their assumptions.
 *
 * @param encoding  "UTF-8" or "GB18030"
 * @param bom       whether a UTF-8 byte-order mark was skipped
 * @param delimiter ',' or '\t'
 * @param bytes     size as stored
 * @param columns   canonical field name → the header that supplied it, in field order
 */
public record LedgerFileInfo(Path file, String encoding, boolean bom, char delimiter, boolean gzip, long bytes,
                             Map<String, String> columns) {
    public LedgerFileInfo {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
