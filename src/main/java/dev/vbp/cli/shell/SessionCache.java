package dev.vbp.cli.shell;

import dev.vbp.engine.ledger.AggregateRecipe;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.read.ParsedFiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@code vbp shell} keeps between questions: parsed files ({@link ParsedFiles}), the results of ledger
 * scans keyed by the scan's inputs (files with size and modification time, aliases, columns, filter, error
 * limit) and the aggregate's recipe, and the column keys each command's last report had (for completion).
 * Off in a one-shot process, where every file is read once anyway.
 */
public final class SessionCache {
    /** Scan results kept, least recently used out first; each holds one aggregate (memory grows with keys). */
    static final int SCANS = 8;

    private static volatile boolean enabled;
    private static final Map<List<Object>, LedgerResult<?>> scans = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, LedgerResult<?>> eldest) {
            return size() > SCANS;
        }
    };
    private static final Map<String, List<String>> columnKeys = new ConcurrentHashMap<>();

    private SessionCache() {}

    public static void enable() {
        enabled = true;
        ParsedFiles.enable();
    }

    /** Forgets everything and stops keeping (for tests that share a JVM). */
    public static void disable() {
        enabled = false;
        ParsedFiles.disable();
        synchronized (scans) {
            scans.clear();
        }
        columnKeys.clear();
    }

    /** How many scan results are kept now. */
    static int keptScans() {
        synchronized (scans) {
            return scans.size();
        }
    }

    public static boolean enabled() {
        return enabled;
    }

    /**
     * The scan's result: a kept one when the same scan with the same recipe ran on the same, unchanged files;
     * else {@code run}'s, kept when the recipe can say it is the same ({@link AggregateRecipe}).
     */
    @SuppressWarnings("unchecked")
    public static <A extends LedgerAggregate<A>> LedgerResult<A> scan(LedgerScan scan, Supplier<A> recipe,
                                                                      Supplier<LedgerResult<A>> run) {
        if (!enabled || !(recipe instanceof AggregateRecipe<?>)) return run.get();
        List<Object> key;
        try {
            key = List.of(scan.cacheKey(), recipe);
        } catch (RuntimeException e) {
            return run.get(); // a missing file: the scan reports it
        }
        synchronized (scans) {
            LedgerResult<?> kept = scans.get(key);
            if (kept != null) return (LedgerResult<A>) kept;
        }
        LedgerResult<A> result = run.get();
        synchronized (scans) {
            scans.put(key, result);
        }
        return result;
    }

    /** Remembers the column keys of the last report of {@code command}. */
    public static void columns(String command, List<String> keys) {
        if (enabled) columnKeys.put(command, List.copyOf(keys));
    }

    static List<String> columns(String command) {
        return columnKeys.getOrDefault(command, List.of());
    }
}
