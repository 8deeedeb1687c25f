package dev.vbp.engine.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Byte slice → decoded value, so a code or a channel spelling is decoded from the file's encoding once per
 * distinct value and worker rather than once per line. Open addressing over parallel arrays, keys copied
 * into one byte arena: a hit costs a hash over the slice and one vectorised compare, and allocates nothing.
 *
 * <p>Bounded: past {@link #MAX_ENTRIES} distinct values (a file whose "codes" are really unique ids) the
 * table stops remembering new ones and the caller decodes them each time, so memory stays flat.
 */
final class InternTable {
    static final int MAX_ENTRIES = 1 << 20;
    private static final int MAX_ARENA = 64 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] slots; // entry index + 1, 0 = free
    private int[] hashes;
    private int[] offsets;
    private int[] lengths;
    private Object[] values;
    private byte[] arena;
    private int arenaUsed;
    private int size;
    private int lastHash;

    InternTable() {
        slots = new int[256];
        hashes = new int[128];
        offsets = new int[128];
        lengths = new int[128];
        values = new Object[128];
        arena = new byte[4096];
    }

    /** The value stored for these bytes, or null. Remembers the hash for a following {@link #put}. */
    Object get(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        lastHash = h;
        int mask = slots.length - 1;
        int len = to - from;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s];
            if (e == 0) return null;
            e--;
            if (hashes[e] == h && lengths[e] == len
                    && Arrays.equals(arena, offsets[e], offsets[e] + len, b, from, to)) {
                return values[e];
            }
        }
    }

    /** Stores a value for bytes just looked up with {@link #get} and not found. */
    void put(byte[] b, int from, int to, Object value) {
        int len = to - from;
        if (size >= MAX_ENTRIES || arenaUsed + len > MAX_ARENA) return;
        if (size == hashes.length) growEntries();
        if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        }
        System.arraycopy(b, from, arena, arenaUsed, len);
        int e = size++;
        hashes[e] = lastHash;
        offsets[e] = arenaUsed;
        lengths[e] = len;
        values[e] = value;
        arenaUsed += len;
        insertSlot(e);
    }

    int size() {
        return size;
    }

    private void insertSlot(int e) {
        int mask = slots.length - 1;
        int s = hashes[e] & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = e + 1;
    }

    private void growEntries() {
        int n = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, n);
        offsets = Arrays.copyOf(offsets, n);
        lengths = Arrays.copyOf(lengths, n);
        values = Arrays.copyOf(values, n);
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int e = 0; e < size; e++) insertSlot(e);
    }

    /** 8 bytes at a time; the last word overlaps the previous one instead of looping over a tail. */
    static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long h = len * 0x9E3779B97F4A7C15L;
        if (len >= 8) {
            int i = from;
            for (; i + 8 < to; i += 8) {
                h = (h ^ (long) LONGS.get(b, i)) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            h = (h ^ (long) LONGS.get(b, to - 8)) * 0x94D049BB133111EBL;
        } else {
            long w = 0;
            for (int i = from; i < to; i++) w = (w << 8) | (b[i] & 0xFF);
            h = (h ^ w) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }
}
