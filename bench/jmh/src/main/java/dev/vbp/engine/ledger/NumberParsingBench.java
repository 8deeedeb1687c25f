package dev.vbp.engine.ledger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's number and date parsing ({@link ByteParsers}, package-private: this class sits in the same
 * package) on fields shaped like the wide benchmark ledger's quantity, unit price and amount columns
 * (1–4 digit quantities, prices with 2–4 decimals, amounts to the fen, 1% negative), against BigDecimal
 * parsing of the same text as the reference. Each operation parses all {@link #FIELDS} fields; the score
 * is per operation, so divide by {@link #FIELDS} for one field.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NumberParsingBench {
    static final int FIELDS = 4096;

    private byte[] numbers;
    private int[] numberFrom, numberTo;
    private String[] numberText;
    private byte[] dates;
    private int[] dateFrom;

    @Setup
    public void setUp() {
        Random r = new Random(1);
        StringBuilder b = new StringBuilder();
        numberFrom = new int[FIELDS];
        numberTo = new int[FIELDS];
        numberText = new String[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            String s = switch (i % 3) {
                case 0 -> Integer.toString(1 + r.nextInt(r.nextInt(8) == 0 ? 2000 : 200));
                case 1 -> new BigDecimal(BigDecimal.valueOf(1 + r.nextInt(2_000_000), 4).toPlainString())
                        .setScale(2 + r.nextInt(3), java.math.RoundingMode.DOWN).toPlainString();
                default -> BigDecimal.valueOf(r.nextInt(5_000_000), 2).toPlainString();
            };
            if (r.nextInt(100) == 0) s = "-" + s;
            numberFrom[i] = b.length();
            b.append(s);
            numberTo[i] = b.length();
            numberText[i] = s;
            b.append(',');
        }
        b.append("\n".repeat(32)); // the scanner's buffers have padding after the data; so has this one
        numbers = b.toString().getBytes(StandardCharsets.US_ASCII);

        StringBuilder d = new StringBuilder();
        dateFrom = new int[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            dateFrom[i] = d.length();
            d.append(String.format("2024-%02d-%02d,", 1 + r.nextInt(12), 1 + r.nextInt(28)));
        }
        d.append("\n".repeat(32));
        dates = d.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public long parseScaled() {
        long sum = 0;
        for (int i = 0; i < FIELDS; i++) sum += ByteParsers.parseScaled(numbers, numberFrom[i], numberTo[i]);
        return sum;
    }

    @Benchmark
    public long parseScaledScalar() {
        long sum = 0;
        for (int i = 0; i < FIELDS; i++) sum += ByteParsers.parseScaledScalar(numbers, numberFrom[i], numberTo[i]);
        return sum;
    }

    /** The reference: what a reader without a byte parser does (text, then BigDecimal, then a scaled long). */
    @Benchmark
    public long bigDecimal() {
        long sum = 0;
        for (int i = 0; i < FIELDS; i++) {
            String s = new String(numbers, numberFrom[i], numberTo[i] - numberFrom[i], StandardCharsets.US_ASCII);
            sum += new BigDecimal(s).setScale(4).unscaledValue().longValueExact();
        }
        return sum;
    }

    @Benchmark
    public long parseDate() {
        long sum = 0;
        for (int i = 0; i < FIELDS; i++) sum += ByteParsers.parseDate(dates, dateFrom[i], dateFrom[i] + 10, false);
        return sum;
    }
}
