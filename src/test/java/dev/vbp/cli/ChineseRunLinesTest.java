package dev.vbp.cli;

import dev.vbp.output.Lang;
import dev.vbp.output.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run prints besides its table, and the cells vbp writes itself, in Chinese with zh (English unchanged). */
class ChineseRunLinesTest {
    @TempDir Path dir;

    @Test
    void progressLineInChinese() {
        ProgressPrinter zh = new ProgressPrinter(new PrintWriter(new StringWriter()), Lang.ZH);
        assertEquals("\r 50.0%  10.0 MB / 20.0 MB  123,456 行  2.0 MB/s  剩余 5 秒\u001B[K", zh.line(0.5, 10L << 20, 20L << 20, 123_456, 2 << 20));
        ProgressPrinter en = new ProgressPrinter(new PrintWriter(new StringWriter()));
        assertEquals("\r 50.0%  10.0 MB / 20.0 MB  123,456 lines  2.0 MB/s  5s left\u001B[K", en.line(0.5, 10L << 20, 20L << 20, 123_456, 2 << 20));
    }

    @Test
    void aPolicyFileThatChecksOut() {
        assertEquals("sample-data/policy.yaml：通过", Cli.run("--lang", "zh", "policy", "check", "sample-data/policy.yaml").ok().err().strip());
        assertEquals("sample-data/policy.yaml: ok", Cli.run("policy", "check", "sample-data/policy.yaml").ok().err().strip());
    }

    @Test
    void importStatusesInChinese() {
        String ws = dir.resolve(".vbp").toString();
        String first = Cli.run("--lang", "zh", "--workspace", ws, "import", "bids", "sample-data/bids.csv").ok().out();
        assertTrue(first.contains("bids    sample-data/bids.csv  已导入  UTF-8"), first);
        String again = Cli.run("--lang", "zh", "--workspace", ws, "import", "bids", "sample-data/bids.csv").ok().out();
        assertTrue(again.contains("bids    sample-data/bids.csv  未变化  UTF-8"), again);
        String en = Cli.run("--workspace", ws, "import", "bids", "sample-data/bids.csv").ok().out();
        assertTrue(en.contains("bids     sample-data/bids.csv  unchanged  UTF-8"), en);
    }

    @Test
    void aRowOfAnImportedFile() {
        assertEquals("sample-data/listings.csv（已导入）第 12 行; sample-data/listings.csv（已导入）第 36 行",
                Texts.inCell("sample-data/listings.csv (imported) row 12; sample-data/listings.csv (imported) row 36", Lang.ZH));
        assertEquals("sample-data/ledger.csv（已导入）:2263; sample-data/ledger.csv（已导入）:2989",
                Texts.inCell("sample-data/ledger.csv (imported):2263; sample-data/ledger.csv (imported):2989", Lang.ZH));
        assertEquals("b.csv（已导入）:3: 应有 9 个字段，实际为 8 个", Texts.sentence("b.csv (imported):3: expected 9 fields, found 8", Lang.ZH));
    }

    private static String unknownBatch(java.util.Collection<String> present, String what) {
        try {
            FilterValues.check("--batch", java.util.List.of("x"), present, what);
            throw new AssertionError("--batch x was found");
        } catch (UsageException e) {
            return e.getMessage();
        }
    }

    @Test
    void anUnknownBatchInChinese() {
        String none = unknownBatch(java.util.Set.of(), "batches of selected bids");
        assertEquals("--batch x: not found; there are no batches of selected bids", none);
        assertEquals("--batch x：未找到；没有中选产品的批次", Texts.sentence(none, Lang.ZH));
        String noAllocations = unknownBatch(java.util.Set.of(), "batches of the allocations");
        assertEquals("--batch x：未找到；约定采购量中没有批次", Texts.sentence(noAllocations, Lang.ZH));
        java.util.Set<String> many = new java.util.TreeSet<>();
        for (int i = 10; i < 10 + FilterValues.SHOWN + 3; i++) many.add("b" + i);
        String more = unknownBatch(many, "batches of the allocations");
        assertTrue(more.endsWith(", b39 (and 3 more)"), more);
        String zh = Texts.sentence(more, Lang.ZH);
        assertTrue(zh.startsWith("--batch x：未找到；约定采购量中的批次有：b10, b11, ") && zh.endsWith(", b39（另有 3 个）"), zh);
    }

    @Test
    void theMatrixLegend() {
        assertTrue(Cli.run("--lang", "zh", "dual-channel", "matrix", "--catalog", "sample-data/catalog.csv", "--institutions",
                "sample-data/institutions.csv", "--outlets", "sample-data/outlets.csv", "--stock", "sample-data/stock.csv", "--as-of", "2026-06-30")
                .ok().out().contains("● = 药店覆盖；◐ = 仅医院；· = 无\n"));
        assertEquals("● = 药店覆盖；◐ = 仅医院；· = 无", Texts.inCell("● = covered (pharmacy); ◐ = hospital only; · = none", Lang.ZH));
    }

    @Test
    void theCategoryInTheKeysOfAGatesWarning() {
        String[] args = {"online-rate", "--ledger", "sample-data/ledger.csv", "--institutions", "sample-data/institutions.csv", "--fail-under", "99%"};
        String zh = Cli.run(prepend("--lang", "zh", args)).out();
        assertTrue(zh.contains("警告：35 行低于 --fail-under 99.00%：H51340100002 / 药品: 86.34%, H51340100003 / 药品: 95.47%, "), zh);
        String en = Cli.run(args).out();
        assertTrue(en.contains("warning: 35 rows are below --fail-under 99.00%: H51340100002 / drug: 86.34%, H51340100003 / drug: 95.47%, "), en);
        assertEquals("药品 / 西昌市: 80.00%（超出 0–100%）, 西昌市 / 耗材: 90.00%, 西昌市 / 中药饮片",
                Texts.sentence("drug / 西昌市: 80.00% (outside 0–100%), 西昌市 / consumable: 90.00%, 西昌市 / herbal-pieces", Lang.ZH));
        assertEquals("a / drugs, drug-x / b", Texts.sentence("a / drugs, drug-x / b", Lang.ZH)); // other words stay as they are
    }

    @Test
    void theDemosKeptWorkspace() {
        assertEquals("工作区保留在 .vbp-demo-1", Texts.sentence("workspace kept at .vbp-demo-1", Lang.ZH));
    }

    @Test
    void aReportWhoseSectionFails() {
        String[] args = {"report", "--bids", "sample-data/bids.csv", "--baseline", "sample-data/ledger.csv", "--sections", "price-drops",
                "--format", "markdown"};
        String zh = Cli.run(prepend("--lang", "zh", args)).err();
        assertTrue(zh.contains("\nvbp：report：'price-drop --by batch' 失败（退出码 3）；未写入任何内容\n"), zh);
        String en = Cli.run(args).err();
        assertTrue(en.contains("\nvbp: report: 'price-drop --by batch' failed (exit 3); nothing written\n"), en);
    }

    private static String[] prepend(String a, String b, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
