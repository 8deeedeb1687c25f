package dev.vbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vbp report on sample-data/: structure, not figures (the sample data is regenerated from time to time). */
class ReportCommandTest {

    static final String[] SAMPLE = {
            "report", "--bids", "sample-data/bids.csv", "--baseline", "sample-data/baseline.csv", "--ledger", "sample-data/ledger.csv",
            "--institutions", "sample-data/institutions.csv", "--allocations", "sample-data/allocations.csv",
            "--scores", "sample-data/scores.csv", "--catalog", "sample-data/catalog.csv", "--outlets", "sample-data/outlets.csv",
            "--stock", "sample-data/stock.csv", "--prescriptions", "sample-data/prescriptions.csv", "--policy", "sample-data/policy.yaml",
            "--base-period", "2017", "--date", "2026-06-30"};

    static final List<String> SECTIONS = List.of("price-drops", "savings", "online-rate", "volume", "retained-savings", "dual-channel");

    /** The sample report written to {@code file}, in {@code lang}. */
    static Cli.Result writeSample(Path file, String lang, String... more) {
        List<String> args = new ArrayList<>(List.of(SAMPLE));
        args.addAll(List.of("--lang", lang, "--out", file.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new)).ok();
    }

    @Test
    void htmlHasEverySectionWithChartTableAssumptionsAndFiles(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        writeSample(html, "en");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        long size = Files.size(html);
        assertTrue(size < 2_000_000, "sample report is " + size + " bytes");
        for (String id : SECTIONS) {
            String section = section(page, id);
            assertTrue(section.contains("class=\"chart\""), id + " has a chart");
            assertTrue(section.contains("<table><thead>"), id + " has a table");
            assertTrue(section.contains("What the figures rest on"), id + " says what it rests on");
            assertTrue(section.contains("Files read"), id + " lists its files");
            assertTrue(Pattern.compile("[0-9a-f]{64}").matcher(section).find(), id + " names a SHA-256");
        }
        // Self-contained: ECharts inlined, nothing fetched from anywhere.
        assertTrue(page.contains("echarts"), "ECharts inlined");
        String outsideScripts = page.replaceAll("(?s)<script>.*?</script>", "");
        assertFalse(Pattern.compile("<(script|link|img|iframe)[^>]+(src|href)=", Pattern.CASE_INSENSITIVE).matcher(outsideScripts).find(),
                "no external resources");
        assertFalse(Pattern.compile("<script[^>]+src=", Pattern.CASE_INSENSITIVE).matcher(page).find(), "no script from elsewhere");
        assertTrue(page.contains("@media print") && page.contains("size: A4"), "print CSS");
        // The online rate is held against the default 100% target; completion against the elapsed share.
        // (chart options sit in one JSON script at the end of the page)
        assertTrue(page.contains("\"name\":\"target 100.00%\""), "target line");
        assertTrue(page.contains("\"name\":\"Elapsed\",\"type\":\"scatter\""), "elapsed marker");
    }

    @Test
    void chineseTitlesAndAChosenTitle(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("r.html");
        writeSample(html, "zh", "--title", "凉山州 2026年6月 集采监测");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<html lang=\"zh-CN\">"));
        assertTrue(page.contains("<h1>凉山州 2026年6月 集采监测</h1>"));
        assertTrue(page.contains("各批次价格降幅") && page.contains("双通道覆盖") && page.contains("所读文件"));
        assertTrue(page.contains("日期：2026-06-30"));
    }

    @Test
    void sectionsCanBeChosenAndMissingDataIsSaidNotHidden(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("r.md");
        Cli.run("report", "--bids", "sample-data/bids.csv", "--baseline", "sample-data/baseline.csv", "--base-period", "2017",
                "--workspace", dir.resolve("empty-ws").toString(), "--format", "markdown", "--lang", "en", "--out", md.toString()).ok();
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# VBP monitoring report\n"), text);
        assertTrue(text.contains("## Price drops by batch") && text.contains("| Batch |"), text);
        assertTrue(text.contains("(not run: needs ledger)"), "sections without their data are listed as not run");
        assertTrue(text.contains("**Files read**") && text.contains("sample-data/bids.csv"));

        Path only = dir.resolve("only.md");
        Cli.run("report", "--bids", "sample-data/bids.csv", "--baseline", "sample-data/baseline.csv", "--sections", "savings",
                "--workspace", dir.resolve("empty-ws").toString(), "--format", "markdown", "--lang", "en", "--out", only.toString()).ok();
        String onlySavings = Files.readString(only, StandardCharsets.UTF_8);
        assertTrue(onlySavings.contains("## Savings, planned and realised") && !onlySavings.contains("Price drops by batch"), onlySavings);
        assertTrue(onlySavings.contains("### Planned: agreed quantities"), onlySavings);
        assertTrue(onlySavings.contains("### Realised: quantities bought\n\n_Not run: needs ledger_"), onlySavings);

        Cli.Result asked = Cli.run("report", "--bids", "sample-data/bids.csv", "--sections", "online-rate",
                "--workspace", dir.resolve("empty-ws").toString(), "--out", dir.resolve("x.html").toString());
        asked.expect(ExitCodes.USAGE);
        assertTrue(asked.err().contains("section online-rate needs ledger"), asked.err());
        assertFalse(Files.exists(dir.resolve("x.html")), "nothing written");
        Cli.Result unknown = Cli.run("report", "--sections", "prices", "--out", dir.resolve("y.html").toString());
        unknown.expect(ExitCodes.USAGE);
        assertTrue(unknown.err().contains("unknown section 'prices'"), unknown.err());
    }

    @Test
    void workbookHasASheetPerSectionPart(@TempDir Path dir) throws IOException {
        Path xlsx = dir.resolve("report.xlsx");
        List<String> args = new ArrayList<>(List.of(SAMPLE));
        args.addAll(List.of("--lang", "en", "--xlsx", xlsx.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new)).ok();
        assertEquals("", r.out(), "--xlsx without --out writes the workbook only");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) names.add(wb.getSheetName(i));
            assertEquals("price-drops", names.get(0));
            assertTrue(names.contains("retained-savings"), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("dual-channel")), names.toString());
            assertEquals(List.of("summary", "assumptions and warnings"), names.subList(names.size() - 2, names.size()));
            assertEquals("batch_id", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void binaryOutputIsRefusedOnATerminal(@TempDir Path dir) {
        Cli.Result r = Cli.run("price-drop", "--bids", "sample-data/bids.csv", "--against", "ceiling", "--format", "xlsx");
        r.expect(ExitCodes.USAGE);
        assertTrue(r.err().contains("pass --out FILE, or redirect stdout"), r.err());
    }

    @Test
    void outputFilesAreWrittenWholeOrNotAtAll(@TempDir Path dir) throws IOException {
        Path missingDir = dir.resolve("no/such/dir/r.csv");
        Cli.Result r = Cli.run("price-drop", "--bids", "sample-data/bids.csv", "--against", "ceiling", "--format", "csv", "--out", missingDir.toString());
        r.expect(ExitCodes.USAGE);
        Path file = dir.resolve("r.csv");
        Cli.run("price-drop", "--bids", "sample-data/bids.csv", "--against", "ceiling", "--format", "csv", "--out", file.toString()).ok();
        assertTrue(Files.readString(file).startsWith("batch_id,"), Files.readString(file));
        // A failing run leaves the earlier file as it was, and no temporary file beside it.
        Cli.run("price-drop", "--bids", "sample-data/no-such.csv", "--format", "csv", "--out", file.toString()).expect(ExitCodes.BAD_INPUT);
        assertTrue(Files.readString(file).startsWith("batch_id,"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("r.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The text of {@code <section id="id">…</section>}. */
    @Test
    void companionMeasuresAreSectionsWithTheirCommandsFigures(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("r.md");
        String[] files = {"--bids", "sample-data/bids.csv", "--ledger", "sample-data/ledger.csv", "--institutions", "sample-data/institutions.csv",
                "--allocations", "sample-data/allocations.csv", "--prepayments", "sample-data/prepayments.csv"};
        List<String> args = new ArrayList<>(List.of("report", "--sections", "payment-standard,prepayment,targets", "--date", "2020-12-31",
                "--workspace", dir.resolve("empty-ws").toString(), "--format", "markdown", "--lang", "en", "--out", md.toString()));
        args.addAll(List.of(files));
        Cli.run(args.toArray(String[]::new)).ok();
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertTrue(text.contains("## Payment standards") && text.contains("### Paid above the standard, by generic"), text);
        assertTrue(text.contains("## Fund prepayment") && text.contains("## Landing targets"), text);

        // Each section is its command's own report: the same totals as the command prints.
        var above = Json.parse(Cli.run("payment-standard", "--by", "generic", "--format", "json", "--bids", "sample-data/bids.csv",
                "--ledger", "sample-data/ledger.csv", "--institutions", "sample-data/institutions.csv").ok().out()).get("summary");
        String paidAbove = String.format(java.util.Locale.ROOT, "%,.2f", Json.decimal(above.get("above_standard")));
        assertTrue(text.contains("- Paid above the standard: " + paidAbove), paidAbove + " in\n" + text);
        var prepaid = Json.parse(Cli.run("prepayment", "--as-of", "2020-12-31", "--format", "json", "--bids", "sample-data/bids.csv",
                "--allocations", "sample-data/allocations.csv", "--prepayments", "sample-data/prepayments.csv").ok().out()).get("summary");
        String due = String.format(java.util.Locale.ROOT, "%,.2f", Json.decimal(prepaid.get("due")));
        assertTrue(text.contains(due), due + " in\n" + text);
    }

    @Test
    void useMonitoringKeepsTheRowsThatFallShort(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("u.md");
        Cli.run("report", "--sections", "use-monitor", "--date", "2020-12-31", "--workspace", dir.resolve("empty-ws").toString(),
                "--format", "markdown", "--lang", "en", "--out", md.toString(), "--bids", "sample-data/bids.csv",
                "--ledger", "sample-data/ledger.csv", "--ledger", "sample-data/non-vbp-ledger.csv").ok();
        String text = Files.readString(md, StandardCharsets.UTF_8);
        assertTrue(text.contains("## Use monitoring") && text.contains("### Selected share below the minimum")
                && text.contains("### Substitution by non-VBP drugs of the class"), text);
        String shares = text.substring(text.indexOf("### Selected share below the minimum"), text.indexOf("### Substitution"));
        long shortRows = Json.parse(Cli.run("use-monitor", "--bids", "sample-data/bids.csv", "--ledger", "sample-data/ledger.csv",
                "--ledger", "sample-data/non-vbp-ledger.csv", "--format", "json").ok().out()).get("summary").get("short").asLong();
        assertTrue(shortRows > 0);
        assertEquals(shortRows, shares.lines().filter(l -> l.startsWith("| ") && l.endsWith("| short |")).count(), shares);
    }

    static String section(String page, String id) {
        Matcher m = Pattern.compile("<section id=\"" + Pattern.quote(id) + "\">(.*?)</section>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no section " + id);
        return m.group(1);
    }
}
