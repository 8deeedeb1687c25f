package dev.vbp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a person reads at run time is Chinese with --lang zh or a Chinese environment; what a script reads never changes. */
class ChineseRunTimeTest {
    static final String[] ONLINE_RATE = {"online-rate", "--ledger", "sample-data/ledger.csv", "--institutions",
            "sample-data/institutions.csv", "--by", "level", "--target", "95%"};

    private static String[] with(String[] head, String... args) {
        String[] all = new String[head.length + args.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(args, 0, all, head.length, args.length);
        return all;
    }

    @Test
    void statusesCategoriesNotesAndWarningsReadAsChinese() {
        String table = Cli.run(with(new String[]{"--lang", "zh"}, ONLINE_RATE)).ok().out();
        assertTrue(table.contains("三级  药品") && table.contains("未达标"), table);
        assertFalse(table.contains("below") || table.contains(" drug "), table);
        Cli.Result drops = Cli.run(Map.of("LANG", "zh_CN.UTF-8"), "price-drop", "--bids", "sample-data/bids.csv",
                "--baseline", "sample-data/baseline.csv", "--base-period", "2017", "--by", "batch").ok();
        assertTrue(drops.out().contains("9 个无基线"), drops.out());
        assertTrue(drops.out().contains("警告：110 个产品中有 13 个无基线；已列出原因，不计入统计"), drops.out());
    }

    @Test
    void commonErrorsReadAsChinese() {
        Cli.Result missing = Cli.run("--lang", "zh", "price-drop", "--bids", "sample-data/nosuch.csv").expect(ExitCodes.BAD_INPUT);
        assertEquals("vbp：错误：sample-data/nosuch.csv：找不到文件", missing.err().strip());
        Cli.Result batch = Cli.run("--lang", "zh", "price-drop", "--bids", "sample-data/bids.csv", "--against", "ceiling",
                "--batch", "nosuch").expect(ExitCodes.USAGE);
        assertTrue(batch.err().contains("--batch nosuch：未找到；中选产品的批次有：4+7"), batch.err());
    }

    @Test
    void machineReadableOutputDoesNotChangeWithTheLanguage() {
        String en = Cli.run(with(ONLINE_RATE, "--format", "json")).ok().out();
        String zh = Cli.run(with(new String[]{"--lang", "zh"}, with(ONLINE_RATE, "--format", "json"))).ok().out();
        JsonNode e = Json.parse(en), z = Json.parse(zh);
        assertEquals(e.get("rows"), z.get("rows"));
        assertEquals("below", z.get("rows").get(0).get("status").asText());
        assertEquals("drug", z.get("rows").get(0).get("category").asText());
        assertEquals(e.get("warnings"), z.get("warnings"));
        String csvEn = Cli.run(with(ONLINE_RATE, "--format", "csv")).ok().out();
        String csvZh = Cli.run(with(new String[]{"--lang", "zh"}, with(ONLINE_RATE, "--format", "csv"))).ok().out();
        assertEquals(csvEn, csvZh);
    }
}
