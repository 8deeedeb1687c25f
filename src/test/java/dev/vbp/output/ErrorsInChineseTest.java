package dev.vbp.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real error messages, whole as they are thrown (the place in front, the values filled in), read in Chinese: usage
 * errors, file-level and cell errors of the small datasets, ledger errors, the workspace's, the policy and mapping
 * files', report views' and picocli's own. {@link WarningsInBundleTest} makes sure every message has a pattern; this
 * checks that the patterns fit the messages and read well.
 */
class ErrorsInChineseTest {
    private static String zh(String english) {
        return Texts.sentence(english, Lang.ZH);
    }

    @Test
    void usageErrorsInChinese() {
        assertEquals("--threads 须为 1 或以上，而不是 0", zh("--threads must be 1 or more, not 0"));
        assertEquals("没有 bids 数据：请用 --bids FILE 指定，或先用 'vbp import bids FILE' 导入（工作区：/data/.vbp）",
                zh("no bids data: pass --bids FILE, or import it first with 'vbp import bids FILE' (workspace: /data/.vbp)"));
        assertEquals("批次 4+7, batch-9 中没有中选结果", zh("no selected bids in batch 4+7, batch-9"));
        assertEquals("--where：'95%' 是百分数，但该列不是比率（见 'amount>95%'）",
                zh("--where: '95%' is a percentage, but the column is not a rate (in 'amount>95%')"));
        assertEquals("--sort：本报告中没有 'rat' 列；是否想输入 rate？（各列：county, rate）",
                zh("--sort: no column 'rat' in this report; did you mean rate? (columns: county, rate)"));
    }

    @Test
    void picocliErrorsInChinese() {
        assertEquals("未知选项：'--fromat'", zh("Unknown option: '--fromat'"));
        assertEquals("缺少必需的选项：'--rows=N'", zh("Missing required option: '--rows=N'"));
        assertEquals("选项 '--as-of' 的值无效：应为真实存在的日期（如 2024-01-31），实际为 '2024-02-30'",
                zh("Invalid value for option '--as-of': expected a real calendar date such as 2024-01-31, found '2024-02-30'"));
        assertEquals("选项 '--target' 的值无效：比率 '95' 有歧义：请写成 95% 或小数（如 0.95）",
                zh("Invalid value for option '--target': rate '95' is ambiguous: write 95% or a fraction such as 0.95"));
        assertEquals("请运行 'vbp price-drop --help' 查看更多信息。", zh("Try 'vbp price-drop --help' for more information."));
    }

    @Test
    void fileErrorsInChinese() {
        assertEquals("b.csv：文件只有表头，没有数据行", zh("b.csv: the file has a header but no rows"));
        assertEquals("x.csv:3:7：无法按 UTF-8 或 GB18030 读取文件（无效字节 0xC3）；文件混用了多种编码，或请用 --encoding 指定编码",
                zh("x.csv:3:7: cannot read the file as UTF-8 or GB18030 (invalid byte 0xC3); the file mixes encodings, or use --encoding"));
        assertEquals("b.csv:1:4：列 '中选价格' 和 '价格' 都识别为 bid_price；请在映射文件中指定要用哪一列（--map）",
                zh("b.csv:1:4: columns '中选价格' and '价格' both read as bid_price; name the one to use in a mapping file (--map)"));
        assertEquals("m.yaml:7：未知的列 'nme'；bids 的列有：batch_id, generic_name",
                zh("m.yaml:7: unknown column 'nme'; bids has batch_id, generic_name"));
        assertEquals("policy.yaml:9：档次 B（低于 80）与档次 A（自 85 起）之间有空档",
                zh("policy.yaml:9: gap between band B (below 80) and band A (from 85)"));
        assertEquals("nat.xlsx：没有工作表 '结果'；工作簿中有：1 'Sheet1', 2 'Sheet2'",
                zh("nat.xlsx: no sheet '结果'; the workbook has 1 'Sheet1', 2 'Sheet2'"));
    }

    @Test
    void cellErrorsInChinese() {
        assertEquals("d.csv:3:5: agreement_period: 协议期 '2027年1月1日至2026年1月1日' 的结束早于开始",
                zh("d.csv:3:5: agreement_period: agreement period '2027年1月1日至2026年1月1日' ends before it starts"));
        assertEquals("b.csv:2:6: pack_count: 应为1 或以上的整数（如 28），实际为 'abc'（拒收 1 行；用 --max-rejects N 可跳过这些行，并在警告中列出）",
                zh("b.csv:2:6: pack_count: expected a whole number of 1 or more such as 28, found 'abc' (1 row rejected; pass --max-rejects N to leave them out, listed in the warnings)"));
    }

    @Test
    void rejectReasonsInChinese() {
        assertEquals("b.csv:4:2: product_code: 应为以 X 开头的 23 位药品编码，实际为 22 个字符",
                zh("b.csv:4:2: product_code: expected a 23-character drug code starting with X, found 22 characters"));
        assertEquals("b.csv:2:12: cycle_end: 采购周期的结束日期（2019-01-01）早于开始日期（2019-03-01）",
                zh("b.csv:2:12: cycle_end: the cycle ends (2019-01-01) before it starts (2019-03-01)"));
        assertEquals("b.csv:2:4: generic_name: 必填值为空（列 '通用名'）", zh("b.csv:2:4: generic_name: required value is empty (column '通用名')"));
    }

    @Test
    void shellErrorsInChinese() {
        assertEquals("set lang：应为 en 或 zh，实际为 'fr'", zh("set lang: expected en or zh, found 'fr'"));
        assertEquals("已在 shell 中", zh("already in the shell"));
    }

    @Test
    void ledgerErrorsInChinese() {
        assertEquals("l.csv：空文件（应有表头行）", zh("l.csv: empty file (expected a header line)"));
        assertEquals("l.csv:88: 有引号字段未闭合（有 \" 而无对应的结尾 \"），文件其余部分无法读取",
                zh("l.csv:88: a quoted field is never closed (a \" without its closing \"), so the rest of the file cannot be read"));
        assertEquals("l.csv：第 3 行：字节不是 --encoding 所指定的有效 UTF-8 编码（可试 --encoding auto）",
                zh("l.csv: line 3: bytes are not valid UTF-8 as --encoding says (try --encoding auto)"));
        assertEquals("ledgers：此目录中没有采购明细文件（*.csv, *.tsv, *.txt, *.gz, *.xlsx, *.xls）",
                zh("ledgers: no ledger files (*.csv, *.tsv, *.txt, *.gz, *.xlsx, *.xls) in this directory"));
        assertEquals("l.csv：字节偏移 1048576 处的一行超过 64 MB（是否有未闭合的引号？）",
                zh("l.csv: a line at byte offset 1048576 is longer than 64 MB (a quote that is never closed?)"));
        assertEquals("--fail-under 95.00%：无法计算网采率（130 行采购明细中 120 行可用，拒收 10 行，没有净采购的行）；没有数据时门槛一律不通过",
                zh("--fail-under 95.00%: the online rate could not be computed (120 of 130 ledger lines usable, 10 rejected, no row with net purchases); a gate never passes on no data"));
    }

    @Test
    void workspaceErrorsInChinese() {
        assertEquals("b.csv:3：此行的批次和产品已在工作区中（导入自 bids.csv），但取值不同：bid_price 在工作区中为 1.20，此处为 1.30（3 行冲突）；"
                        + "未导入任何数据。如要用这些文件替换工作区中已有的数据：vbp import bids --replace FILE...",
                zh("b.csv:3: the batch and product of this row is already in the workspace (imported from bids.csv) with other values: "
                        + "bid_price 1.20 there, 1.30 here (3 rows conflict); nothing was imported. To use these files instead of what the workspace holds: "
                        + "vbp import bids --replace FILE..."));
        assertEquals(".vbp/manifest.yaml:4：工作区已损坏：file '../x' 不在工作区的 data 文件夹内；未读取或更改任何内容（请恢复清单文件，或重新导入到新的工作区）",
                zh(".vbp/manifest.yaml:4: corrupt workspace: file '../x' is outside the workspace's data folder; nothing was read or changed "
                        + "(restore the manifest or import again into a new workspace)"));
    }

    /** A cell is tried only against the rules that can start with its first character: the same answer as trying all. */
    @Test
    void aCellGetsTheTextOfTheFirstRuleThatMatchesIt() {
        java.util.List<Texts.Rule> all = Texts.load(java.util.Locale.forLanguageTag("zh"));
        for (Texts.Rule rule : all) {
            for (String sample : java.util.List.of(rule.pattern().replace("{n}", "12").replace("{s}", "x").replace("{t}", "a b"),
                    rule.pattern().replace("{n}", "-1,200.5").replace("{s}", "西昌市").replace("{t}", "x"))) {
                String expected = sample;
                for (Texts.Rule r : all) {
                    java.util.regex.Matcher m = r.whole().matcher(sample);
                    if (m.matches()) {
                        expected = r.target();
                        for (int g = 1; g <= m.groupCount(); g++) expected = expected.replace("{" + (g - 1) + "}", m.group(g));
                        break;
                    }
                }
                assertEquals(expected, Texts.cell(sample, Lang.ZH), rule.key() + ": " + sample);
            }
        }
    }

    @Test
    void englishStaysAsThrown() {
        String message = "b.csv: the file has a header but no rows";
        assertEquals(message, Texts.sentence(message, Lang.EN));
    }
}
