package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seeded random ledgers: however the lines are cut and merged, the sums are the same and exact. */
class MergePropertyTest {
    @TempDir
    Path dir;

    /** A ledger row as text, the way a file carries it. */
    record Row(String date, String inst, String prod, String generic, String qty, String price, String amount,
               String channel, String category) {}

    static List<Row> randomRows(Random r, int n) {
        List<Row> rows = new ArrayList<>();
        String[] generics = {"", "阿莫西林", "二甲双胍, 缓释", "\"引号\"", "多\n行"};
        for (int i = 0; i < n; i++) {
            BigDecimal qty = BigDecimal.valueOf(r.nextInt(2_000_000) - 100_000, r.nextInt(5));
            BigDecimal price = BigDecimal.valueOf(1 + r.nextInt(5_000_000), r.nextInt(5));
            BigDecimal amount = r.nextInt(4) == 0
                    ? BigDecimal.valueOf(r.nextLong() % 100_000_000_000L, 4)
                    : qty.multiply(price).setScale(4, java.math.RoundingMode.DOWN);
            rows.add(new Row(String.format("2024-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)), "H" + r.nextInt(5),
                    "X" + r.nextInt(6), generics[r.nextInt(generics.length)], qty.toPlainString(),
                    r.nextInt(5) == 0 ? "" : price.toPlainString(), amount.toPlainString(),
                    r.nextBoolean() ? "线上" : "线下", new String[] {"", "药品", "耗材"}[r.nextInt(3)]));
        }
        return rows;
    }

    /** The expected table, computed with BigDecimal from the text (independently of the engine). */
    static Map<String, String> expected(List<Row> rows) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (Row row : rows) {
            String gen = row.generic().isEmpty() ? "-" : row.generic().replace("\n", " ");
            String key = String.join("|", row.inst(), row.prod(), gen, row.date().substring(0, 4) + row.date().substring(5, 7),
                    row.channel().equals("线上") ? "online" : "offline",
                    row.category().isEmpty() ? "-" : row.category().equals("药品") ? "drug" : "consumable");
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal qty = new BigDecimal(row.qty());
            BigDecimal amount = new BigDecimal(row.amount());
            s[0] = s[0].add(amount);
            s[1] = s[1].add(qty);
            s[2] = s[2].add(BigDecimal.ONE);
            if (!row.price().isEmpty()
                    && amount.subtract(qty.multiply(new BigDecimal(row.price()))).abs().compareTo(new BigDecimal("0.01")) > 0) {
                s[3] = s[3].add(BigDecimal.ONE);
            }
        }
        Map<String, String> out = new TreeMap<>();
        sums.forEach((k, s) -> out.put(k, s[0].setScale(4).toPlainString() + " " + s[1].setScale(4).toPlainString() + " "
                + s[2] + " " + s[3]));
        return out;
    }

    static String csv(List<Row> rows, Random r) {
        StringBuilder b = new StringBuilder("date,institution_code,product_code,generic_name,quantity,unit_price,amount,channel,category\n");
        for (Row row : rows) {
            String gen = row.generic();
            if (gen.contains(",") || gen.contains("\"") || gen.contains("\n") || r.nextInt(4) == 0) {
                gen = "\"" + gen.replace("\"", "\"\"") + "\"";
            }
            b.append(String.join(",", row.date(), row.inst(), row.prod(), gen, row.qty(), row.price(), row.amount(),
                    row.channel(), row.category())).append(r.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    private static LedgerLine line(Row row) {
        LedgerLine l = new LedgerLine();
        byte[] d = row.date().getBytes(StandardCharsets.US_ASCII);
        l.date = ByteParsers.parseDate(d, 0, d.length, false);
        l.institution = row.inst();
        l.product = row.prod();
        l.generic = row.generic().isEmpty() ? null : row.generic().replace("\n", " ");
        l.genericKnown = true;
        l.quantity = new BigDecimal(row.qty()).movePointRight(4).longValueExact();
        l.amount = new BigDecimal(row.amount()).movePointRight(4).longValueExact();
        l.hasUnitPrice = !row.price().isEmpty();
        l.unitPrice = l.hasUnitPrice ? new BigDecimal(row.price()).movePointRight(4).longValueExact() : 0;
        l.channel = row.channel().equals("线上") ? Channel.ONLINE : Channel.OFFLINE;
        l.category = row.category().isEmpty() ? null : row.category().equals("药品") ? Category.DRUG : Category.CONSUMABLE;
        return l;
    }

    @Test
    void mergingPartsInEveryOrderGivesTheOnePassResult() {
        Random r = new Random(20240131);
        Set<GroupedSums.Dimension> all = EnumSet.allOf(GroupedSums.Dimension.class);
        for (int round = 0; round < 25; round++) {
            List<Row> rows = randomRows(r, 1 + r.nextInt(300));
            GroupedSums onePass = new GroupedSums(all);
            for (Row row : rows) onePass.add(line(row));
            Map<String, String> want = expected(rows);
            assertEquals(want, Ledgers.table(onePass));

            int[] cuts = {0, r.nextInt(rows.size() + 1), r.nextInt(rows.size() + 1), r.nextInt(rows.size() + 1), rows.size()};
            java.util.Arrays.sort(cuts);
            for (int[] order : permutations(4)) {
                GroupedSums[] parts = new GroupedSums[4];
                for (int p = 0; p < 4; p++) {
                    parts[p] = new GroupedSums(all);
                    for (Row row : rows.subList(cuts[p], cuts[p + 1])) parts[p].add(line(row));
                }
                GroupedSums merged = parts[order[0]];
                for (int k = 1; k < 4; k++) merged = merged.merge(parts[order[k]]);
                assertEquals(want, Ledgers.table(merged), "round " + round + " order " + java.util.Arrays.toString(order));
            }
        }
    }

    @Test
    void scanningRandomFilesWithRandomCutsIsExact() throws IOException {
        Random r = new Random(77);
        for (int round = 0; round < 30; round++) {
            List<Row> rows = randomRows(r, 1 + r.nextInt(200));
            String text = csv(rows, r);
            Path file = Ledgers.write(dir, "r" + round + ".csv", text, r.nextBoolean() ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName("GB18030"));
            LedgerScan scan = LedgerScan.of(file).threads(1 + r.nextInt(3)).chunkBytes(1 + r.nextInt(text.length()))
                    .bufferBytes(1 + r.nextInt(300));
            LedgerResult<GroupedSums> result = scan.run(GroupedSums.by(Ledgers.ALL_DIMENSIONS));
            assertEquals(expected(rows), Ledgers.table(result.aggregate()), "round " + round);
            assertEquals(rows.size(), result.acceptedLines());
        }
    }

    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] cur, boolean[] used, int k, List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int i = 0; i < cur.length; i++) {
            if (used[i]) continue;
            used[i] = true;
            cur[k] = i;
            permute(cur, used, k + 1, out);
            used[i] = false;
        }
    }
}
