package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Channel;
import dev.vbp.engine.ledger.GroupedSums.Dimension;
import dev.vbp.engine.ledger.GroupedSums.Group;
import dev.vbp.engine.ledger.GroupedSums.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vbp.engine.ledger.GroupedSums.Dimension.CHANNEL;
import static dev.vbp.engine.ledger.GroupedSums.Dimension.INSTITUTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerScanTest {
    private static final Charset GB = Charset.forName("GB18030");

    @TempDir
    Path dir;

    /** Worked by hand: H1 buys 10 and returns 2 online, one consumable offline; H2 buys mixed. */
    static final String SMALL = """
            date,institution_code,product_code,generic_name,quantity,unit_price,amount,channel,category
            2024-01-05,H1,XA,阿莫西林胶囊,10,2.5,25,线上,药品
            2024-01-20,H1,XA,阿莫西林胶囊,-2,2.5,-5,线上,药品
            2024-02-01,H1,C1,留置针,1,100,100.00,线下,耗材
            2024-02-03,H2,XA,阿莫西林胶囊,4,2.5,10,线下,药品
            2024/2/28,H2,XB,二甲双胍,3,1.3333,3.9999,线上,药品
            20240301,H2,XB,二甲双胍,1,1.3333,1.3333,online,drug
            """;

    private Path small() throws IOException {
        return Ledgers.write(dir, "small.csv", SMALL, StandardCharsets.UTF_8);
    }

    @Test
    void exactSumsPerInstitutionAndChannelWithReturnsNettingOut() throws IOException {
        LedgerResult<GroupedSums> r = LedgerScan.of(small()).run(GroupedSums.by(INSTITUTION, CHANNEL));
        assertEquals(Map.of(
                "H1|-|-|-|online|-", "20.0000 8.0000 2 0",
                "H1|-|-|-|offline|-", "100.0000 1.0000 1 0",
                "H2|-|-|-|offline|-", "10.0000 4.0000 1 0",
                "H2|-|-|-|online|-", "5.3332 4.0000 2 0"), Ledgers.table(r.aggregate()));
        assertEquals(6, r.totalLines());
        assertEquals(6, r.acceptedLines());
        assertEquals(0, r.errorCount());
        Group total = r.aggregate().total();
        assertEquals(new java.math.BigDecimal("135.3332"), total.amountDecimal());
        LedgerFileInfo info = r.files().get(0);
        assertEquals("UTF-8", info.encoding());
        assertEquals(',', info.delimiter());
        assertEquals("product_code", info.columns().keySet().stream().skip(2).findFirst().orElseThrow());
    }

    @Test
    void excludedCategoriesAndDateRangeAreFilteredBeforeAdding() throws IOException {
        LedgerResult<GroupedSums> r = LedgerScan.of(small())
                .filter(LineFilter.all().excluding(Category.CONSUMABLE).from(LocalDate.of(2024, 1, 10)))
                .run(GroupedSums.by(INSTITUTION));
        assertEquals(Map.of("H1|-|-|-|-|-", "-5.0000 -2.0000 1 0", "H2|-|-|-|-|-", "15.3332 8.0000 3 0"),
                Ledgers.table(r.aggregate()));
        assertEquals(6, r.totalLines());
        assertEquals(4, r.acceptedLines());
        assertEquals(2, r.filteredLines());

        LedgerResult<GroupedSums> xb = LedgerScan.of(small()).filter(LineFilter.all().products(List.of("XB")))
                .run(GroupedSums.by());
        assertEquals(Map.of("-|-|-|-|-|-", "5.3332 4.0000 2 0"), Ledgers.table(xb.aggregate()));
    }

    @Test
    void groupsByEveryDimension() throws IOException {
        LedgerResult<GroupedSums> r = LedgerScan.of(small()).run(GroupedSums.by(Ledgers.ALL_DIMENSIONS));
        assertEquals(5, r.aggregate().size());
        Group g = r.aggregate().get(new Key("H1", "XA", "阿莫西林胶囊", 202401, Channel.ONLINE, Category.DRUG));
        assertEquals(200_000, g.amount());
        assertEquals(2, g.lines());
        assertNull(r.aggregate().get(new Key("H9", "XA", "阿莫西林胶囊", 202401, Channel.ONLINE, Category.DRUG)));
    }

    @Test
    void amountThatDisagreesWithQuantityTimesPriceIsCounted() throws IOException {
        String text = """
                date,institution_code,product_code,quantity,unit_price,amount,channel
                2024-03-02,H2,XB,2,1.3333,2.68,线上
                2024-03-02,H2,XB,3,1.3333,4.00,线上
                2024-03-02,H2,XB,3,1.3333,4.0099,线上
                2024-03-02,H2,XB,3,1.3333,4.0100,线上
                2024-03-02,H2,XB,-3,1.3333,-3.98,线上
                2024-03-02,H2,XB,5,,1,线上
                """;
        // |2.68 − 2.6666| = 0.0134 > 0.01; 0.0001 no; 0.0100 no (not more than); 0.0101 yes; 0.0199 yes; no price: no
        LedgerResult<GroupedSums> r = LedgerScan.of(Ledgers.write(dir, "m.csv", text, StandardCharsets.UTF_8))
                .run(GroupedSums.by());
        assertEquals(3, r.aggregate().total().mismatches());
        LedgerResult<GroupedSums> loose = LedgerScan.of(dir.resolve("m.csv"))
                .run(() -> new GroupedSums(java.util.Set.of(), 200));
        assertEquals(0, loose.aggregate().total().mismatches());
    }

    @Test
    void crlfBomTabsAndGb18030ReadTheSameAsPlainUtf8() throws IOException {
        Map<String, String> want = Ledgers.table(LedgerScan.of(small()).run(GroupedSums.by(Ledgers.ALL_DIMENSIONS)).aggregate());
        String crlf = SMALL.replace("\n", "\r\n");
        String tabs = SMALL.replace(",", "\t");
        byte[] bom = ("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8);
        List<Path> twins = List.of(
                Ledgers.write(dir, "crlf.csv", crlf, StandardCharsets.UTF_8),
                Ledgers.write(dir, "tabs.tsv", tabs, StandardCharsets.UTF_8),
                Ledgers.writeBytes(dir, "bom.csv", bom),
                Ledgers.write(dir, "gb.csv", crlf.replace("2024-02-03", "2024年2月3日"), GB),
                Ledgers.gzip(dir, "gz.csv.gz", SMALL.getBytes(GB)));
        for (Path twin : twins) {
            LedgerResult<GroupedSums> r = LedgerScan.of(twin).run(GroupedSums.by(Ledgers.ALL_DIMENSIONS));
            assertEquals(want, Ledgers.table(r.aggregate()), twin.toString());
            assertEquals(0, r.errorCount(), twin.toString());
        }
        LedgerResult<GroupedSums> all = LedgerScan.of(twins).run(GroupedSums.by());
        assertEquals(List.of("UTF-8", "UTF-8", "UTF-8", "GB18030", "GB18030"),
                all.files().stream().map(LedgerFileInfo::encoding).toList());
        assertEquals(List.of(false, false, true, false, false), all.files().stream().map(LedgerFileInfo::bom).toList());
        assertEquals('\t', all.files().get(1).delimiter());
        assertTrue(all.files().get(4).gzip());
        assertEquals(30, all.acceptedLines());
    }

    @Test
    void directoriesAreSearchedForLedgerFiles() throws IOException {
        Path sub = java.nio.file.Files.createDirectories(dir.resolve("in/2024"));
        Ledgers.write(sub, "a.csv", SMALL, StandardCharsets.UTF_8);
        Ledgers.gzip(sub, "b.txt.gz", SMALL.getBytes(StandardCharsets.UTF_8));
        Ledgers.write(sub, "notes.md", "not a ledger", StandardCharsets.UTF_8);
        LedgerResult<GroupedSums> r = LedgerScan.of(dir.resolve("in")).run(GroupedSums.by());
        assertEquals(2, r.files().size());
        assertEquals(new java.math.BigDecimal("270.6664"), r.aggregate().total().amountDecimal());
    }

    @Test
    void quotedFieldsWithDelimitersQuotesAndNewlines() throws IOException {
        String text = "date,institution_code,product_code,generic_name,quantity,amount,channel\n"
                + "2024-01-01,\"H1\",XA,\"复方, \"\"甘草\"\"\n片\",\"1,000\",\"2,000.50\",线上\n"
                + "2024-01-02,H1,XA,\"复方, \"\"甘草\"\"\n片\",1,2,\"线上\"\n";
        LedgerResult<CollectingAggregate> r = LedgerScan.of(Ledgers.write(dir, "q.csv", text, StandardCharsets.UTF_8))
                .run(CollectingAggregate::new);
        assertEquals(List.of("复方, \"甘草\" 片@2", "复方, \"甘草\" 片@4"), r.aggregate().seen);
        assertEquals(0, r.errorCount());
    }

    @Test
    void progressIsReportedAndEndsAtTheTotal() throws IOException {
        StringBuilder b = new StringBuilder("date,institution_code,product_code,quantity,amount,channel\n");
        for (int i = 0; i < 20_000; i++) b.append("2024-01-05,H").append(i % 50).append(",XA,1,2.5,线上\n");
        Path file = Ledgers.write(dir, "p.csv", b.toString(), StandardCharsets.UTF_8);
        List<long[]> calls = new ArrayList<>();
        LedgerScan.of(file).threads(2).chunkBytes(50_000).progressInterval(0)
                .progress((done, total, lines) -> calls.add(new long[] {done, total, lines}))
                .run(GroupedSums.by(INSTITUTION));
        long size = java.nio.file.Files.size(file);
        long[] last = calls.get(calls.size() - 1);
        assertEquals(size, last[0]);
        assertEquals(size, last[1]);
        assertEquals(20_000, last[2]);
        for (long[] c : calls) assertTrue(c[0] <= c[1] && c[2] <= 20_000);
    }

    /**
     * Progress is reported while the scan runs even when every piece finishes within the interval: it was drawn
     * only while the coordinator waited longer than the interval for one piece, so a scan of many short pieces (ten
     * files, a fast machine) showed none until its end.
     */
    @Test
    void progressIsReportedBetweenPiecesThatEachFinishWithinTheInterval() throws IOException {
        StringBuilder b = new StringBuilder("date,institution_code,product_code,quantity,amount,channel\n");
        for (int i = 0; i < 6_000; i++) b.append("2024-01-05,H").append(i % 50).append(",XA,1,2.5,线上\n");
        Path file = Ledgers.write(dir, "slow.csv", b.toString(), StandardCharsets.UTF_8);
        List<long[]> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        LedgerScan.of(file).threads(2).chunkBytes(2_000).progressInterval(25)
                .progress((done, total, lines) -> calls.add(new long[] {done, total, lines}))
                .run(SlowAggregate::new);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis > 150, "the scan took long enough to report (" + millis + " ms)");
        assertTrue(calls.size() > 2, calls.size() + " progress calls in " + millis + " ms");
    }

    /** Spends about 40 µs a line, so a piece of some 60 lines takes a few milliseconds. */
    static final class SlowAggregate implements LedgerAggregate<SlowAggregate> {
        @Override
        public void add(LedgerLine line) {
            long until = System.nanoTime() + 40_000;
            while (System.nanoTime() < until) Thread.onSpinWait();
        }

        @Override
        public SlowAggregate merge(SlowAggregate other) {
            return this;
        }
    }

    /** Keeps each line's generic name and physical line number, in input order. */
    static final class CollectingAggregate implements LedgerAggregate<CollectingAggregate> {
        final List<String> seen = new ArrayList<>();

        @Override
        public void add(LedgerLine line) {
            seen.add(line.generic() + "@" + line.line());
        }

        @Override
        public CollectingAggregate merge(CollectingAggregate other) {
            seen.addAll(other.seen);
            return this;
        }
    }
}
