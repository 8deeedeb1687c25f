package dev.vbp.domain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results of a pure function of a text, kept for texts seen again: reference files repeat a few thousand
 * names and specs over hundreds of thousands of rows, and normalising them (Unicode NFKC, patterns) was most
 * of reading a large baseline. Bounded: when full it starts again, so memory follows distinct texts up to
 * {@code capacity}, never rows. Safe across threads; a value may be computed twice, never differently.
 */
final class Memo<V> {
    private final int capacity;
    private final Function<String, V> compute;
    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();

    Memo(int capacity, Function<String, V> compute) {
        this.capacity = capacity;
        this.compute = compute;
    }

    V get(String text) {
        V v = values.get(text);
        if (v != null) return v;
        v = compute.apply(text);
        if (values.size() >= capacity) values.clear();
        values.put(text, v);
        return v;
    }
}
