package dev.vbp.engine.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Byte slice → decoded value, so a code or a channel spelling is decoded from the file's encoding once per
 * distinct value and worker rather than once per line.
 *
 * <p>Keys of up to 32 bytes (every code and category value in practice) are held as four longs beside
 * the table, so a lookup reads the slice as at most four 8-byte words, hashes them and compares them with
 * the stored words: no byte loop, no allocation. Longer keys are compared against a byte arena.
 * The caller guarantees that 8 bytes can be read from any offset up to {@code to} (its buffers carry
 * padding); bytes past {@code to} are masked off.
 *
 * <p>Bounded: past {@link #MAX_ENTRIES} distinct values (a file whose "codes" are really unique ids) the
 * table stops remembering new ones and the caller decodes them each time, so memory stays flat.
 */
final class InternTable {
    static final int MAX_ENTRIES = 1 << 20;
    private static final int MAX_ARENA = 64 << 20;
    private static final int INLINE_BYTES = 32;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] slots; // entry index + 1, 0 = free
    private int[] hashes;
    private int[] lengths;
    private long[] words; // 4 per entry: the key's bytes, zero-padded (keys up to 32 bytes)
    private int[] offsets; // into the arena (keys over 32 bytes)
    private Object[] values;
    private byte[] arena;
    private int arenaUsed;
    private int size;

    // the key of the last get(), for put()
    private int lastHash;
    private long w0, w1, w2, w3;
    // the most recently found key and its value
    private int mruLength = -1;
    private long mru0, mru1, mru2, mru3;
    private Object mruValue;

    InternTable() {
        slots = new int[256];
        hashes = new int[128];
        lengths = new int[128];
        words = new long[128 * 4];
        offsets = new int[128];
        values = new Object[128];
        arena = new byte[256];
    }

    /** The value stored for these bytes, or null. Remembers the key for a following {@link #put}. */
    Object get(byte[] b, int from, int to) {
        int len = to - from;
        long a = 0, c = 0, d = 0, e = 0;
        if (len <= INLINE_BYTES) {
            if (len > 0) a = word(b, from, len);
            if (len > 8) c = word(b, from + 8, len - 8);
            if (len > 16) d = word(b, from + 16, len - 16);
            if (len > 24) e = word(b, from + 24, len - 24);
        } else {
            a = word(b, from, 8);
            c = word(b, to - 8, 8);
        }
        // the value of the previous hit: a channel or category column mostly repeats itself
        if (len == mruLength && a == mru0 && c == mru1 && d == mru2 && e == mru3 && len <= INLINE_BYTES) return mruValue;
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
        int mask = slots.length - 1;
        long[] ws = words;
        for (int s = hash & mask; ; s = (s + 1) & mask) {
            int k = slots[s];
            if (k == 0) return null;
            k--;
            if (hashes[k] == hash && lengths[k] == len) {
                int i = k << 2;
                if (ws[i] == a && ws[i + 1] == c && ws[i + 2] == d && ws[i + 3] == e
                        && (len <= INLINE_BYTES || Arrays.equals(arena, offsets[k], offsets[k] + len, b, from, to))) {
                    mruLength = len;
                    mru0 = a;
                    mru1 = c;
                    mru2 = d;
                    mru3 = e;
                    mruValue = values[k];
                    return mruValue;
                }
            }
        }
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

    /** Stores a value for bytes just looked up with {@link #get} and not found. */
    void put(byte[] b, int from, int to, Object value) {
        int len = to - from;
        if (size >= MAX_ENTRIES) return;
        if (len > INLINE_BYTES && arenaUsed + len > MAX_ARENA) return;
        if (size == hashes.length) growEntries();
        if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
        int k = size++;
        hashes[k] = lastHash;
        lengths[k] = len;
        words[k << 2] = w0;
        words[(k << 2) + 1] = w1;
        words[(k << 2) + 2] = w2;
        words[(k << 2) + 3] = w3;
        values[k] = value;
        if (len > INLINE_BYTES) {
            if (arenaUsed + len > arena.length) arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
            System.arraycopy(b, from, arena, arenaUsed, len);
            offsets[k] = arenaUsed;
            arenaUsed += len;
        }
        insertSlot(k);
    }

    int size() {
        return size;
    }

    private void insertSlot(int k) {
        int mask = slots.length - 1;
        int s = hashes[k] & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = k + 1;
    }

    private void growEntries() {
        int n = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, n);
        lengths = Arrays.copyOf(lengths, n);
        words = Arrays.copyOf(words, n * 4);
        offsets = Arrays.copyOf(offsets, n);
        values = Arrays.copyOf(values, n);
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int k = 0; k < size; k++) insertSlot(k);
    }
}
