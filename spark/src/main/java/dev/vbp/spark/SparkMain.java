package dev.vbp.spark;

import dev.vbp.cli.CliContext;
import dev.vbp.cli.VbpCli;
import dev.vbp.cli.VbpCommand;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code spark-submit … vbp-spark.jar online-rate --ledger hdfs://nn/ledgers/2024/ --institutions inst.csv}:
 * the vbp command line, with every ledger scan run on the cluster. The command, its options, the report
 * and its renderers are the CLI's own; only where the ledger lines are read differs. Small files
 * (institutions, bids, policies) are read on the driver, as the CLI reads them.
 */
public final class SparkMain {
    /** {@code hdfs://…}, {@code s3a://…}, {@code file:/…}: a URI rather than a local path (two letters at least, not C:). */
    private static final Pattern URI_ARGUMENT = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private SparkMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // Spark draws its own progress on stderr; vbp's progress line would fight with it.
        CliContext context = new CliContext(out, err, System.getenv(), Path.of("").toAbsolutePath(),
                Clock.systemDefaultZone(), CommandLine.Help.Ansi.AUTO.enabled(), false);
        int code;
        SparkSession spark = SparkSession.builder().appName("vbp " + String.join(" ", args)).getOrCreate();
        try {
            code = run(JavaSparkContext.fromSparkContext(spark.sparkContext()), context, args);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Parses and runs {@code args} with ledger scans on {@code sc}; returns the exit code, as the CLI does. */
    public static int run(JavaSparkContext sc, CliContext context, String... args) {
        return run(new SparkLedgerScanner(sc, remoteInputs(args)), context, args);
    }

    static int run(SparkLedgerScanner scanner, CliContext context, String... args) {
        CommandLine cli = VbpCli.create(context);
        VbpCommand root = (VbpCommand) cli.getCommand();
        root.ledgerScanner(scanner);
        root.inputsAsWritten(remoteInputs(args)); // reports name hdfs://nn/x as written, not as the path hdfs:/nn/x
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /**
     * Arguments (or {@code --option=value} values) that are URIs, keyed by the path picocli turns them into:
     * {@code Path.of("hdfs://nn/x")} is {@code hdfs:/nn/x}, so the scanner finds the URI the user wrote.
     */
    static Map<String, String> remoteInputs(String... args) {
        Map<String, String> out = new HashMap<>();
        for (String a : args) {
            String value = a.startsWith("--") && a.indexOf('=') > 0 ? a.substring(a.indexOf('=') + 1) : a;
            if (URI_ARGUMENT.matcher(value).matches()) {
                try {
                    out.put(Path.of(value).toString(), value);
                } catch (RuntimeException ignored) {
                    // not a path picocli could make either; nothing to map
                }
            }
        }
        return out;
    }
}
