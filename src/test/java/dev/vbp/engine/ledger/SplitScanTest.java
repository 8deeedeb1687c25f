package dev.vbp.engine.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cutting a file into ranges must never change the answer, the error list or the line numbers. */
class SplitScanTest {
    @TempDir
    Path dir;

    /**
     * The quoted generic name on line 3 holds newlines followed by text that looks exactly like ledger
     * lines of institution H9, so a worker that starts inside it would count them.
     */
    static final String TRAP = "date,institution_code,product_code,generic_name,quantity,amount,channel\n"
            + "2024-01-01,H1,XA,plain,1,10,线上\n"
            + "2024-01-02,H1,XA,\"trap\n2024-01-01,H9,XZ,fake,1,999,线上\n2024-01-01,H9,XZ,fake,1,999,线上\n"
            + "2024-01-01,H9,XZ,fake,1,999,线上\nend\",2,20,线下\n"
            + "2024-01-03,H2,XB,plain,3,30,线上\n"
            + "2024-01-04,H2,XB,bad,x,30,线上\n";

    @Test
    void quotedMultiLineFieldStraddlingASplitPointIsReadAgainFromTheTrueStart() throws IOException {
        Path file = Ledgers.write(dir, "trap.csv", TRAP, StandardCharsets.UTF_8);
        int header = TRAP.indexOf('\n') + 1;
        int inside = TRAP.indexOf("H9") - header; // a split point inside the quoted field
        LedgerScan scan = LedgerScan.of(file).threads(2).chunkBytes(inside);
        LedgerResult<LedgerScanTest.CollectingAggregate> r = scan.run(LedgerScanTest.CollectingAggregate::new);
        assertTrue(scan.lastReruns >= 1, "the range starting inside the quoted field was re-read");
        assertEquals(List.of("plain@2", "trap 2024-01-01,H9,XZ,fake,1,999,线上 2024-01-01,H9,XZ,fake,1,999,线上 "
                + "2024-01-01,H9,XZ,fake,1,999,线上 end@3", "plain@8"), r.aggregate().seen);
        assertEquals(List.of(new LineError(file, 9, 5, "quantity", "not a number: 'x'")), r.errors());

        LedgerResult<GroupedSums> sums = LedgerScan.of(file).threads(2).chunkBytes(inside)
                .run(GroupedSums.by(GroupedSums.Dimension.INSTITUTION));
        assertEquals(Map.of("H1|-|-|-|-|-", "30.0000 3.0000 2 0", "H2|-|-|-|-|-", "30.0000 3.0000 1 0"),
                Ledgers.table(sums.aggregate()));
    }

    /** A file with every awkward feature: quotes, newlines in quotes, CRLF, blank lines, bad lines. */
    static String awkward() {
        StringBuilder b = new StringBuilder("date,institution_code,product_code,generic_name,quantity,unit_price,amount,channel,category\r\n");
        for (int i = 0; i < 40; i++) {
            String inst = "H" + (i % 3);
            String name = switch (i % 5) {
                case 0 -> "\"甲,乙\"";
                case 1 -> "\"多\n行\r\n名\"";
                case 2 -> "\"\"\"引号\"\"\"";
                default -> "普通" + (i % 4);
            };
            String amount = i % 11 == 7 ? "1.2.3" : (i % 2 == 0 ? "-" : "") + i + ".5";
            String qty = (i % 2 == 0 ? "-" : "") + "1";
            b.append("2024-0").append(1 + i % 9).append("-1").append(i % 10).append(',').append(inst).append(",X").append(i % 4)
                    .append(',').append(name).append(',').append(qty).append(",,").append(amount).append(',')
                    .append(i % 3 == 0 ? "线下" : "线上").append(',').append(i % 6 == 0 ? "耗材" : "药品")
                    .append(i % 4 == 0 ? "\r\n" : "\n");
            if (i % 13 == 5) b.append("\n");
            if (i % 17 == 3) b.append("2024-01-01,H1,X1\n");
        }
        return b.toString();
    }

    @Test
    void everySplitAndBufferSizeGivesTheSameSumsErrorsAndLineNumbers() throws IOException {
        Path file = Ledgers.write(dir, "awkward.csv", awkward(), StandardCharsets.UTF_8);
        LedgerResult<GroupedSums> base = LedgerScan.of(file).threads(1).maxErrors(1000)
                .run(GroupedSums.by(Ledgers.ALL_DIMENSIONS));
        Map<String, String> want = Ledgers.table(base.aggregate());
        assertTrue(base.errorCount() >= 5, "the file has bad lines");
        assertTrue(want.size() > 10);
        List<String> wantLines = lines(file, 1, 0, 1 << 20);
        long size = java.nio.file.Files.size(file);
        int reruns = 0;
        for (int chunk = 1; chunk < size; chunk += (chunk < 40 ? 1 : 17)) {
            for (int threads = 1; threads <= 3; threads++) {
                int buffer = new int[] {5, 64, 4096}[threads - 1];
                LedgerScan scan = LedgerScan.of(file).threads(threads).chunkBytes(chunk).bufferBytes(buffer);
                LedgerResult<GroupedSums> r = scan.run(GroupedSums.by(Ledgers.ALL_DIMENSIONS));
                String what = "chunk " + chunk + " threads " + threads;
                reruns += scan.lastReruns;
                assertEquals(want, Ledgers.table(r.aggregate()), what);
                assertEquals(base.errors(), r.errors(), what);
                assertEquals(base.errorCount(), r.errorCount(), what);
                assertEquals(base.totalLines(), r.totalLines(), what);
                assertEquals(base.acceptedLines(), r.acceptedLines(), what);
                if (chunk % 7 == 0) assertEquals(wantLines, lines(file, threads, chunk, buffer), what);
            }
        }
        assertTrue(reruns > 0, "some split fell inside a quoted newline");
    }

    /** Each accepted line's generic name and physical line number, in input order. */
    private static List<String> lines(Path file, int threads, int chunk, int buffer) {
        LedgerScan scan = LedgerScan.of(file).threads(threads).bufferBytes(buffer);
        if (chunk > 0) scan.chunkBytes(chunk);
        return scan.run(LedgerScanTest.CollectingAggregate::new).aggregate().seen;
    }
}
