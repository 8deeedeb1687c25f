package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With --lang zh the error lines are Chinese, vbp's own and picocli's alike; the exit codes stay those of the English. */
class ChineseErrorsCliTest {
    @TempDir Path dir;

    @Test
    void badInputIsAChineseErrorLineWithExitThree() throws IOException {
        Path bids = Files.writeString(dir.resolve("bids.csv"), Files.readString(Path.of("sample-data/bids.csv")).lines().findFirst().orElseThrow() + "\n");
        Cli.Result r = Cli.run("--lang", "zh", "price-drop", "--bids", bids.toString(), "--against", "ceiling").expect(ExitCodes.BAD_INPUT);
        assertEquals("vbp：错误：" + bids + "：文件只有表头，没有数据行", r.err().strip());
        Cli.Result en = Cli.run("price-drop", "--bids", bids.toString(), "--against", "ceiling").expect(ExitCodes.BAD_INPUT);
        assertEquals("vbp: error: " + bids + ": the file has a header but no rows", en.err().strip());
    }

    @Test
    void aBadLedgerIsAChineseErrorLineWithExitThree() throws IOException {
        Path ledger = Files.writeString(dir.resolve("ledger.csv"), "");
        Cli.Result r = Cli.run("--lang", "zh", "online-rate", "--ledger", ledger.toString(), "--institutions", "sample-data/institutions.csv")
                .expect(ExitCodes.BAD_INPUT);
        assertEquals("vbp：错误：" + ledger + "：空文件（应有表头行）", r.err().strip());
    }

    @Test
    void usageErrorIsChineseWithExitTwo() {
        Cli.Result r = Cli.run("--lang", "zh", "online-rate", "--ledger", "sample-data/ledger.csv", "--institutions",
                "sample-data/institutions.csv", "--from", "2024-06-01", "--to", "2024-01-01").expect(ExitCodes.USAGE);
        assertEquals("vbp：--to 2024-01-01 早于 --from 2024-06-01", r.err().strip());
    }

    @Test
    void picocliUsageErrorsAreChineseWithExitTwo() {
        Cli.Result unknown = Cli.run("--lang", "zh", "price-drop", "--frobnicate").expect(ExitCodes.USAGE);
        assertEquals("vbp：未知选项：'--frobnicate'\n请运行 'vbp price-drop --help' 查看更多信息。", unknown.err().strip());
        Cli.Result missing = Cli.run("--lang", "zh", "sample", "ledger").expect(ExitCodes.USAGE);
        assertEquals("vbp：缺少必需的选项：'--rows=N'\n请运行 'vbp sample ledger --help' 查看更多信息。", missing.err().strip());
        Cli.Result invalid = Cli.run("--lang", "zh", "volume", "--as-of", "2024-02-30").expect(ExitCodes.USAGE);
        assertEquals("vbp：选项 '--as-of' 的值无效：应为真实存在的日期（如 2024-01-31），实际为 '2024-02-30'\n"
                + "请运行 'vbp volume --help' 查看更多信息。", invalid.err().strip());
        Cli.Result command = Cli.run("--lang", "zh", "pricedrop").expect(ExitCodes.USAGE);
        assertEquals("vbp：未知命令 'pricedrop'\n是否想输入：vbp price-drop？", command.err().strip());
    }

    @Test
    void aGroupWithoutItsSubcommandSaysSoInChinese() {
        Cli.Result r = Cli.run("--lang", "zh", "policy").expect(ExitCodes.USAGE);
        assertEquals("vbp：缺少 'vbp policy' 的子命令：show 或 check", r.err().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void importRefusingItsRejectsSaysSoInChinese() throws IOException {
        java.util.List<String> sample = Files.readAllLines(Path.of("sample-data/bids.csv"));
        Path bids = Files.writeString(dir.resolve("bids.csv"), sample.get(0) + "\n" + sample.get(1).replace(",60,", ",abc,") + "\n");
        Cli.Result r = Cli.run("--lang", "zh", "import", "bids", bids.toString(), "--workspace", dir.resolve("ws").toString())
                .expect(ExitCodes.BAD_INPUT);
        assertEquals("vbp：错误：" + bids + ":2:6: pack_count: 应为1 或以上的整数（如 28），实际为 'abc'（拒收 1 行，超过 --max-rejects 0；未导入任何数据）",
                r.err().strip());
    }

    @Test
    void aChineseEnvironmentGetsChineseUsageErrors() {
        Cli.Result r = Cli.run(java.util.Map.of("LANG", "zh_CN.UTF-8"), "price-drop", "--frobnicate").expect(ExitCodes.USAGE);
        assertEquals("vbp：未知选项：'--frobnicate'\n请运行 'vbp price-drop --help' 查看更多信息。", r.err().strip());
    }

    @Test
    void picocliUsageErrorsStayEnglishWithoutZh() {
        Cli.Result r = Cli.run("price-drop", "--frobnicate").expect(ExitCodes.USAGE);
        assertEquals("vbp: Unknown option: '--frobnicate'\nTry 'vbp price-drop --help' for more information.", r.err().strip());
    }
}
