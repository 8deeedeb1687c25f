package dev.vbp.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Chinese pages of {@code commands/zh/} hold what each example really prints with {@code --lang zh}
 * ({@link CommandDocsTest} keeps them equal to the output). Every text a person reads there must be Chinese: this
 * test finds English prose (three English words in a row; a list of the values a setting takes, "day, month, year", is not prose) in the examples' output, so a note, status, reason or
 * message added in English only fails the build. Machine formats (CSV, JSON), the command lines themselves and
 * names that are English in the data (a manufacturer's name) are not prose.
 */
class ChinesePagesTest {
    private static final Pattern PROSE = Pattern.compile("(?<![-\\w/.@='])[A-Za-z][a-z]+(?: [A-Za-z][a-z]*){2,}");
    /** English in the sample data itself, and words that are names of things (file names, keys) in any language. */
    private static final List<String> DATA = List.of("Glaxo Operations UK", "Fresenius Kabi");

    @Test
    void examplesPrintChinese() throws IOException {
        java.util.Map<String, String> english = new java.util.TreeMap<>(); // each phrase once, with its first place
        int blocks = 0;
        try (Stream<Path> pages = Files.list(Path.of("commands/zh"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                boolean console = false, machine = false;
                int n = 0;
                for (String line : Files.readAllLines(page)) {
                    n++;
                    if (line.startsWith("```")) {
                        console = line.equals("```console");
                        machine = false;
                        if (console) blocks++;
                        continue;
                    }
                    if (!console) continue;
                    if (line.startsWith("$ ")) {
                        machine = line.matches(".*(--format|-f) (csv|json).*") || line.contains("--lang en");
                        continue;
                    }
                    if (machine) continue;
                    String text = line;
                    for (String d : DATA) text = text.replace(d, "");
                    Matcher m = PROSE.matcher(text);
                    while (m.find()) english.putIfAbsent(m.group(), page.getFileName() + ":" + n + ": " + line.strip());
                }
            }
        }
        assertTrue(blocks > 40, "the pages have examples (" + blocks + ")");
        assertEquals("", String.join("\n", english.values()), "English in the Chinese pages' output (give each text a pattern in"
                + " Texts.properties, or a Label)");
    }

    /** The whole report in Chinese: every section's notes, warnings and what its figures rest on (the assumptions). */
    @Test
    void theReportReadsAsChinese() {
        String md = dev.vbp.cli.Cli.run("--lang", "zh", "report", "--bids", "sample-data/bids.csv", "--baseline", "sample-data/baseline.csv",
                "--ledger", "sample-data/ledger.csv", "--institutions", "sample-data/institutions.csv", "--allocations",
                "sample-data/allocations.csv", "--scores", "sample-data/scores.csv", "--catalog", "sample-data/catalog.csv",
                "--outlets", "sample-data/outlets.csv", "--stock", "sample-data/stock.csv", "--prescriptions",
                "sample-data/prescriptions.csv", "--policy", "sample-data/policy.yaml", "--base-period", "2017", "--date",
                "2026-06-30", "--format", "markdown").ok().out();
        assertTrue(md.contains("计算依据") || md.contains("假设"), md);
        java.util.Set<String> english = new java.util.TreeSet<>();
        for (String line : md.split("\n")) {
            String text = line.replaceAll("`[^`]*`", "");
            for (String d : DATA) text = text.replace(d, "");
            Matcher m = PROSE.matcher(text);
            while (m.find()) english.add(m.group() + "  ← " + line.strip());
        }
        assertEquals("", String.join("\n", english), "English in the Chinese report");
    }
}
