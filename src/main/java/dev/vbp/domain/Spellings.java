package dev.vbp.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lookup from the many ways a value is written ({@code 线上}, {@code 网上}, {@code Online}) to one enum
 * constant. Spellings are compared by {@link Texts#key}, so case, spaces and full-width forms do not matter.
 */
final class Spellings<E extends Enum<E>> {
    private final Map<String, E> byKey = new HashMap<>();

    Spellings<E> add(E value, String... spellings) {
        for (String s : spellings) {
            E previous = byKey.put(Texts.key(s), value);
            if (previous != null && previous != value) {
                throw new IllegalStateException("spelling '" + s + "' means both " + previous + " and " + value);
            }
        }
        return this;
    }

    Optional<E> parse(String text) {
        return Optional.ofNullable(byKey.get(Texts.key(text)));
    }
}
