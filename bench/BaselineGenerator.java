import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a pre-VBP baseline of N rows for the reference-file benchmark: the records of
 * sample-data/baseline.csv over and over, each copy with its pack price moved by a seeded random
 * factor (0.50-1.50, to the fen) and a year of 2016-2018, so that every product of sample-data/bids.csv
 * still finds its baseline and the statistics have many observations each.
 *
 * java bench/BaselineGenerator.java ROWS SEED OUT [dated]
 *
 * With {@code dated}, each row also has a purchased quantity (1-500 packs, a tenth of the rows none) and a
 * day of its year, for the commands that weigh prices by quantity (retained-savings) or follow them by day
 * (price-watch); the rows are otherwise the same, so the plain file's figures are unchanged.
 */
public class BaselineGenerator {
    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        Random days = new Random(Long.parseLong(args[1]) + 1); // its own draws: the prices and years stay the plain file's
        List<String> lines = Files.readAllLines(Path.of("sample-data/baseline.csv"), StandardCharsets.UTF_8);
        boolean dated = args.length > 3 && args[3].equals("dated");
        String header = lines.get(0) + (dated ? ",quantity,date" : "");
        // Records: the sample quotes a manufacturer over two lines; join physical lines until quotes balance.
        List<String[]> records = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            if (pending.length() > 0) pending.append('\n');
            pending.append(line);
            if (pending.chars().filter(c -> c == '"').count() % 2 == 0) {
                records.add(split(pending.toString()));
                pending.setLength(0);
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (long i = 0; i < rows; i++) {
                String[] r = records.get((int) (i % records.size())).clone();
                BigDecimal price = new BigDecimal(r[5]).multiply(BigDecimal.valueOf(50 + random.nextInt(101), 2))
                        .setScale(2, java.math.RoundingMode.HALF_UP);
                if (price.signum() <= 0) price = new BigDecimal("0.01");
                r[5] = price.toPlainString();
                int year = 2016 + random.nextInt(3);
                r[8] = Integer.toString(year);
                out.write(String.join(",", r));
                if (dated) {
                    int quantity = days.nextInt(10) == 0 ? 0 : 1 + days.nextInt(500);
                    out.write("," + (quantity == 0 ? "" : Integer.toString(quantity)) + ","
                            + java.time.LocalDate.ofYearDay(year, 1 + days.nextInt(365)));
                }
                out.write('\n');
            }
        }
    }

    /** Splits one CSV record, keeping quoted fields quoted (they are written back as they are). */
    private static String[] split(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (char c : record.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.toArray(String[]::new);
    }
}
