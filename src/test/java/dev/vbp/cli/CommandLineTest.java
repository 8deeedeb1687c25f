package dev.vbp.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The promises every command makes: help with exit codes and an example, usage errors, global options. */
class CommandLineTest {
    @TempDir Path dir;

    @Test
    void helpTextsAreValidFormatStrings() {
        // picocli formats descriptions and footers with String.format: a lone % breaks them (and %n line breaks).
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            CommandLine root = VbpCli.create(new CliContext(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                    new java.io.PrintWriter(java.io.Writer.nullWriter()), Map.of(), dir, Cli.CLOCK, false, false));
            visit(root);
        } finally {
            System.setErr(saved);
        }
        assertFalse(captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains("picocli WARN"), captured.toString());
    }

    private static void visit(CommandLine cmd) {
        cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
        cmd.getSubcommands().values().forEach(CommandLineTest::visit);
    }

    @Test
    void everyCommandsHelpListsExitCodesAndAnExampleOnSampleData() {
        CommandLine root = VbpCli.create(new CliContext(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), Map.of(), dir, Cli.CLOCK, false, false));
        for (var e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            String help = Cli.run(e.getKey(), "--help").ok().out();
            assertTrue(help.contains("Exit codes:") && help.contains("3   bad input data"), e.getKey() + ":\n" + help);
            assertTrue(help.contains("  vbp " + e.getKey()), e.getKey() + " help needs an example:\n" + help);
        }
    }

    @Test
    void versionAndHelp() {
        assertTrue(Cli.run("--version").ok().out().startsWith("vbp "));
        assertTrue(Cli.run("--help").ok().out().contains("price-drop"));
    }

    @Test
    void unknownOptionIsAUsageErrorWithOneLineAndAHint() {
        Cli.Result r = Cli.run("price-drop", "--frobnicate").expect(ExitCodes.USAGE);
        assertTrue(r.err().startsWith("vbp: Unknown option: '--frobnicate'"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void badEnumValueIsAUsageError() {
        Cli.Result r = Cli.run("price-drop", "--mean", "geometric").expect(ExitCodes.USAGE);
        assertTrue(r.err().contains("--mean"), r.err());
    }

    @Test
    void missingInputNamesBothWaysToGiveIt() {
        Cli.Result r = Cli.run("--workspace", dir.resolve("ws").toString(), "price-drop").expect(ExitCodes.USAGE);
        assertTrue(r.err().contains("--bids FILE") && r.err().contains("vbp import bids"), r.err());
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() {
        String bids = "sample-data/bids.csv";
        String a = Cli.run("--format", "json", "price-drop", "--bids", bids, "--against", "ceiling").ok().out();
        String b = Cli.run("price-drop", "--bids", bids, "--against", "ceiling", "--format", "json").ok().out();
        assertEquals(a, b);
        assertTrue(a.startsWith("{\n  \"command\": \"price-drop\""), a);
    }

    @Test
    void badInputHasNoStackTraceUnlessAsked() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        Cli.Result plain = Cli.run("price-drop", "--bids", empty.toString()).expect(ExitCodes.BAD_INPUT);
        assertEquals(1, plain.err().lines().count(), plain.err());
        Cli.Result traced = Cli.run("price-drop", "--bids", empty.toString(), "--stacktrace").expect(ExitCodes.BAD_INPUT);
        assertTrue(traced.err().contains("\tat dev.vbp."), traced.err());
    }

    @Test
    void workspaceComesFromTheEnvironmentThenFromAParentDirectory() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve(".vbp"));
        Files.createDirectories(project.resolve("sub/deeper"));
        // An explicit $VBP_WORKSPACE wins over a .vbp/ found above.
        assertEquals(Path.of("/elsewhere"),
                dev.vbp.workspace.Workspace.locate(null, project.resolve("sub/deeper"), Map.of("VBP_WORKSPACE", "/elsewhere")).root());
        assertEquals(project.resolve(".vbp").toAbsolutePath(),
                dev.vbp.workspace.Workspace.locate(null, project.resolve("sub/deeper"), Map.of()).root());
        Path lonely = dir.resolve("lonely");
        Files.createDirectories(lonely);
        assertEquals(Path.of("/elsewhere"), dev.vbp.workspace.Workspace.locate(null, lonely, Map.of("VBP_WORKSPACE", "/elsewhere")).root());
        assertEquals(lonely.resolve(".vbp").toAbsolutePath(), dev.vbp.workspace.Workspace.locate(null, lonely, Map.of()).root());
    }

    @Test
    void csvForExcelHasABomAndNeutralisedFormulas() {
        String csv = Cli.run("price-drop", "--bids", "sample-data/bids.csv", "--against", "ceiling", "--format", "csv", "--bom").ok().out();
        assertTrue(csv.startsWith("\uFEFFbatch_id,product_code,"), csv.substring(0, 40));
        assertFalse(csv.contains("\r\n"));
    }

    @Test
    void datesOnTheCommandLineTakeTheFileSpellingsAndBadOnesAreUsageErrors() {
        Cli.Result r = Cli.run("volume", "--as-of", "2024-02-30").expect(ExitCodes.USAGE);
        assertTrue(r.err().startsWith("vbp: Invalid value for option '--as-of': expected a real calendar date"), r.err());
        String a = Cli.run("savings", "--bids", "sample-data/bids.csv", "--against", "ceiling", "--volume", "actual",
                "--ledger", "sample-data/ledger.csv", "--to", "2019年6月30日", "--format", "json").ok().out();
        String b = Cli.run("savings", "--bids", "sample-data/bids.csv", "--against", "ceiling", "--volume", "actual",
                "--ledger", "sample-data/ledger.csv", "--to", "2019-06-30", "--format", "json").ok().out();
        assertEquals(b, a);
    }
}
