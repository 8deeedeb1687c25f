package dev.vbp.read;

import dev.vbp.errors.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DatasetReader#stream} hands over the rows {@link DatasetReader#read} keeps, with the same lines, rejects
 * and warnings, through every encoding, line ending, quoted line break and gzip; lines are checked against where
 * the generator put each record.
 */
class StreamingReadTest {
    @TempDir Path dir;

    @Test
    void linesOfRecordsAcrossLineEndingsAndQuotedBreaks() throws IOException {
        Path f = dir.resolve("b.csv");
        // line 1 header; 2 a row; 3-4 a quoted break; 5 blank; 6 CRLF row; 7 lone-CR row; 8 a reject; 9 a row
        Files.writeString(f, "generic_name,spec,pack_price,pack_count,year\n"
                + "A,1mg,2.5,10,2017\n"
                + "\"B\nb\",1mg,3,10,2017\n"
                + "\n"
                + "C,1mg,4,10,2017\r\n"
                + "D,1mg,5,10,2017\r"
                + "E,1mg,x,10,2017\n"
                + "F,1mg,6,10,2017");
        List<Row> rows = new ArrayList<>();
        ReadSummary s = DatasetReader.stream(opened(f), Dataset.BASELINE, ReadSettings.defaults(), 10, rows::add);
        assertEquals(List.of(2L, 3L, 6L, 7L, 9L), rows.stream().map(Row::line).toList());
        assertEquals("B b", rows.get(1).text("generic_name")); // normalised: the break is white space
        assertEquals(5, s.rows());
        assertEquals(1, s.rejected());
        assertEquals(8, s.rejects().get(0).line());
        assertEquals(3, s.rejects().get(0).column());
        assertEquals("E,1mg,x,10,2017", s.rejects().get(0).raw());
    }

    @Test
    void streamedEqualsReadOnRandomFilesInEveryEncoding() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            Generated g = generate(random, 50 + random.nextInt(400));
            for (String form : List.of("utf8", "bom", "gb18030", "gz")) {
                Charset cs = form.equals("gb18030") ? Dialect.GB18030 : StandardCharsets.UTF_8;
                Path f = dir.resolve("s" + seed + form + ".csv");
                byte[] bytes = g.text.getBytes(cs);
                try (OutputStream out = form.equals("gz") ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
                    if (form.equals("bom")) out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    out.write(bytes);
                }
                String what = "seed " + seed + " " + form;
                ReadResult whole = DatasetReader.read(f, Dataset.BASELINE, ReadSettings.defaults());
                List<Row> rows = new ArrayList<>();
                ReadSummary s = DatasetReader.stream(opened(f), Dataset.BASELINE, ReadSettings.defaults(), 3, rows::add);
                assertEquals(whole.rows(), rows, what);
                assertEquals(whole.rows().stream().map(Row::line).toList(), rows.stream().map(Row::line).toList(), what);
                assertEquals(g.rowLines, rows.stream().map(Row::line).toList(), what);
                assertEquals(g.rejectLines, whole.rejects().stream().map(Reject::line).toList(), what);
                assertEquals(whole.rejects().size(), s.rejected(), what);
                assertEquals(whole.rejects().stream().limit(3).toList(), s.rejects(), what);
                assertEquals(cs, s.charset(), what);
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(0, g.prices.get(i).compareTo(rows.get(i).decimal("pack_price")), what);
                }
            }
        }
    }

    @Test
    void blankAndBrokenFilesFailAsBefore() throws IOException {
        Path blank = dir.resolve("blank.csv");
        Files.writeString(blank, " \n\u3000\r\n\t");
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetReader.stream(opened(blank), Dataset.BASELINE, ReadSettings.defaults(), 1, r -> { }));
        assertEquals(blank + ": the file is empty; expected a header line and rows of baseline", e.getMessage());
        Path mixed = dir.resolve("mixed.csv");
        byte[] gbk = "名".getBytes(Dialect.GB18030);
        Files.write(mixed, concat("generic_name,spec\n中,1mg\n".getBytes(StandardCharsets.UTF_8), new byte[]{'a', (byte) 0xFF}, gbk));
        e = assertThrows(BadInputException.class, () -> DatasetReader.read(mixed, Dataset.BASELINE, ReadSettings.defaults()));
        assertEquals(mixed + ":3:2: cannot read the file as UTF-8 or GB18030 (invalid byte 0xFF); the file mixes encodings, or use --encoding",
                e.getMessage());
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "generic_name,spec,pack_price,pack_count,year\nA,1mg,2,10,2017\n\"B,1mg,2,10,2017\n");
        e = assertThrows(BadInputException.class,
                () -> DatasetReader.stream(opened(open), Dataset.BASELINE, ReadSettings.defaults(), 1, r -> { }));
        assertTrue(e.getMessage().startsWith(open + ":3: a quoted field is never closed"), e.getMessage());
    }

    private record Generated(String text, List<Long> rowLines, List<Long> rejectLines, List<BigDecimal> prices) {}

    /** A baseline whose records start on known lines: random line endings, quoted breaks, blank lines, bad prices. */
    private static Generated generate(Random random, int records) {
        StringBuilder b = new StringBuilder("generic_name,spec,pack_price,pack_count,region,year\n");
        long line = 2;
        List<Long> rows = new ArrayList<>(), rejects = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        String[] ends = {"\n", "\r\n", "\r"};
        for (int i = 0; i < records; i++) {
            if (random.nextInt(10) == 0 && b.charAt(b.length() - 1) == '\n') { // a blank line (after a CR it would be CRLF)
                b.append(ends[random.nextInt(3)]);
                line++;
            }
            String name = random.nextBoolean() ? "阿莫西林" + i : "Name " + i;
            int breaks = 0;
            if (random.nextInt(8) == 0) {
                name = "\"" + name + ends[random.nextInt(2)] + "续,\"\"x\"\"\"";
                breaks = 1;
            }
            boolean bad = random.nextInt(12) == 0;
            BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(100000), random.nextInt(4));
            b.append(name).append(',').append(random.nextBoolean() ? "10mg" : "0.5 g").append(',')
                    .append(bad ? "12,5x" : price.toPlainString()).append(",").append(1 + random.nextInt(30))
                    .append(',').append(random.nextBoolean() ? "上海" : "").append(',').append(2015 + random.nextInt(4));
            if (bad) rejects.add(line);
            else {
                rows.add(line);
                prices.add(price);
            }
            line += 1 + breaks;
            if (i < records - 1 || random.nextBoolean()) b.append(ends[random.nextInt(3)]);
        }
        return new Generated(b.toString(), rows, rejects, prices);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static InputSource.Opened opened(Path f) {
        return new InputSource.Opened(f, f.toString(), InputSource.Positions.LINES);
    }
}
