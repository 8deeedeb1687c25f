package dev.vbp.engine.ledger;

import dev.vbp.read.Dataset;
import dev.vbp.read.DatasetReader;
import dev.vbp.read.ReadResult;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both reading stacks give the same typed values for the same rows, whatever the spelling of each cell and
 * the dialect of the file. Seeded random rows (fixed seeds, bounded size) are written by every {@link Writer}
 * (encodings, delimiters, quoting, BOM, CRLF) and read by the small-dataset reader ({@link DatasetReader})
 * and by the ledger engine ({@link LedgerScan}); the values must be equal to each other and to the values
 * the rows were made from. A new input format (a workbook) adds a Writer of the same rows.
 */
class BothStacksPropertyTest {
    @TempDir Path dir;

    /** One ledger line's true values, spelled in many ways by {@link #spell}. */
    record Truth(LocalDate date, String institution, String product, BigDecimal quantity, BigDecimal amount, boolean online) {
        String key() {
            return date + "|" + institution + "|" + product + "|" + quantity.setScale(4).toPlainString() + "|"
                    + amount.setScale(4).toPlainString() + "|" + (online ? "online" : "offline");
        }
    }

    /** Writes spelled rows (header first) as a file in one dialect. */
    interface Writer {
        String name();

        Path write(Path dir, List<List<String>> cells, Random r) throws IOException;
    }

    /** Delimited text: encoding, delimiter, quoting, BOM and line ending chosen per file. */
    static final class DelimitedWriter implements Writer {
        private final Charset charset;
        private final char delimiter;
        private final boolean bom;
        private final String newline;
        private final boolean quoteAll;

        DelimitedWriter(Charset charset, char delimiter, boolean bom, String newline, boolean quoteAll) {
            this.charset = charset;
            this.delimiter = delimiter;
            this.bom = bom;
            this.newline = newline;
            this.quoteAll = quoteAll;
        }

        @Override
        public String name() {
            return charset.name() + " '" + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter)) + "'" + (bom ? " BOM" : "")
                    + (newline.equals("\r\n") ? " CRLF" : " LF") + (quoteAll ? " quoted" : "");
        }

        @Override
        public Path write(Path dir, List<List<String>> cells, Random r) throws IOException {
            StringBuilder b = new StringBuilder();
            for (List<String> row : cells) {
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) b.append(delimiter);
                    String v = row.get(c);
                    boolean mustQuote = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0;
                    b.append(quoteAll || mustQuote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
                }
                b.append(newline);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (bom) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(b.toString().getBytes(charset));
            Path file = Files.createTempFile(dir, "rows-", ".csv");
            Files.write(file, out.toByteArray());
            return file;
        }
    }

    static List<Writer> writers() {
        List<Writer> w = new ArrayList<>();
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030")}) {
            for (char d : new char[] {',', '\t', ';'}) {
                for (boolean quoted : new boolean[] {false, true}) {
                    boolean bom = cs == StandardCharsets.UTF_8 && quoted;
                    w.add(new DelimitedWriter(cs, d, bom, quoted ? "\r\n" : "\n", quoted));
                }
            }
        }
        return w;
    }

    private static final String[] CHANNEL_ONLINE = {"线上", "online", "网上", "平台", "是"};
    private static final String[] CHANNEL_OFFLINE = {"线下", "offline", "网下", "非平台", "否"};

    static Truth truth(Random r) {
        LocalDate date = LocalDate.of(2019, 1, 1).plusDays(r.nextInt(1500));
        String institution = "H5134" + String.format("%07d", r.nextInt(10_000_000));
        String product = "XA" + (char) ('A' + r.nextInt(26)) + r.nextInt(1000);
        BigDecimal quantity = BigDecimal.valueOf(r.nextInt(20_000) - 200, r.nextInt(3));
        BigDecimal amount = BigDecimal.valueOf(r.nextInt(5_000_000), r.nextInt(5));
        return new Truth(date, institution, product, quantity, amount, r.nextBoolean());
    }

    /** The cells of one line in a random one of the spellings both stacks must accept. */
    static List<String> spell(Truth t, Random r) {
        String date = switch (r.nextInt(5)) {
            case 0 -> t.date().toString();
            case 1 -> t.date().getYear() + "/" + t.date().getMonthValue() + "/" + t.date().getDayOfMonth();
            case 2 -> t.date().getYear() + "年" + t.date().getMonthValue() + "月" + t.date().getDayOfMonth() + "日";
            case 3 -> t.date().toString().replace("-", "");
            default -> t.date() + " 08:30:00";
        };
        String institution = switch (r.nextInt(3)) {
            case 0 -> t.institution();
            case 1 -> "=\"" + t.institution() + "\"";
            default -> " " + t.institution() + " ";
        };
        String quantity = t.quantity().toPlainString();
        if (r.nextInt(4) == 0) quantity = fullWidth(quantity);
        String amount = switch (r.nextInt(5)) {
            case 0 -> t.amount().toPlainString();
            case 1 -> "¥" + t.amount().toPlainString();
            case 2 -> t.amount().toPlainString() + "元";
            case 3 -> grouped(t.amount());
            default -> fullWidth(t.amount().toPlainString());
        };
        String[] channels = t.online() ? CHANNEL_ONLINE : CHANNEL_OFFLINE;
        return List.of(date, institution, t.product(), quantity, amount, channels[r.nextInt(channels.length)]);
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '.' ? '．' : c == '-' ? '－' : c);
        return b.toString();
    }

    private static String grouped(BigDecimal v) {
        String plain = v.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) g.append(',');
            g.append(whole.charAt(i));
        }
        return g + (dot < 0 ? "" : plain.substring(dot));
    }

    @Test
    void everySpellingAndDialectReadsToTheSameValuesInBothStacks() throws IOException {
        List<Writer> writers = writers();
        for (long seed = 1; seed <= 12; seed++) {
            Random r = new Random(seed);
            List<Truth> truths = new ArrayList<>();
            List<List<String>> cells = new ArrayList<>();
            cells.add(List.of("date", "institution_code", "product_code", "quantity", "amount", "channel"));
            int n = 5 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                Truth t = truth(r);
                truths.add(t);
                cells.add(spell(t, r));
            }
            List<String> expected = truths.stream().map(Truth::key).toList();
            Writer writer = writers.get((int) (seed % writers.size()));
            for (Writer w : List.of(writer, writers.get((int) ((seed * 7) % writers.size())))) {
                Path file = w.write(dir, cells, r);
                String where = "seed " + seed + ", " + w.name();
                assertEquals(expected, smallDatasetStack(file), where);
                assertEquals(expected, ledgerStack(file), where);
            }
        }
    }

    private static List<String> smallDatasetStack(Path file) {
        ReadResult result = DatasetReader.read(file, Dataset.LEDGER, ReadSettings.defaults());
        assertEquals(List.of(), result.rejects().stream().map(dev.vbp.read.Reject::message).toList());
        List<String> out = new ArrayList<>();
        for (Row row : result.rows()) {
            out.add(new Truth(row.date("date"), row.text("institution_code"), row.text("product_code"), row.decimal("quantity"),
                    row.decimal("amount"), row.get("channel") == dev.vbp.domain.Channel.ONLINE).key());
        }
        return out;
    }

    private static List<String> ledgerStack(Path file) {
        LedgerResult<Collected> r = LedgerScan.of(file).threads(2).chunkBytes(97).maxErrors(0).run(Collected::new);
        return r.aggregate().keys;
    }

    /** Every line's values, in file order (ranges merge in order). */
    static final class Collected implements LedgerAggregate<Collected> {
        final List<String> keys = new ArrayList<>();

        @Override
        public void add(LedgerLine l) {
            keys.add(new Truth(l.localDate(), l.institution(), l.product(), l.quantityDecimal(), l.amountDecimal(),
                    l.online()).key());
        }

        @Override
        public Collected merge(Collected other) {
            keys.addAll(other.keys);
            return this;
        }
    }
}
