package dev.vbp.engine.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InternTableTest {

    @Test
    void findsWhatWasPutAmongManyKeysOfAllLengths() {
        InternTable t = new InternTable();
        Map<String, Integer> reference = new HashMap<>();
        Random r = new Random(7);
        byte[] buf = new byte[100];
        for (int i = 0; i < 50_000; i++) {
            int len = r.nextInt(5) == 0 ? 30 + r.nextInt(60) : r.nextInt(30);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) sb.append((char) ('A' + r.nextInt(3)));
            String key = sb.toString();
            byte[] k = key.getBytes(StandardCharsets.US_ASCII);
            int off = r.nextInt(10);
            r.nextBytes(buf); // garbage around the key must not matter
            System.arraycopy(k, 0, buf, off, k.length);
            Object v = t.get(buf, off, off + k.length);
            if (reference.containsKey(key)) {
                assertEquals(reference.get(key), v, key);
            } else {
                assertNull(v, key);
                t.put(buf, off, off + k.length, i);
                reference.put(key, i);
            }
        }
        assertEquals(reference.size(), t.size());
    }
}
