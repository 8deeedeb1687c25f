package dev.vbp.cli;

import dev.vbp.engine.ledger.ScanCancelledException;
import dev.vbp.output.Lang;
import dev.vbp.output.Texts;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixed lines the command line prints on stderr (usage errors' prefix, picocli's messages and hints, the
 * fatal lines of a cancelled run, an internal error, an exhausted heap) in Chinese with zh, English without.
 */
class ChineseCliLinesTest {
    @Test
    void usageErrorsStartWithAFullWidthColonInChinese() {
        assertEquals("vbp：--to 2024-01-01 早于 --from 2024-06-01", Cli.run("--lang", "zh", "online-rate", "--ledger", "sample-data/ledger.csv",
                "--institutions", "sample-data/institutions.csv", "--from", "2024-06-01", "--to", "2024-01-01").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: --to 2024-01-01 is before --from 2024-06-01", Cli.run("online-rate", "--ledger", "sample-data/ledger.csv",
                "--institutions", "sample-data/institutions.csv", "--from", "2024-06-01", "--to", "2024-01-01").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp：未知命令 'nosuch'\n'vbp' 的命令有：import、validate、status、columns、price-drop、savings、online-rate、volume、"
                        + "retained-savings、policy、dual-channel、payment-standard、prepayment、targets、price-watch、use-monitor、report、"
                        + "sample、demo、shell、completion。",
                Cli.run(Map.of("VBP_LANG", "zh"), "nosuch").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: unknown command 'nosuch'\nThe commands of 'vbp' are: import, validate, status, columns, price-drop, savings, "
                        + "online-rate, volume, retained-savings, policy, dual-channel, payment-standard, prepayment, targets, price-watch, "
                        + "use-monitor, report, sample, demo, shell, completion.",
                Cli.run("nosuch").expect(ExitCodes.USAGE).err().strip());
    }

    @Test
    void didYouMeanWithManyCandidatesJoinsThemTheChineseWay() {
        assertEquals("vbp：未知选项：'--bas'\n是否想输入：--baseline、--base-period、--base-region 或 --base-stat？",
                Cli.run("--lang", "zh", "price-drop", "--bas").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: Unknown option: '--bas'\nDid you mean: --baseline or --base-period or --base-region or --base-stat?",
                Cli.run("price-drop", "--bas").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp：未知命令 'c'\n'vbp dual-channel' 的命令有：coverage、gaps、matrix、prescriptions。",
                Cli.run("--lang", "zh", "dual-channel", "c").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: unknown command 'c'\nThe commands of 'vbp dual-channel' are: coverage, gaps, matrix, prescriptions.",
                Cli.run("dual-channel", "c").expect(ExitCodes.USAGE).err().strip());
        assertEquals("a", Suggestions.either(java.util.List.of("a")));
        assertEquals("a 或 b", Suggestions.either(java.util.List.of("a", "b")));
        assertEquals("a、b 或 c", Suggestions.either(java.util.List.of("a", "b", "c")));
    }

    @Test
    void aGroupWithManySubcommandsListsThemTheChineseWay() {
        String zh = Cli.run("--lang", "zh").expect(ExitCodes.USAGE).err().strip();
        assertEquals("vbp：缺少命令：import、validate、status、columns、price-drop、savings、online-rate、volume、retained-savings、policy、"
                + "dual-channel、payment-standard、prepayment、targets、price-watch、use-monitor、report、sample、demo、shell 或 completion",
                zh.lines().reduce((a, b) -> b).orElseThrow());
        String en = Cli.run().expect(ExitCodes.USAGE).err().strip();
        assertEquals("vbp: missing a command: import, validate, status, columns, price-drop, savings, online-rate, volume, retained-savings, "
                + "policy, dual-channel, payment-standard, prepayment, targets, price-watch, use-monitor, report, sample, demo, shell or completion",
                en.lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void picocliListsOfNamesAreJoinedTheChineseWay() {
        assertEquals("vbp：未知选项：'--fromat'、'json'\n是否想输入：--format？",
                Cli.run("--lang", "zh", "status", "--fromat", "json").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: Unknown options: '--fromat', 'json'\nDid you mean: --format?",
                Cli.run("status", "--fromat", "json").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp：缺少必需的参数：'DATASET'、'FILE'\n请运行 'vbp import --help' 查看更多信息。",
                Cli.run("--lang", "zh", "import").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: Missing required parameters: 'DATASET', 'FILE'\nTry 'vbp import --help' for more information.",
                Cli.run("import").expect(ExitCodes.USAGE).err().strip());
    }

    @Test
    void anOptionGivenTwiceInChinese() {
        assertEquals("vbp：选项 '--rows'（N）只能指定一次\n请运行 'vbp sample ledger --help' 查看更多信息。",
                Cli.run("--lang", "zh", "sample", "ledger", "--rows", "5", "--rows", "6").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: option '--rows' (N) should be specified only once\nTry 'vbp sample ledger --help' for more information.",
                Cli.run("sample", "ledger", "--rows", "5", "--rows", "6").expect(ExitCodes.USAGE).err().strip());
    }

    @Test
    void anOptionWithoutItsValueInChinese() {
        assertEquals("vbp：选项 '--rows' 需要参数，但遇到的是 '--out'\n请运行 'vbp sample ledger --help' 查看更多信息。",
                Cli.run("--lang", "zh", "sample", "ledger", "--rows", "--out", "x.csv").expect(ExitCodes.USAGE).err().strip());
        assertEquals("vbp: Expected parameter for option '--rows' but found '--out'\nTry 'vbp sample ledger --help' for more information.",
                Cli.run("sample", "ledger", "--rows", "--out", "x.csv").expect(ExitCodes.USAGE).err().strip());
    }

    /** vbp's commands have no exclusive groups; the pattern is checked against picocli's own message for one. */
    @CommandLine.Command(name = "t")
    static class Exclusive {
        static class Either {
            @CommandLine.Option(names = "--a") String a;
            @CommandLine.Option(names = "--b") String b;
        }

        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1") Either either;
    }

    @Test
    void picocliMutuallyExclusiveAndMissingArgumentsInChinese() {
        CommandLine cli = new CommandLine(new Exclusive());
        String both = assertThrows(CommandLine.MutuallyExclusiveArgsException.class, () -> cli.parseArgs("--a", "1", "--b", "2")).getMessage();
        assertEquals("Error: --a=<a>, --b=<b> are mutually exclusive (specify only one)", both);
        assertEquals("错误：--a=<a>, --b=<b> 互斥（只能指定其一）", Texts.sentence(both, Lang.ZH));
        String none = assertThrows(CommandLine.MissingParameterException.class, () -> new CommandLine(new Exclusive()).parseArgs()).getMessage();
        assertEquals("Error: Missing required argument (specify one of these): (--a=<a> | --b=<b>)", none);
        assertEquals("错误：缺少必需的参数（请指定其中之一）：(--a=<a> | --b=<b>)", Texts.sentence(none, Lang.ZH));
    }

    private static CommandLine vbp(Map<String, String> env, StringWriter err) {
        CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err), env, Path.of("").toAbsolutePath(),
                Cli.CLOCK, false, false);
        return VbpCli.create(ctx, "status");
    }

    private static String handled(Map<String, String> env, Exception e) throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = vbp(env, err);
        cli.getExecutionExceptionHandler().handleExecutionException(e, cli, null);
        return err.toString().strip();
    }

    @Test
    void cancelledAndInternalErrorsInChinese() throws Exception {
        Map<String, String> zh = Map.of("VBP_LANG", "zh");
        assertEquals("vbp：已取消", handled(zh, new RuntimeException(new ScanCancelledException())));
        assertEquals("vbp: cancelled", handled(Map.of(), new RuntimeException(new ScanCancelledException())));
        assertEquals("vbp：内部错误：IllegalStateException: boom（加 --stacktrace 运行可查看详情）", handled(zh, new IllegalStateException("boom")));
        assertEquals("vbp: internal error: IllegalStateException: boom (run with --stacktrace for details)", handled(Map.of(), new IllegalStateException("boom")));
        assertEquals("vbp：内部错误：NullPointerException（加 --stacktrace 运行可查看详情）", handled(zh, new NullPointerException()));
        Thread worker = new Thread(() -> { }, "ledger-2");
        assertEquals("vbp：内部错误：线程 ledger-2 中的 StackOverflowError", Main.inThread(Lang.ZH, new StackOverflowError(), worker));
        assertEquals("vbp: internal error: StackOverflowError in thread ledger-2", Main.inThread(Lang.EN, new StackOverflowError(), worker));
    }

    @Test
    void outOfMemoryInChinese() {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        String heap = mb < 1024 ? "2g" : (mb >> 9) + "g";
        assertEquals("vbp：内存不足（堆 " + mb + " MB）；请用更大的堆重新运行，例如 VBP_HEAP=" + heap + "（或 JAVA_OPTS=-Xmx...）", VbpCli.outOfMemory(Lang.ZH));
        assertEquals("vbp: out of memory (heap " + mb + " MB); run again with a bigger heap, e.g. VBP_HEAP=" + heap + " (or JAVA_OPTS=-Xmx...)",
                VbpCli.outOfMemory(Lang.EN));
        assertEquals(Lang.ZH, VbpCli.langOf(Map.of(), new String[] {"--lang=zh", "status"}));
        assertEquals(Lang.ZH, VbpCli.langOf(Map.of("LANG", "zh_CN.UTF-8"), new String[] {"status"}));
        assertEquals(Lang.EN, VbpCli.langOf(Map.of("LANG", "zh_CN.UTF-8"), new String[] {"--lang", "en", "status"}));
    }
}
