package dev.vbp.engine.ledger;

import dev.vbp.domain.Codes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<Path, Map<Long, Long>> newlineCounts = new HashMap<>();

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
     * line number of a line in a chunk that did not start at the top of the file) and remembered.
     */
    @Override
    public synchronized long newlinesBefore(Path file, long offset) {
        Map<Long, Long> counts = newlineCounts.computeIfAbsent(file, f -> new HashMap<>());
        Long known = counts.get(offset);
        if (known != null) return known;
        long n = 0;
        if (storage != null) {
            n = countNewlines(file, offset);
            counts.put(offset, n);
            return n;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            long pos = 0;
            while (pos < offset) {
                b.clear();
                b.limit((int) Math.min(b.capacity(), offset - pos));
                int r = ch.read(b, pos);
                if (r <= 0) break;
                byte[] a = b.array();
                for (int i = 0; i < r; i++) if (a[i] == '\n') n++;
                pos += r;
            }
        } catch (IOException e) {
            throw new LedgerInputException(file, "cannot read: " + e.getMessage(), e);
        }
        counts.put(offset, n);
        return n;
    }

    private long countNewlines(Path file, long offset) {
        long n = 0;
        try (java.io.InputStream in = storage.open(file, 0)) {
            byte[] b = new byte[1 << 16];
            long pos = 0;
            while (pos < offset) {
                int r = in.read(b, 0, (int) Math.min(b.length, offset - pos));
                if (r < 0) break;
                for (int i = 0; i < r; i++) if (b[i] == '\n') n++;
                pos += r;
            }
        } catch (IOException e) {
            throw new LedgerInputException(file, "cannot read: " + e.getMessage(), e);
        }
        return n;
    }
}
