package dev.vbp.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Files already read, kept parsed while they are unchanged on disk (same size, same modification time) and
 * read with the same settings. Off unless {@link #enable} was called: one command reads each file once
 * anyway; the interactive shell turns it on so the second question on a workspace does not re-read it.
 * Holds at most {@link #LIMIT} files, least recently used out first. {@link ReadResult}s are immutable,
 * so one may be shared.
 */
public final class ParsedFiles {
    static final int LIMIT = 64;

    private static Map<Key, ReadResult> cache;

    private ParsedFiles() {}

    private record Key(String path, long size, Instant modified, Dataset dataset, Object settings) {}

    public static synchronized void enable() {
        if (cache == null) {
            cache = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, ReadResult> eldest) {
                    return size() > LIMIT;
                }
            };
        }
    }

    public static synchronized void disable() {
        cache = null;
    }

    /** Files up to this size are kept parsed when streamed in the shell; bigger ones are streamed each time. */
    static final long KEEP_BYTES = 32L << 20;

    /**
     * Whether a file about to be streamed ({@link DatasetReader#stream}) should rather be read whole and kept: in
     * the shell, when it is small enough that keeping its rows costs little (or kept already).
     */
    static boolean keeps(Path file) {
        synchronized (ParsedFiles.class) {
            if (cache == null) return false;
        }
        try {
            return Files.size(file) <= KEEP_BYTES;
        } catch (IOException e) {
            return false; // the reader says what is wrong with the file
        }
    }

    /** The file's parsed rows: kept ones if the file is unchanged, else {@code read}'s (then kept). */
    static ReadResult get(Path file, Dataset dataset, ReadSettings settings, Supplier<ReadResult> read) {
        Key key;
        synchronized (ParsedFiles.class) {
            if (cache == null) return read.get();
        }
        try {
            // The path as given too: it names the file in messages and rows.
            key = new Key(file + "\0" + file.toAbsolutePath().normalize(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant(), dataset, settingsKey(settings));
        } catch (IOException e) {
            return read.get(); // the reader says what is wrong with the file
        }
        synchronized (ParsedFiles.class) {
            ReadResult kept = cache == null ? null : cache.get(key);
            if (kept != null) return kept;
        }
        ReadResult result = read.get();
        synchronized (ParsedFiles.class) {
            if (cache != null) cache.put(key, result);
        }
        return result;
    }

    /** Settings compared by value; a mapping file by its path and the columns it held when loaded. */
    private static Object settingsKey(ReadSettings s) {
        List<Object> mappings = s.mappings().stream()
                .map(m -> (Object) List.of(String.valueOf(m.source().orElse(null)), String.valueOf(m.dataset().orElse(null)), Map.copyOf(m.columns()), Map.copyOf(m.fixedValues())))
                .toList();
        return java.util.Arrays.asList(String.valueOf(s.charset()), String.valueOf(s.delimiter()), mappings, s.codeCheck(),
                s.codeMap(), s.sheet(), s.headerRow(), s.fixedValues());
    }
}
