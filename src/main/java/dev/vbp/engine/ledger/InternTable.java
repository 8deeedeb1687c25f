package dev.vbp.engine.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Byte slice → decoded value, so a code or a channel spelling is decoded from the file's encoding once per
 * distinct value and worker rather than once per line.
 *
 * <p>Keys of up to 32 bytes (every code and category value in practice) are held as four longs, so a
 * lookup reads the slice as at most four 8-byte words, hashes them and compares them with the stored words:
 * no byte loop, no allocation. Longer keys are compared against a byte arena. The caller guarantees that 8
 * bytes can be read from any offset up to {@code to} (its buffers carry padding); bytes past {@code to} are
 * masked off.
 *
 * <p>Laid out for few cache misses per lookup, since a ledger's institution and product columns hit
 * thousands of keys in random order: the slot array holds the key's hash beside the entry number (a probe
 * that meets another key rarely reads that key's entry), and an entry's length, words and the caller's
 * {@link #tag} sit in one record of six longs. A value that is a String is also kept in a String array, so a
 * caller can take it without looking at the object (no type check, no header read).
 *
 * <p>Bounded: past {@link #MAX_ENTRIES} distinct values (a file whose "codes" are really unique ids) the
 * table stops remembering new ones and the caller decodes them each time, so memory stays flat.
 */
final class InternTable {
    static final int MAX_ENTRIES = 1 << 20;
    private static final int MAX_ARENA = 64 << 20;
    private static final int INLINE_BYTES = 32;
    /** Longs per entry: length (low 32 bits) and arena offset (high 32), four key words, the caller's tag. */
    private static final int STRIDE = 6;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[] slots; // hash << 32 | (entry index + 1); 0 = free
    private long[] entries;
    private Object[] values;
    private String[] strings; // values[k] when it is a String, else null
    private byte[] arena;
    private int arenaUsed;
    private int size;

    // the key of the last find(), for add()
    private int lastHash;
    private long w0, w1, w2, w3;
    // the most recently found key and its entry
    private int mruLength = -1;
    private long mru0, mru1, mru2, mru3;
    private int mruEntry;

    InternTable() {
        slots = new long[256];
        entries = new long[128 * STRIDE];
        values = new Object[128];
        strings = new String[128];
        arena = new byte[256];
    }

    /** The value stored for these bytes, or null. Remembers the key for a following {@link #put}. */
    Object get(byte[] b, int from, int to) {
        int k = find(b, from, to);
        return k < 0 ? null : values[k];
    }

    /** Stores a value for bytes just looked up with {@link #get} and not found. */
    void put(byte[] b, int from, int to, Object value) {
        add(b, from, to, value, 0);
    }

    /** The entry of these bytes, or -1. Remembers the key for a following {@link #add}. */
    int find(byte[] b, int from, int to) {
        int len = to - from;
        long a = 0, c = 0, d = 0, e = 0;
        if (len <= INLINE_BYTES) {
            if (len > 0) a = word(b, from, len);
            if (len > 8) c = word(b, from + 8, len - 8);
            if (len > 16) d = word(b, from + 16, len - 16);
            if (len > 24) e = word(b, from + 24, len - 24);
            // the entry of the previous hit: a channel or category column mostly repeats itself
            if (len == mruLength && a == mru0 && c == mru1 && d == mru2 && e == mru3) return mruEntry;
        } else {
            a = word(b, from, 8);
            c = word(b, to - 8, 8);
        }
        long h = (len + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        h = (h ^ a) * 0x94D049BB133111EBL;
        h = (h ^ c) * 0xBF58476D1CE4E5B9L;
        h = (h ^ d) * 0x94D049BB133111EBL;
        h = (h ^ e) * 0xBF58476D1CE4E5B9L;
        int hash = (int) (h ^ (h >>> 29) ^ (h >>> 47));
        lastHash = hash;
        w0 = a;
        w1 = c;
        w2 = d;
        w3 = e;
        long[] sl = slots;
        long[] es = entries;
        int mask = sl.length - 1;
        for (int s = hash & mask; ; s = (s + 1) & mask) {
            long slot = sl[s];
            if (slot == 0) return -1;
            if ((int) (slot >>> 32) != hash) continue;
            int k = (int) slot - 1;
            int i = k * STRIDE;
            long head = es[i];
            if ((int) head == len && es[i + 1] == a && es[i + 2] == c && es[i + 3] == d && es[i + 4] == e
                    && (len <= INLINE_BYTES || Arrays.equals(arena, (int) (head >>> 32), (int) (head >>> 32) + len, b, from, to))) {
                if (len <= INLINE_BYTES) {
                    mruLength = len;
                    mru0 = a;
                    mru1 = c;
                    mru2 = d;
                    mru3 = e;
                    mruEntry = k;
                }
                return k;
            }
        }
    }

    /**
     * Stores a value and a tag for bytes just looked up with {@link #find} and not found; returns its entry,
     * or -1 when the table is full (the caller then keeps the value for this line only).
     */
    int add(byte[] b, int from, int to, Object value, long tag) {
        int len = to - from;
        if (size >= MAX_ENTRIES) return -1;
        if (len > INLINE_BYTES && arenaUsed + len > MAX_ARENA) return -1;
        if (size == values.length) growEntries();
        if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
        int k = size++;
        int i = k * STRIDE;
        long[] es = entries;
        es[i] = len;
        es[i + 1] = w0;
        es[i + 2] = w1;
        es[i + 3] = w2;
        es[i + 4] = w3;
        es[i + 5] = tag;
        values[k] = value;
        strings[k] = value instanceof String s ? s : null;
        if (len > INLINE_BYTES) {
            if (arenaUsed + len > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
            System.arraycopy(b, from, arena, arenaUsed, len);
            es[i] |= (long) arenaUsed << 32;
            arenaUsed += len;
        }
        insertSlot(lastHash, k);
        return k;
    }

    Object value(int k) {
        return values[k];
    }

    /** The value of entry {@code k} when it is a String, else null. */
    String string(int k) {
        return strings[k];
    }

    /** What the caller stored with entry {@code k}. */
    long tag(int k) {
        return entries[k * STRIDE + 5];
    }

    /** The bytes at {@code i}, at most {@code remaining} of them, as a little-endian word (zero-padded). */
    private static long word(byte[] b, int i, int remaining) {
        if (i + 8 > b.length) { // no padding here (only in tests): assemble byte by byte
            long w = 0;
            for (int k = Math.min(remaining, 8) - 1; k >= 0; k--) w = (w << 8) | (b[i + k] & 0xFF);
            return w;
        }
        long w = (long) LONGS.get(b, i);
        return remaining >= 8 ? w : w & ((1L << (remaining << 3)) - 1);
    }

    int size() {
        return size;
    }

    private void insertSlot(int hash, int k) {
        int mask = slots.length - 1;
        int s = hash & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = (long) hash << 32 | (k + 1);
    }

    private void growEntries() {
        int n = values.length * 2;
        entries = Arrays.copyOf(entries, n * STRIDE);
        values = Arrays.copyOf(values, n);
        strings = Arrays.copyOf(strings, n);
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        for (long slot : old) {
            if (slot != 0) insertSlot((int) (slot >>> 32), (int) slot - 1);
        }
    }
}
