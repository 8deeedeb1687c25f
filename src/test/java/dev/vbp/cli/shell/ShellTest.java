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
        Run r = shell("set lang zh\nset\nset format yaml\nuse " + dir + "\nset\n");
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("lang zh"), r.out());
        assertTrue(r.err().contains("set format：应为 table、csv、json 或 markdown，实际为 'yaml'"), r.err()); // after 'set lang zh'
        assertTrue(shell("set format yaml\n").err().contains("set format: expected table, csv, json or markdown, found 'yaml'"));
        assertTrue(r.out().contains("workspace " + dir), r.out());
        Run exit = shell("exit\nno-such-command\n");
        assertEquals(0, exit.exit(), "exit stops reading");
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
