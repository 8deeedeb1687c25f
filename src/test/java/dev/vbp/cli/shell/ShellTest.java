package dev.vbp.cli.shell;

import dev.vbp.cli.Cli;
import dev.vbp.cli.CliContext;
import dev.vbp.cli.VbpCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vbp shell reading a script (no terminal), and its completion, without a terminal. */
class ShellTest {
    @TempDir
    Path dir;

    static final String FILES = "--ledger sample-data/ledger.csv --institutions sample-data/institutions.csv";

    @AfterEach
    void forget() {
        SessionCache.disable();
    }

    record Run(int exit, String out, String err) {}

    Run shell(String script) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of(), Path.of("").toAbsolutePath(), Cli.CLOCK,
                false, false, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false, 0);
        int code = VbpCli.run(ctx, "--workspace", dir.resolve(".vbp").toString(), "shell");
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aScriptRunsEveryLineAndExitsWithTheFirstFailuresCode() {
        Run r = shell("""
                # online rates of the sample ledger
                set format csv
                vbp online-rate %1$s --by level --columns level,online_rate
                no-such-command
                online-rate %1$s --by level --where level=三级 --columns level
                online-rate %1$s --fail-under 99%% --by level --columns level
                """.formatted(FILES));
        assertEquals(2, r.exit(), r.err());
        // the same answer as the one-shot command
        String alone = Cli.run(("--format csv online-rate " + FILES + " --by level --columns level,online_rate").split(" ")).ok().out();
        assertTrue(alone.startsWith("level,online_rate\n") && alone.contains("\n三级,0."), alone);
        assertTrue(r.out().startsWith(alone), r.out());
        assertTrue(r.out().contains("level\n三级\n"), "the line after the failure still runs:\n" + r.out());
        assertTrue(r.err().contains("no-such-command"), r.err());
        assertFalse(r.out().contains("\u001B") || r.err().contains("\u001B"), "no escape codes");
        // the same scan twice (with other --where/--columns) was run once and kept
        assertEquals(1, SessionCache.keptScans());
    }

    @Test
    void aDashCannotSwallowTheShellsOwnInput() {
        Run r = shell("""
                online-rate --ledger - --institutions sample-data/institutions.csv
                set format csv
                online-rate %s --by level --columns level
                """.formatted(FILES));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("'-' reads standard input, which in vbp shell is the shell's own"), r.err());
        assertTrue(r.out().contains("level\n") && r.out().contains("\n三级\n"), "the lines after it were read as commands, not as a ledger:\n" + r.out());
    }

    @Test
    void aScanIsKeptPerCodeMapByValueAndPerDelimiter() throws java.io.IOException {
        Path a = java.nio.file.Files.writeString(dir.resolve("a.csv"), "old_code,new_code\nX1,X2\n");
        Path b = java.nio.file.Files.writeString(dir.resolve("b.csv"), "old_code,new_code\nX1,X2\n");
        Path c = java.nio.file.Files.writeString(dir.resolve("c.csv"), "old_code,new_code\nX1,X3\n");
        Run r = shell("""
                set format csv
                online-rate %1$s --code-map %2$s --columns online_rate
                online-rate %1$s --code-map %3$s --columns online_rate
                online-rate %1$s --code-map %4$s --columns online_rate
                online-rate %1$s --code-map %4$s --delimiter comma --columns online_rate
                """.formatted(FILES, a, b, c));
        assertEquals(0, r.exit(), r.err());
        // a and b hold the same map: one scan; c is another map; a delimiter given is another read
        assertEquals(3, SessionCache.keptScans());
    }

    @Test
    void settingsAndWorkspace() {
        Path ws = dir.resolve(".vbp");
        Path other = dir.resolve("other");
        Run r = shell("set lang zh\nset\nset format yaml\nuse " + other + "\nset\nuse " + dir + "\n");
        assertEquals(2, r.exit());
        assertEquals("工作区 " + ws + "，格式 table，语言 zh\n工作区：" + other + "（尚未创建）\n工作区 " + other + "，格式 table，语言 zh\n"
                + "工作区：" + dir + "\n", r.out());
        assertEquals("vbp：set format：应为 table、csv、json 或 markdown，实际为 'yaml'\n", r.err()); // after 'set lang zh'
        Run en = shell("set\nset format yaml\nuse " + other + "\nuse " + dir + "\n");
        assertEquals("workspace " + ws + ", format table, lang (from the locale)\nworkspace: " + other + " (not created yet)\n"
                + "workspace: " + dir + "\n", en.out());
        assertEquals("vbp: set format: expected table, csv, json or markdown, found 'yaml'\n", en.err());
        Run exit = shell("exit\nno-such-command\n");
        assertEquals(0, exit.exit(), "exit stops reading");
    }

    Run shell(Map<String, String> env, String script, String... options) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), env, Path.of("").toAbsolutePath(), Cli.CLOCK,
                false, false, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false, 0);
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of("--workspace", dir.resolve(".vbp").toString(), "shell"));
        int code = VbpCli.run(ctx, args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theShellsOwnLinesFollowTheLanguageItStartsIn() {
        String script = "set\nset timing maybe\nset lang fr\nset colour red\nset format\nuse\nshell\n";
        String zh = """
                vbp：set timing：应为 on 或 off，实际为 'maybe'
                vbp：set lang：应为 en 或 zh，实际为 'fr'
                vbp：set：应为 format、lang 或 timing，实际为 'colour'
                vbp：用法：set format table|csv|json|markdown、set lang en|zh 或 set timing on|off
                vbp：use DIR：工作区目录（或其中有 .vbp/ 的目录）
                vbp：已在 shell 中
                """;
        String en = """
                vbp: set timing: expected on or off, found 'maybe'
                vbp: set lang: expected en or zh, found 'fr'
                vbp: set: expected format, lang or timing, found 'colour'
                vbp: set format table|csv|json|markdown, set lang en|zh, or set timing on|off
                vbp: use DIR: the workspace directory (or a directory with a .vbp/ in it)
                vbp: already in the shell
                """;
        Path ws = dir.resolve(".vbp");
        // a Chinese environment: the language comes from the locale, and the shell speaks it
        Run env = shell(Map.of("LANG", "zh_CN.UTF-8"), script);
        assertEquals("工作区 " + ws + "，格式 table，语言 zh（来自区域设置）\n", env.out());
        assertEquals(zh, env.err());
        Run option = shell(Map.of(), script, "--lang", "zh");
        assertEquals("工作区 " + ws + "，格式 table，语言 zh\n", option.out());
        assertEquals(zh, option.err());
        // set lang en in a Chinese environment, and the English unchanged
        Run back = shell(Map.of("LANG", "zh_CN.UTF-8"), "set lang en\n" + script);
        assertEquals("workspace " + ws + ", format table, lang en\n", back.out());
        assertEquals(en, back.err());
        Run english = shell(Map.of(), script);
        assertEquals("workspace " + ws + ", format table, lang (from the locale)\n", english.out());
        assertEquals(en, english.err());
    }

    @Test
    void helpAndTimingInChinese() {
        Run zh = shell(Map.of(), "set lang zh\nset timing on\nhelp\n");
        assertTrue(zh.out().startsWith("""
                Shell：set format table|csv|json|markdown、set lang en|zh、set timing on|off、use DIR、exit（或 Ctrl-D）。
                每条 vbp 命令都与在命令行上一样运行，只是不写开头的 'vbp'。

                用法："""), zh.out());
        assertTrue(zh.err().matches("用时：\\d+\\.\\d 毫秒\n"), zh.err());
        Run en = shell(Map.of(), "set timing on\nhelp\n");
        assertTrue(en.out().startsWith("""
                Shell: set format table|csv|json|markdown, set lang en|zh, set timing on|off, use DIR, exit (or Ctrl-D).
                Every vbp command runs as on the command line, without the leading 'vbp'.

                Usage:"""), en.out());
        assertTrue(en.err().matches("time: \\d+\\.\\d ms\n"), en.err()); // what bench/shell.sh reads
    }

    @Test
    void theTerminalsBannerAndStatusLines() {
        CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
                Path.of("").toAbsolutePath(), Cli.CLOCK, false, false);
        Shell en = new Shell(ctx, dir, null, null, dev.vbp.output.Lang.EN);
        assertEquals("vbp shell: one vbp command per line (tab completes; 'help', 'set', 'use DIR'; Ctrl-D leaves)", en.banner());
        assertEquals("[cancelled]", en.status(Shell.CANCELLED));
        assertEquals("[exit 2]", en.status(2));
        Shell zh = new Shell(ctx, dir, null, null, dev.vbp.output.Lang.ZH);
        assertEquals("vbp shell：每行一条 vbp 命令（Tab 补全；'help'、'set'、'use DIR'；Ctrl-D 退出）", zh.banner());
        assertEquals("[已取消]", zh.status(Shell.CANCELLED));
        assertEquals("[退出码 3]", zh.status(3));
        zh.execute("set lang en", new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, 0);
        assertEquals("[cancelled]", zh.status(Shell.CANCELLED));
    }

    @Test
    void completionOfCommandsOptionsValuesAndWorkspaceValues() {
        Cli.run("--workspace", dir.resolve(".vbp").toString(), "import", "institutions", "sample-data/institutions.csv").ok();
        Cli.run("--workspace", dir.resolve(".vbp").toString(), "import", "bids", "sample-data/bids.csv").ok();
        ShellSettings settings = new ShellSettings(dir.resolve(".vbp"), null, null, Path.of("").toAbsolutePath());
        ShellCompleter c = new ShellCompleter(settings, Path.of("").toAbsolutePath());
        assertEquals(List.of("online-rate"), c.candidates(List.of(), "onl"));
        assertEquals(List.of("--where"), c.candidates(List.of("online-rate"), "--wh"));
        assertEquals(List.of("county"), c.candidates(List.of("online-rate", "--by"), "cou"));
        assertEquals(List.of("county,month"), c.candidates(List.of("online-rate", "--by"), "county,mo"));
        assertEquals(List.of("amount", "lines", "products"), c.candidates(List.of("online-rate", "--basis"), ""));
        assertEquals(List.of("json"), c.candidates(List.of("online-rate", "--format"), "j"));
        assertEquals(List.of("county=西昌市"), c.candidates(List.of("online-rate", "--where"), "county=西"));
        assertEquals(List.of("4+7", "4+7-expansion"), c.candidates(List.of("price-drop", "--batch"), "4+"));
        assertEquals(List.of("sample-data/ledger.csv"), c.candidates(List.of("online-rate", "--ledger"), "sample-data/ledg"));
        assertTrue(c.candidates(List.of("import"), "").contains("institutions"));
        assertEquals(List.of("json"), c.candidates(List.of("set", "format"), "j"));
    }
}
