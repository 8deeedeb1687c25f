package dev.vbp.sample;

import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.domain.Category;
import dev.vbp.domain.Channel;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerGeneratorTest {
    @TempDir
    Path dir;

    private static byte[] bytes(LedgerGenerator.Settings s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerGenerator.write(s, out);
        return out.toByteArray();
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        LedgerGenerator.Settings s = new LedgerGenerator.Settings(2_000, 42, 3, false).withMismatches(2);
        assertArrayEquals(bytes(s), bytes(s));
        assertFalse(java.util.Arrays.equals(bytes(s), bytes(new LedgerGenerator.Settings(2_000, 43, 3, false).withMismatches(2))));
    }

    @Test
    void defaultWorldIsProvinceSized() {
        List<String> inst = LedgerGenerator.defaultInstitutions();
        assertTrue(inst.size() >= 1900 && inst.size() <= 2100, "about 2,000 institutions: " + inst.size());
        assertEquals(inst.size(), new HashSet<>(inst).size());
        Set<String> counties = inst.stream().map(c -> c.substring(1, 7)).collect(Collectors.toSet());
        assertEquals(new HashSet<>(LedgerGenerator.LIANGSHAN_COUNTIES), counties);
        assertTrue(inst.stream().allMatch(c -> c.matches("H\\d{11}")));

        List<LedgerGenerator.Product> products = LedgerGenerator.defaultProducts();
        List<LedgerGenerator.Product> drugs = products.stream().filter(p -> p.category() == Category.DRUG).toList();
        List<LedgerGenerator.Product> consumables = products.stream().filter(p -> p.category() == Category.CONSUMABLE).toList();
        assertEquals(150, drugs.size());
        assertEquals(20, consumables.size());
        assertTrue(drugs.stream().allMatch(p -> p.code().matches("X[A-Z0-9]{22}")));
        assertTrue(consumables.stream().allMatch(p -> p.code().matches("C\\d{19}")));
        assertEquals(products.size(), products.stream().map(LedgerGenerator.Product::code).distinct().count());
    }

    @Test
    void theEngineReadsBackExactlyWhatWasWritten() throws IOException {
        LedgerGenerator.Settings s = new LedgerGenerator.Settings(30_000, 9, 7, false).withMismatches(11);
        Path file = dir.resolve("l.csv");
        LedgerGenerator.Summary summary;
        try (var out = Files.newOutputStream(file)) {
            summary = LedgerGenerator.write(s, out);
        }
        double perLine = (double) summary.bytes() / summary.rows();
        assertTrue(perLine > 150 && perLine < 190, "about 170 bytes a line: " + perLine);
        assertTrue(summary.returns() > 150 && summary.returns() < 450, "about 1% returns: " + summary.returns());
        double online = (double) summary.onlineAmount() / (summary.onlineAmount() + summary.offlineAmount());
        assertTrue(online > 0.85 && online < 0.95, "about 90% online: " + online);

        LedgerResult<GroupedSums> r = LedgerScan.of(file).threads(2).chunkBytes(1 << 20)
                .run(GroupedSums.by(GroupedSums.Dimension.CHANNEL));
        assertEquals(30_000, r.totalLines());
        assertEquals(7, r.errorCount());
        assertEquals(summary.validLines(), r.acceptedLines());
        GroupedSums g = r.aggregate();
        assertEquals(summary.onlineAmount(), g.get(new GroupedSums.Key(null, null, null, null, Channel.ONLINE, null)).amount());
        assertEquals(summary.offlineAmount(), g.get(new GroupedSums.Key(null, null, null, null, Channel.OFFLINE, null)).amount());
        assertEquals(summary.quantity(), g.total().quantity());
        assertEquals(11, g.total().mismatches());
        Set<String> columns = r.errors().stream().map(e -> String.valueOf(e.column())).collect(Collectors.toSet());
        assertEquals(Set.of("amount", "date", "channel", "null"), columns);
    }

    @Test
    void gb18030TwinGivesTheSameSums() throws IOException {
        LedgerGenerator.Settings utf8 = new LedgerGenerator.Settings(5_000, 3, 0, false);
        LedgerGenerator.Settings gb = new LedgerGenerator.Settings(5_000, 3, 0, true);
        Path a = Files.write(dir.resolve("u.csv"), bytes(utf8));
        Path b = Files.write(dir.resolve("g.csv"), bytes(gb));
        assertTrue(Files.size(b) < Files.size(a), "Chinese text is shorter in GB18030");
        var dims = GroupedSums.Dimension.values();
        LedgerResult<GroupedSums> ra = LedgerScan.of(a).run(GroupedSums.by(dims));
        LedgerResult<GroupedSums> rb = LedgerScan.of(b).run(GroupedSums.by(dims));
        assertEquals("GB18030", rb.files().get(0).encoding());
        assertEquals(ra.aggregate().groups(), rb.aggregate().groups());
        assertTrue(ra.aggregate().groups().stream().anyMatch(x -> "阿卡波糖片".equals(x.key().generic())));
    }

    @Test
    void givenInstitutionsAndProductsAreUsed() throws IOException {
        var products = List.of(new LedgerGenerator.Product("XA10BAE021A010010201650", "二甲双胍片", new BigDecimal("1.3333"), Category.DRUG));
        LedgerGenerator.Settings s = new LedgerGenerator.Settings(500, 1, 0, false).withInstitutions(List.of("H1", "H2"))
                .withProducts(products).withYear(2023);
        Path file = Files.write(dir.resolve("x.csv"), bytes(s));
        LedgerResult<GroupedSums> r = LedgerScan.of(file).run(GroupedSums.by(GroupedSums.Dimension.INSTITUTION, GroupedSums.Dimension.MONTH));
        Set<String> inst = new HashSet<>();
        List<Integer> months = new ArrayList<>();
        r.aggregate().groups().forEach(g -> {
            inst.add(g.key().institution());
            months.add(g.key().month());
        });
        assertEquals(Set.of("H1", "H2"), inst);
        assertTrue(months.stream().allMatch(m -> m / 100 == 2023));
        assertEquals(0, r.aggregate().total().mismatches());
        assertEquals(List.of(), r.errors());
    }

    /** Splits one generated line on commas outside quotes, unquoting fields. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    @Test
    void productsCarryTheirOwnSpecAndManufacturer() throws IOException {
        var products = List.of(
                new LedgerGenerator.Product("XC09CAE795A010880288351", "厄贝沙坦片", "75mg*28片", "浙江华海药业股份有限公司",
                        new BigDecimal("5.66"), Category.DRUG),
                new LedgerGenerator.Product("C1234567890123456789", "一次性使用输液器", "0.7mm, \"带针\"", "威高集团有限公司",
                        new BigDecimal("2.5"), Category.CONSUMABLE));
        LedgerGenerator.Settings s = new LedgerGenerator.Settings(400, 5, 0, false).withProducts(products);
        Path file = Files.write(dir.resolve("p.csv"), bytes(s));
        List<String> lines = Files.readAllLines(file);
        assertEquals(401, lines.size());
        Set<List<String>> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            assertEquals(12, f.size(), line);
            seen.add(List.of(f.get(3), f.get(5), f.get(6)));
        }
        assertEquals(Set.of(List.of("XC09CAE795A010880288351", "75mg*28片", "浙江华海药业股份有限公司"),
                List.of("C1234567890123456789", "0.7mm, \"带针\"", "威高集团有限公司")), seen);
        // the quoted spec does not disturb the engine
        LedgerResult<GroupedSums> r = LedgerScan.of(file).run(GroupedSums.by(GroupedSums.Dimension.PRODUCT));
        assertEquals(List.of(), r.errors());
        assertEquals(2, r.aggregate().size());
    }

    @Test
    void theFourArgumentProductGetsAMadeUpSpecAndMaker() throws IOException {
        var p = new LedgerGenerator.Product("XA10BAE021A010010201650", "阿卡波糖片", new BigDecimal("1.3333"), Category.DRUG);
        assertEquals(null, p.spec());
        assertEquals(null, p.manufacturer());
        assertEquals(null, new LedgerGenerator.Product("X", "x", " ", "", BigDecimal.ONE, Category.DRUG).spec());
        List<String> lines = new String(bytes(new LedgerGenerator.Settings(50, 1, 0, false).withProducts(List.of(p))),
                java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            assertEquals("50mg*30片", f.get(5)); // the first of 阿卡波糖片's usual specs (position 0)
            assertEquals("正大天晴药业集团股份有限公司", f.get(6)); // position 0: the fourth of the fallback makers
        }
    }

    @Test
    void defaultProductsHavePlausibleSpecsAndMakers() {
        List<LedgerGenerator.Product> products = LedgerGenerator.defaultProducts();
        assertTrue(products.stream().allMatch(p -> p.spec() != null && p.manufacturer() != null));
        // drug makers make drugs (药业 or 制药 in the name), device makers consumables, never crossed
        for (LedgerGenerator.Product p : products) {
            boolean pharma = p.manufacturer().contains("药业") || p.manufacturer().contains("制药");
            assertEquals(p.category() == Category.DRUG, pharma, p.toString());
        }
        // each generic comes from five different makers
        var makersByGeneric = products.stream().filter(p -> p.category() == Category.DRUG)
                .collect(Collectors.groupingBy(LedgerGenerator.Product::genericName,
                        Collectors.mapping(LedgerGenerator.Product::manufacturer, Collectors.toSet())));
        assertEquals(30, makersByGeneric.size());
        assertTrue(makersByGeneric.values().stream().allMatch(m -> m.size() == 5), makersByGeneric.toString());
        var stent = products.stream().filter(p -> p.genericName().equals("冠状动脉药物洗脱支架系统")).findFirst().orElseThrow();
        assertEquals("3.0mm*18mm", stent.spec());
    }
}
