package dev.vbp.read;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The byte check judges UTF-8 as the JDK's strict decoder does, and stops where it stops, whatever the buffer cuts. */
class Utf8CheckTest {

    /** The decoder's verdict: the offset of the first malformed byte, or -1. */
    private static int decoder(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length * 2 + 4);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) return in.position();
        r = d.flush(out);
        return r.isError() ? in.position() : -1;
    }

    /** The check over the bytes cut into pieces of {@code piece}, carrying a cut sequence as the sniffer does. */
    private static int check(byte[] b, int piece) {
        byte[] buffer = new byte[piece + 4];
        int kept = 0, base = 0, at = 0;
        while (true) {
            int n = Math.min(piece, b.length - at);
            boolean end = n == 0;
            System.arraycopy(b, at, buffer, kept, n);
            at += n;
            int length = kept + n;
            int r = Utf8Check.scan(buffer, 0, length, end);
            if (r >= 0) return base + r;
            if (end) return -1;
            int whole = -1 - r;
            kept = length - whole;
            System.arraycopy(buffer, whole, buffer, 0, kept);
            base += whole;
        }
    }

    @Test
    void sameVerdictAsTheDecoder() {
        Random random = new Random(42);
        String[] texts = {"a,b,c\n", "利培酮片", "中选价格(元)", "\uD83D\uDE00", "é", "\u0800", "\uFFFD", "\uD7FF", "\uE000"};
        int[] edges = {0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F};
        for (int round = 0; round < 20_000; round++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(4)) {
                    case 0, 1 -> out.writeBytes(texts[random.nextInt(texts.length)].getBytes(StandardCharsets.UTF_8));
                    case 2 -> out.write(edges[random.nextInt(edges.length)]);
                    default -> out.write(random.nextInt(256));
                }
                if (random.nextInt(3) == 0) out.writeBytes("0123456789".getBytes(StandardCharsets.US_ASCII));
            }
            byte[] b = out.toByteArray();
            int expected = decoder(b);
            for (int piece : new int[]{1, 2, 3, 5, 8, 64}) {
                assertEquals(expected, check(b, piece), () -> java.util.HexFormat.of().formatHex(b));
            }
        }
    }
}
