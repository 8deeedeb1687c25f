package dev.vbp.engine.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An interrupted scan (Ctrl-C in the shell) stops with ScanCancelledException and the next scan runs normally. */
class ScanCancelTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedThreadCancelsTheScan() throws Exception {
        Path file = Ledgers.write(dir, "small.csv", LedgerScanTest.SMALL, StandardCharsets.UTF_8);
        LedgerScan scan = LedgerScan.of(file).threads(2);
        Thread.currentThread().interrupt();
        try {
            assertThrows(ScanCancelledException.class, () -> scan.run(GroupedSums.by(GroupedSums.Dimension.INSTITUTION)));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
        }
        LedgerResult<GroupedSums> again = LedgerScan.of(file).run(GroupedSums.by(GroupedSums.Dimension.INSTITUTION));
        assertEquals(again.totalLines(), again.acceptedLines() + again.filteredLines() + again.errorCount());
    }
}
