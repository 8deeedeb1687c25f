package dev.vbp.engine.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan cut into independent splits, as a cluster runs it: every split and summary goes through Java
 * serialization, splits run in a shuffled order, aggregates merge in a shuffled order, and the result equals
 * the local scan's (sums, line counts, errors and their line numbers).
 */
class LedgerSplitsTest {
    @TempDir
    Path dir;

    /** Local files read as streams, the way a remote file system hands them out. */
    static final class StreamStorage implements LedgerStorage, java.io.Serializable {
        @Override
        public InputStream open(Path file, long position) throws IOException {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(position);
            return in;
        }

        @Override
        public long size(Path file) throws IOException {
            return Files.size(file);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    static int lastRounds;

    /** The cluster protocol on one machine: scan, rescan the misaligned, merge in random order. */
    static LedgerResult<GroupedSums> distributed(LedgerScan scan, List<Path> files, long splitBytes, long seed)
            throws IOException, ClassNotFoundException {
        LedgerStorage storage = new StreamStorage();
        LedgerSplits plan = scan.splits(files, storage, splitBytes);
        LedgerSplits remote = roundTrip(plan);
        Random random = new Random(seed);
        List<LedgerSplits.Split> order = new ArrayList<>(remote.splits());
        Collections.shuffle(order, random);
        List<LedgerSplits.Summary> summaries = new ArrayList<>(Collections.nCopies(order.size(), null));
        List<GroupedSums> partials = new ArrayList<>(Collections.nCopies(order.size(), null));
        for (LedgerSplits.Split s : order) {
            LedgerSplits.SplitResult<GroupedSums> r = roundTrip(remote.scan(roundTrip(s), new GroupedSums(java.util.EnumSet.allOf(GroupedSums.Dimension.class)), storage));
            summaries.set(r.summary().index(), r.summary());
            partials.set(r.summary().index(), r.aggregate());
        }
        List<LedgerSplits.Rescan> again;
        int rounds = 0;
        while (!(again = plan.misaligned(summaries)).isEmpty()) {
            rounds++;
            for (LedgerSplits.Rescan x : again) {
                LedgerSplits.SplitResult<GroupedSums> r = roundTrip(remote.rescan(roundTrip(x), new GroupedSums(java.util.EnumSet.allOf(GroupedSums.Dimension.class)), storage));
                summaries.set(x.index(), r.summary());
                partials.set(x.index(), r.aggregate());
            }
        }
        assertTrue(rounds <= plan.splits().size(), "each round settles at least one split");
        lastRounds = rounds;
        Collections.shuffle(partials, random);
        while (partials.size() > 1) { // pairs in random order, as a tree reduction meets them
            GroupedSums a = partials.remove(random.nextInt(partials.size()));
            GroupedSums b = partials.remove(random.nextInt(partials.size()));
            partials.add(a.merge(b));
        }
        return plan.result(partials.get(0), summaries);
    }

    @Test
    void splitsRunAnywhereAndInAnyOrderGiveTheLocalResult() throws Exception {
        Path utf8 = Ledgers.write(dir, "a.csv", SplitScanTest.awkward(), StandardCharsets.UTF_8);
        Path gb = Ledgers.write(dir, "b.csv", SplitScanTest.awkward().replace(',', '\t'), Charset.forName("GB18030"));
        Path gz = Ledgers.gzip(dir, "c.csv.gz", SplitScanTest.TRAP.getBytes(StandardCharsets.UTF_8));
        Path trap = Ledgers.write(dir, "d.csv", SplitScanTest.TRAP, StandardCharsets.UTF_8);
        List<Path> files = List.of(utf8, gb, gz, trap);
        LedgerResult<GroupedSums> local = LedgerScan.of(files).threads(1).run(GroupedSums.by(Ledgers.ALL_DIMENSIONS));
        assertTrue(local.errorCount() > 5);
        for (long splitBytes : new long[] {7, 31, 64, 100, 1 << 20}) {
            for (long seed = 1; seed <= 3; seed++) {
                LedgerResult<GroupedSums> d = distributed(LedgerScan.of(files), files, splitBytes, seed);
                String what = "splits of " + splitBytes + " bytes, seed " + seed;
                assertEquals(Ledgers.table(local.aggregate()), Ledgers.table(d.aggregate()), what);
                assertEquals(local.totalLines(), d.totalLines(), what);
                assertEquals(local.acceptedLines(), d.acceptedLines(), what);
                assertEquals(local.errorCount(), d.errorCount(), what);
                assertEquals(local.errors(), d.errors(), what);
                assertEquals(local.files(), d.files(), what);
            }
        }
    }

    @Test
    void theErrorLimitStopsTheSameWay() throws Exception {
        Path utf8 = Ledgers.write(dir, "a.csv", SplitScanTest.awkward(), StandardCharsets.UTF_8);
        TooManyErrorsException local = assertThrows(TooManyErrorsException.class,
                () -> LedgerScan.of(utf8).threads(1).maxErrors(2).run(GroupedSums.by(Ledgers.ALL_DIMENSIONS)));
        TooManyErrorsException split = assertThrows(TooManyErrorsException.class,
                () -> distributed(LedgerScan.of(utf8).maxErrors(2), List.of(utf8), 50, 7));
        assertEquals(local.getMessage(), split.getMessage());
    }

    @Test
    void aFileWithoutARequiredColumnFailsBeforeAnySplitRuns() throws IOException {
        Path f = Ledgers.write(dir, "a.csv", "date,institution_code,product_code,quantity\n2024-01-01,H1,X,1\n", StandardCharsets.UTF_8);
        LedgerInputException e = assertThrows(LedgerInputException.class,
                () -> LedgerScan.of(f).require("amount").splits(List.of(f), new StreamStorage(), 100));
        assertTrue(e.getMessage().startsWith(f + ":1: missing required column 'amount'"), e.getMessage()); // the shared binder names the header line
    }

    /**
     * With no error tolerated (the default), a speculative start inside a quoted newline reads a garbage line
     * at once; it must still reach its end, or every split after it is rescanned from a false guess, round
     * after round (the plan then needed one round per split).
     */
    @Test
    void quotedNewlinesUnderAZeroErrorLimitSettleInOneRound() throws Exception {
        StringBuilder text = new StringBuilder("date,institution_code,product_code,quantity,amount,channel,manufacturer\n");
        for (int i = 0; i < 3000; i++) {
            String maker = i % 5 == 0 ? "\"某某药业\n（委托生产，\"\"第" + i + "批\"\"）" + "\n备注".repeat(40) + "\"" : "某某药业";
            text.append("2024-01-").append(String.format("%02d", 1 + i % 28)).append(",H").append(i % 7).append(",P").append(i % 11)
                    .append(',').append(1 + i % 3).append(',').append(i % 97).append(".50,").append(i % 4 == 0 ? "线下" : "线上")
                    .append(',').append(maker).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Path f = Ledgers.write(dir, "quoted.csv", text.toString(), StandardCharsets.UTF_8);
        LedgerResult<GroupedSums> local = LedgerScan.of(f).threads(1).maxErrors(0).run(GroupedSums.by(Ledgers.ALL_DIMENSIONS));
        assertEquals(0, local.errorCount());
        LedgerResult<GroupedSums> d = distributed(LedgerScan.of(f).maxErrors(0), List.of(f), 4096, 1);
        assertEquals(Ledgers.table(local.aggregate()), Ledgers.table(d.aggregate()));
        assertEquals(local.totalLines(), d.totalLines());
        assertTrue(lastRounds <= 2, lastRounds + " rounds");
    }
}
