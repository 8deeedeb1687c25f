package dev.vbp.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 well-formedness over bytes, as the JDK's decoder (REPORT on malformed input) judges it, without
 * making chars: the check pass of a file spends its time here, and most bytes of a CSV file are ASCII, which
 * are passed eight at a time. Well-formed is Unicode's table 3-7 (no overlong forms, no surrogates, nothing
 * above U+10FFFF); an ill-formed sequence is reported at its first byte, where the decoder stops.
 */
final class Utf8Check {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Check() {}

    /**
     * Scans {@code b[from, to)}: the index of the first byte of the first ill-formed sequence, or, when every
     * sequence is well formed, {@code -1 - i} where {@code i} is the end of the last whole sequence (a sequence
     * cut by {@code to} starts at {@code i}, to be scanned again with the bytes after it; at the end of the input
     * it is ill-formed, so {@code end} reports it at {@code i}).
     */
    static int scan(byte[] b, int from, int to, boolean end) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to) {
                long high = (long) LONGS.get(b, i) & HIGH_BITS;
                if (high == 0) {
                    i += 8;
                    continue;
                }
                i += Long.numberOfTrailingZeros(high) >>> 3; // to the first byte above 0x7F (little-endian: the lowest)
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            if (c >= 0xE0 && c <= 0xEF && i + 2 < to) { // the common case in Chinese text, checked apart
                int d1 = b[i + 1] & 0xFF;
                if ((b[i + 2] & 0xC0) != 0x80 || d1 < (c == 0xE0 ? 0xA0 : 0x80) || d1 > (c == 0xED ? 0x9F : 0xBF)) return i;
                i += 3;
                continue;
            }
            int n; // continuation bytes
            int low = 0x80, high = 0xBF; // bounds of the second byte
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) low = 0xA0;
                else if (c == 0xED) high = 0x9F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) low = 0x90;
                else if (c == 0xF4) high = 0x8F;
            } else {
                return i; // a continuation byte without its lead, C0, C1, F5-FF
            }
            int available = Math.min(n, to - i - 1);
            for (int k = 1; k <= available; k++) {
                int d = b[i + k] & 0xFF;
                if (k == 1 ? d < low || d > high : d < 0x80 || d > 0xBF) return i;
            }
            if (available < n) return end ? i : -1 - i;
            i += n + 1;
        }
        return -1 - to;
    }
}
