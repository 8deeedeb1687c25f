package dev.vbp.engine.ledger;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FileSniffer} found out about one ledger file before the scan: how to decode it and which
 * column holds which field.
 *
 * @param columnOfSlot for each field of {@code Dataset.LEDGER} (in its order, see {@link Slots}) the
 *                     0-based column holding it, or -1
 * @param dataStart    byte offset of the first data line (after the BOM and the header)
 * @param headerNewlines newlines up to {@code dataStart} (1 unless a quoted header holds a newline)
 * @param size         file size in bytes as stored (compressed size for gzip)
 * @param crOnly       lines end in a lone CR (Excel's "CSV (Macintosh)"): read as if each were a LF
 */
record LedgerFormat(Path file, boolean gzip, Charset charset, boolean bom, byte delimiter, List<String> headers,
                    int[] columnOfSlot, long dataStart, long headerNewlines, long size, boolean crOnly) {

    boolean gb18030() {
        return charset.equals(LedgerCharsets.GB18030);
    }

    LedgerFileInfo info() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            if (columnOfSlot[slot] >= 0) columns.put(Slots.name(slot), headers.get(columnOfSlot[slot]));
        }
        return new LedgerFileInfo(file, charset.name(), bom, (char) delimiter, gzip, size, columns);
    }
}
