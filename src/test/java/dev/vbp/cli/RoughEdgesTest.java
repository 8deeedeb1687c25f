package dev.vbp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a newcomer meets first: each rough edge of the first hour, reproduced, now smooth. */
class RoughEdgesTest {
    @TempDir Path dir;

    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    /** A run in {@code cwd} (not the repository root) with {@code env}. */
    private static Cli.Result runIn(Path cwd, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), env, cwd, Cli.CLOCK, false, false,
                new ByteArrayInputStream(new byte[0]), false, 0);
        int code = VbpCli.run(ctx, args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void demoRunsFromAnyDirectoryOnTheSampleDataTheLauncherNames() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Cli.Result r = runIn(elsewhere, Map.of("VBP_SAMPLE_DATA", SAMPLE.toString()), "demo", "--quiet").ok();
        assertTrue(r.out().contains("$ vbp price-drop --batch 4+7 --base-period 2017"), r.out());
        // The launcher sets the variable for every run.
        String launcher = Files.readString(Path.of("vbp"));
        assertTrue(launcher.contains("export VBP_SAMPLE_DATA=\"${VBP_SAMPLE_DATA:-$here/sample-data}\""), launcher);
    }

    @Test
    void demoAsJsonIsOneDocumentAnArrayOfEnvelopes() {
        Cli.Result r = Cli.run("demo", "--quiet", "--format", "json").ok();
        JsonNode all = Json.parse(r.out());
        assertTrue(all.isArray(), r.out());
        assertEquals("status", all.get(0).get("command").asText());
        assertEquals("price-drop", all.get(1).get("command").asText());
        for (JsonNode envelope : all) assertTrue(envelope.has("rows") && envelope.has("summary"), envelope.toString());
    }

    @Test
    void policyCommandsHonourFormat() {
        JsonNode shown = Json.parse(Cli.run("policy", "show", "--format", "json").ok().out());
        assertEquals("all", shown.get("base_period").asText());
        assertEquals(4, shown.get("bands").size());
        // The JSON document is a valid policy itself.
        JsonNode checked = Json.parse(Cli.run("policy", "check", "sample-data/policy.yaml", "-f", "json").ok().out());
        assertEquals("policy check", checked.get("command").asText());
        assertTrue(checked.get("rows").size() > 5, checked.toString());
        String csv = Cli.run("policy", "show", "--format", "csv").ok().out();
        assertTrue(csv.startsWith("setting,value\n"), csv);
        assertTrue(Cli.run("policy", "show").ok().out().startsWith("# vbp retained-savings policy"));
    }

    @Test
    void theDefaultPolicyAsJsonIsAValidPolicy() throws IOException {
        Path json = dir.resolve("p.json");
        Files.writeString(json, Cli.run("policy", "show", "--format", "json").ok().out());
        Cli.run("policy", "check", json.toString()).ok();
    }

    @Test
    void statusNamesItsWorkspaceAndAnExplicitVariableWinsOverDiscovery() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve(".vbp"));
        Path sub = Files.createDirectories(project.resolve("sub"));
        Path chosen = dir.resolve("chosen-ws");
        Cli.Result r = runIn(sub, Map.of("VBP_WORKSPACE", chosen.toString()), "status").ok();
        assertTrue(r.out().contains("Workspace:") && r.out().contains(chosen.toString()), r.out());
        Cli.Result found = runIn(sub, Map.of(), "status").ok();
        assertTrue(found.out().contains(project.resolve(".vbp").toString()), found.out());
    }

    @Test
    void importedFromIsRelativeToTheProjectNotToWhereTheImportRan() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve(".vbp"));
        Path sub = Files.createDirectories(project.resolve("sub"));
        Files.copy(SAMPLE.resolve("bids.csv"), project.resolve("s2.csv"));
        runIn(sub, Map.of(), "import", "bids", project.resolve("s2.csv").toString(), "--quiet").ok();
        JsonNode status = Json.parse(runIn(project, Map.of(), "status", "-f", "json").ok().out());
        assertEquals("s2.csv", status.get("rows").get(0).get("source").asText());
        // A file outside the project is named absolutely.
        Path outside = dir.resolve("outside.csv");
        Files.copy(SAMPLE.resolve("baseline.csv"), outside);
        runIn(sub, Map.of(), "import", "baseline", outside.toString(), "--quiet").ok();
        JsonNode after = Json.parse(runIn(sub, Map.of(), "status", "-f", "json").ok().out());
        assertEquals(outside.toString(), after.get("rows").get(1).get("source").asText());
    }

    @Test
    void everyGroupWithoutSubcommandPrintsUsageAndExits2() {
        for (String group : List.of("policy", "sample", "dual-channel")) {
            Cli.Result r = Cli.run(group).expect(ExitCodes.USAGE);
            assertTrue(r.err().startsWith("Usage: vbp " + group), r.err());
            assertTrue(r.err().strip().endsWith("'vbp " + group + "': " + String.join(" or ", lastTwo(group))) || r.err().contains("missing a subcommand of 'vbp " + group + "'"), r.err());
        }
        Cli.Result bare = Cli.run().expect(ExitCodes.USAGE);
        assertTrue(bare.err().startsWith("Usage: vbp"), bare.err());
        assertEquals(1, bare.err().lines().filter(l -> l.startsWith("vbp: ")).count(), bare.err());
    }

    private static List<String> lastTwo(String group) {
        return switch (group) {
            case "policy" -> List.of("show", "check");
            case "sample" -> List.of("ledger", "prefecture");
            default -> List.of("coverage, gaps, matrix", "prescriptions");
        };
    }

    @Test
    void anUnknownCommandGetsANearNameOrTheList() {
        Cli.Result far = Cli.run("nosuch").expect(ExitCodes.USAGE);
        assertFalse(far.err().contains("dual-channel?"), far.err());
        assertTrue(far.err().contains("unknown command 'nosuch'") && far.err().contains("price-drop"), far.err());
        assertTrue(Cli.run("pricedrop").expect(ExitCodes.USAGE).err().contains("Did you mean: vbp price-drop?"));
        assertTrue(Cli.run("price-drop", "--fromat", "json").expect(ExitCodes.USAGE).err().contains("Did you mean: --format?"));
        assertTrue(Suggestions.close("statu", "status"));
        assertFalse(Suggestions.close("nosuch", "dual-channel"));
    }

    @Test
    void aFilterValueTheDataLacksListsTheValuesItHas() {
        Cli.Result r = Cli.run("price-drop", "--bids", "sample-data/bids.csv", "--baseline", "sample-data/baseline.csv",
                "--base-period", "2017", "--batch", "nosuch").expect(ExitCodes.USAGE);
        assertTrue(r.err().contains("--batch nosuch: not found; the batches of selected bids are: 4+7, 4+7-expansion, batch-2"), r.err());
        Cli.Result v = Cli.run("volume", "--bids", "sample-data/bids.csv", "--allocations", "sample-data/allocations.csv",
                "--ledger", "sample-data/ledger.csv", "--batch", "4+7", "--batch", "nosuch").expect(ExitCodes.USAGE);
        assertTrue(v.err().contains("--batch nosuch: not found; the batches of the allocations are: 4+7"), v.err());
    }

    @Test
    void volumeWithoutAsOfSaysWhichDayItCountedTo() {
        // The test clock stands at 2026-11-23, after every cycle of the sample allocations.
        Cli.Result r = Cli.run("volume", "--bids", "sample-data/bids.csv", "--allocations", "sample-data/allocations.csv",
                "--ledger", "sample-data/ledger.csv", "--batch", "4+7").ok();
        assertTrue((r.out() + r.err()).contains("no --as-of: counted up to today, 2026-11-23, after every cycle (the last ends "), r.err() + r.out());
        Cli.Result given = Cli.run("volume", "--bids", "sample-data/bids.csv", "--allocations", "sample-data/allocations.csv",
                "--ledger", "sample-data/ledger.csv", "--batch", "4+7", "--as-of", "2019-06-30").ok();
        assertFalse((given.err() + given.out()).contains("no --as-of"), given.err());
    }

    @Test
    void theMatrixLegendDoesNotUseItsSymbolAsSeparator() {
        Cli.Result r = Cli.run("dual-channel", "matrix", "--catalog", "sample-data/catalog.csv", "--outlets", "sample-data/outlets.csv",
                "--stock", "sample-data/stock.csv", "--as-of", "2026-06-30");
        String legend = r.out().lines().filter(l -> l.startsWith("Legend")).findFirst().orElse(r.out() + r.err());
        assertTrue(legend.endsWith("● = covered (pharmacy); ◐ = hospital only; · = none"), legend);
    }

    @Test
    void nothingCitesAFileTheRepositoryLacks() throws IOException {
        for (Path root : List.of(Path.of("src/main"), Path.of("README.md"), Path.of("commands"), Path.of("sample-data/README.md"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    assertFalse(text.contains("domain.md"), f + " cites domain.md, which is not in the repository");
                }
            }
        }
        assertTrue(Files.isRegularFile(Path.of("docs/rules.md")));
        assertTrue(Cli.run("policy", "show").ok().out().contains("医保发〔2019〕26号"));
    }
}
