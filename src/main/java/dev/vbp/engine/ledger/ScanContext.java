package dev.vbp.engine.ledger;

import dev.vbp.domain.Codes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What every worker of one scan shares: settings, counters for progress and errors, the stop flag. */
final class ScanContext implements LedgerLine.LineCounter {
    /** Null when every line passes. */
    final LineFilter filter;
    final long maxErrors;
    final int bufferBytes;
    /** Old product codes → current ones (曾用码), applied once per distinct code. */
    final Codes.CodeMap codeMap;

    /** Errors in pieces known to be correctly aligned (not speculative), for the early stop. */
    final AtomicLong certainErrors = new AtomicLong();
    final AtomicLong storedBytesDone = new AtomicLong();
    final AtomicLong linesDone = new AtomicLong();
    volatile boolean cancelled;

    private final ConcurrentHashMap<String, String> canonical = new ConcurrentHashMap<>();
    private final Map<Path, TreeMap<Long, Long>> newlineCounts = new HashMap<>();

    /** Where files are read from; null for local files. */
    final LedgerStorage storage;

    ScanContext(LineFilter filter, long maxErrors, int bufferBytes, Codes.CodeMap codeMap) {
        this(filter, maxErrors, bufferBytes, codeMap, null);
    }

    ScanContext(LineFilter filter, long maxErrors, int bufferBytes, Codes.CodeMap codeMap, LedgerStorage storage) {
        this.codeMap = codeMap;
        this.filter = filter == null || filter.passesAll() ? null : filter; // null: no test per line
        this.maxErrors = maxErrors;
        this.bufferBytes = bufferBytes;
        this.storage = storage;
    }

    /** One shared String instance per distinct value across workers, so keys compare by identity first. */
    String canonical(String s) {
        String previous = canonical.putIfAbsent(s, s);
        return previous == null ? s : previous;
    }

    /**
     * Newlines in the file before {@code offset}, counted on demand (only when an aggregate asks for the
     * line number of a line in a chunk that did not start at the top of the file) and remembered; counting
     * starts from the nearest offset counted before, so chunks asked for in file order read the file once.
     * Aggregates that run on many splits use {@link LineNumbers} instead, which reads nothing.
     */
    @Override
    public synchronized long newlinesBefore(Path file, long offset) {
        TreeMap<Long, Long> counts = newlineCounts.computeIfAbsent(file, f -> new TreeMap<>());
        Map.Entry<Long, Long> known = counts.floorEntry(offset);
        long from = known == null ? 0 : known.getKey();
        long n = known == null ? 0 : known.getValue();
        if (from == offset) return n;
        try (InputStream in = storage != null ? storage.open(file, from) : Files.newInputStream(file)) {
            if (storage == null) in.skipNBytes(from);
            byte[] b = new byte[1 << 16];
            long pos = from;
            while (pos < offset) {
                int r = in.read(b, 0, (int) Math.min(b.length, offset - pos));
                if (r < 0) break;
                for (int i = 0; i < r; i++) if (b[i] == '\n') n++;
                pos += r;
            }
        } catch (IOException e) {
            throw new LedgerInputException(file, "cannot read: " + e.getMessage(), e);
        }
        counts.put(offset, n);
        return n;
    }
}
