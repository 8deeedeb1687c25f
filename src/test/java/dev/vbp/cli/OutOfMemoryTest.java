package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running out of heap, in the main thread or a ledger worker, ends with one line naming VBP_HEAP and exit 4. */
class OutOfMemoryTest {
    @TempDir Path dir;

    @Test
    void oneLineAndExit4() throws IOException, InterruptedException {
        // Every line a new institution: the per-institution sums grow with keys until a 12 MB heap is full.
        // (At 16 MB, once start-up built only the online-rate command's model, Serial GC could spend minutes
        // in back-to-back full collections just short of the limit before giving up.)
        Path ledger = dir.resolve("keys.csv");
        try (BufferedWriter w = Files.newBufferedWriter(ledger)) {
            w.write("date,institution_code,product_code,quantity,amount,channel\n");
            for (int i = 0; i < 400_000; i++) w.write("2024-01-05,H" + i + ",P1,1,1.00,online\n");
        }
        for (String threads : List.of("1", "2")) {
            ChildJvm.Result r = ChildJvm.run(List.of("-Xmx12m"), "online-rate", "--ledger", ledger.toString(), "--threads", threads);
            assertEquals(ExitCodes.INTERNAL, r.exit(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("vbp: out of memory") && r.err().contains("VBP_HEAP="), r.err());
        }
        // in Chinese too, from a ledger worker's thread
        ChildJvm.Result zh = ChildJvm.run(List.of("-Xmx12m"), "--lang", "zh", "online-rate", "--ledger", ledger.toString(), "--threads", "2");
        assertEquals(ExitCodes.INTERNAL, zh.exit(), zh.err());
        assertEquals(1, zh.err().lines().count(), zh.err());
        assertTrue(zh.err().startsWith("vbp：内存不足（堆 ") && zh.err().contains("请用更大的堆重新运行，例如 VBP_HEAP="), zh.err());
    }
}
