package dev.vbp.domain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every distinct Strength value of the research data (public repository JoryaZhang/NVBP_research,
 * {@code cleaned_data.csv}: both {@code nvbp_research_cleaned_data.csv} and
 * {@code nvbp_research_vbp_selected_rows.csv} of the project's research-data folder), with the key each
 * must get. Keys were checked by hand against the unit rules in {@link Strength}.
 */
class StrengthResearchDataTest {

    /**
     * Values not understood, on purpose. {@code co}: 16 rows of 复方对乙酰氨基酚片 where the listing printed
     * "co" (compound) instead of a strength; there is no amount to read.
     */
    static final Set<String> ACCEPTED_NOT_UNDERSTOOD = Set.of("co");

    /** {@code raw => key}, and {@code *n} when the spec carries a pack count. */
    static final String EXPECTED = """
            0.125g => 125mg
            0.15g => 150mg
            0.1g => 100mg
            0.25g => 250mg
            0.25g（25万单位） => 250mg
            0.25μg => 0.00025mg
            0.2g => 200mg
            0.2mg => 0.2mg
            0.314g(相当于硫酸氨基葡萄糖0.25g) => 314mg
            0.3g => 300mg
            0.4ml => 0.4ml
            0.4ml:1.2mg => 0.4ml:1.2mg
            0.4ml:1.2mg（0.3%） => 0.4ml:1.2mg
            0.4ml:400μg => 0.4ml:0.4mg
            0.5g => 500mg
            0.5g:4mg => 500mg:4mg
            0.5mg => 0.5mg
            0.5ml:20mg => 0.5ml:20mg
            0.5ml:20mg,另附1支溶剂1.5ml => 0.5ml:20mg
            0.85g => 850mg
            0.8ml => 0.8ml
            0.8ml:800μg => 0.8ml:0.8mg
            1.0mg => 1mg
            1.5ml:60mg => 1.5ml:60mg
            100mg => 100mg
            100ml:0.2g:0.9g => 100ml:200mg/900mg
            100ml:1g => 100ml:1000mg
            100ml:200mg/900mg => 100ml:200mg/900mg
            100ml:氟康唑0.2g与氯化钠0.9g => 100ml:200mg/900mg
            10mg => 10mg
            10ml => 10ml
            10ml:0.1g => 10ml:100mg
            10ml:0.2g => 10ml:200mg
            10ml:100mg => 10ml:100mg
            10ml:10mg => 10ml:10mg
            10ml:10mg（0.1%） => 10ml:10mg
            120mg => 120mg
            125mg => 125mg
            126mg/230mg/30mg => 126mg/230mg/30mg
            12mg => 12mg
            150mg => 150mg
            150mg/150mg/1µl => 150mg/150mg/0.001ml
            1g => 1000mg
            1mg => 1mg
            1ml:20mg => 1ml:20mg
            1ml:40mg => 1ml:40mg
            2.5mg => 2.5mg
            200mg => 200mg
            200ml:400mg/1.8g => 200ml:400mg/1800mg
            200μg => 0.2mg
            20mg => 20mg
            20mg/5.8mg/19.6mg => 20mg/5.8mg/19.6mg
            20ml => 20ml
            20ml:0.2g => 20ml:200mg
            20ml:0.3g => 20ml:300mg
            20ml:100mg => 20ml:100mg
            20ml:200mg => 20ml:200mg
            20ml:300mg => 20ml:300mg
            20ml:40mg => 20ml:40mg
            24.5mg => 24.5mg
            250mg => 250mg
            250mg/150mg/50mg => 250mg/150mg/50mg
            250mg/8mg => 250mg/8mg
            25mg => 25mg
            25mg/7.25mg/24.5mg => 25mg/7.25mg/24.5mg
            2mg => 2mg
            2ml:0.25mg(0.0125%) => 2ml:0.25mg
            2ml:80mg => 2ml:80mg
            3.0g => 3000mg
            300mg => 300mg
            300mg/500mg/250mg => 300mg/500mg/250mg
            30mg => 30mg
            35mg => 35mg
            3g => 3000mg
            3mg => 3mg
            400mg => 400mg
            400mg/325mg => 400mg/325mg
            40mg => 40mg
            4mg => 4mg
            4mg/1.25mg => 4mg/1.25mg
            4ml:80mg => 4ml:80mg
            500mg => 500mg
            500μg => 0.5mg
            50mg => 50mg
            50ml => 50ml
            50ml:100mg/450mg => 50ml:100mg/450mg
            50ml:1g => 50ml:1000mg
            50ml:500mg => 50ml:500mg
            5mg => 5mg
            5mg/10mg => 5mg/10mg
            5mg/2.5ml*5瓶 => 2.5ml:5mg *5
            5mg/20mg => 5mg/20mg
            5mg:2.5ml*5瓶 => 2.5ml:5mg *5
            5ml => 5ml
            5ml:15mg => 5ml:15mg
            5ml:15mg(0.3%) => 5ml:15mg
            5ml:50mg => 5ml:50mg
            5ml:5mg => 5ml:5mg
            5ml:5mg（0.1%） => 5ml:5mg
            60mg => 60mg
            60mg/75mg => 60mg/75mg
            6mg => 6mg
            7.5mg => 7.5mg
            75mg => 75mg
            7ml:7mg => 7ml:7mg
            7ml:7mg(0.1%) => 7ml:7mg
            8.8mg => 8.8mg
            80mg => 80mg
            850mg => 850mg
            850mg/50mg => 850mg/50mg
            8mg => 8mg
            8mg*28片 => 8mg *28
            90mg => 90mg
            """;

    @Test
    void everyResearchSpellingGetsItsKey() {
        int checked = 0;
        for (String line : EXPECTED.strip().split("\n")) {
            String[] sides = line.strip().split(" => ");
            String raw = sides[0];
            String[] keyAndHint = sides[1].split(" \\*");
            Strength s = Strength.parse(raw);
            assertTrue(s.isUnderstood(), raw);
            assertEquals(keyAndHint[0], s.key(), raw);
            Optional<Integer> hint = keyAndHint.length > 1 ? Optional.of(Integer.parseInt(keyAndHint[1])) : Optional.empty();
            assertEquals(hint, s.packCountHint(), raw);
            checked++;
        }
        assertEquals(113, checked);
        for (String raw : ACCEPTED_NOT_UNDERSTOOD) assertFalse(Strength.parse(raw).isUnderstood(), raw);
    }

    @Test
    void spellingsOfOneStrengthInTheDataMatch() {
        // The README of the data names these as the same strength written two ways.
        assertEquals(Strength.parse("0.5mg"), Strength.parse("500μg"));
        assertEquals(Strength.parse("20ml:0.2g"), Strength.parse("20ml:200mg"));
        assertEquals(Strength.parse("10ml:0.1g"), Strength.parse("10ml:100mg"));
        assertEquals(Strength.parse("100ml:0.2g:0.9g"), Strength.parse("100ml:氟康唑0.2g与氯化钠0.9g"));
        assertEquals(Strength.parse("100ml:200mg/900mg"), Strength.parse("100ml:0.2g:0.9g"));
        assertEquals(Strength.parse("5mg/2.5ml*5瓶"), Strength.parse("5mg:2.5ml*5瓶"));
    }

    /**
     * Reads the CSV files themselves (they are not part of the repository): from {@code -Dvbp.research.dir}, or
     * the project's shared research-data folder beside the checkout. Every Strength cell must be understood or
     * be one of the accepted exceptions.
     */
    @Test
    void researchFilesWhenAvailable() throws IOException {
        String dir = System.getProperty("vbp.research.dir", "../shared/research-data");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "set vbp.research.dir to read the files");
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(dir))) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        Set<String> notUnderstood = new TreeSet<>();
        List<String> read = new ArrayList<>();
        for (Path file : files) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Map<String, Integer> header = csv.getHeaderMap();
                if (!header.containsKey("Strength")) continue;
                for (CSVRecord r : csv) {
                    String raw = r.get("Strength");
                    if (!Strength.parse(raw).isUnderstood()) notUnderstood.add(raw);
                }
                read.add(file.getFileName().toString());
            }
        }
        assertFalse(read.isEmpty(), "no CSV with a Strength column in " + dir);
        notUnderstood.removeAll(ACCEPTED_NOT_UNDERSTOOD);
        assertEquals(Set.of(), notUnderstood);
    }
}
