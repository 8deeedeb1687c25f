package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.CliContext;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.VbpCli;
import dev.vbp.output.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

@Command(name = "demo",
        description = {"Run every analysis on sample-data/, as a tour.",
                "Imports sample-data/ into a temporary workspace and prints each command before its output."},
        footerHeading = "%nExample:%n",
        footer = "  vbp demo --data sample-data")
public class DemoCommand extends BaseCommand {
    @Option(names = "--data", paramLabel = "DIR",
            description = "The sample data directory (default: $VBP_SAMPLE_DATA, which the vbp launcher sets to its repository's"
                    + " sample-data/, else sample-data/ in this or a parent directory).")
    Path data;

    @Option(names = "--keep", description = "Keep the temporary workspace and print where it is.")
    boolean keep;

    /** The tour: each step is one vbp command line, run against the demo's workspace. */
    static List<String[]> steps(Path data) {
        return steps(data, data);
    }

    /** {@code data} as the steps name it; {@code found}, the same directory resolved, to see which files it has. */
    static List<String[]> steps(Path data, Path found) {
        String d = data.toString();
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[]{"import", "bids", d + "/bids.csv"});
        steps.add(new String[]{"import", "baseline", d + "/baseline.csv"});
        for (String ds : new String[]{"institutions", "allocations", "scores", "catalog", "outlets", "stock", "prescriptions", "ledger", "prepayments", "listings"}) {
            if (Files.exists(found.resolve(ds + ".csv"))) steps.add(new String[]{"import", ds, d + "/" + ds + ".csv"});
        }
        // Where the files were imported from is a path on this machine: the tour leaves it out.
        steps.add(new String[]{"status", "--columns", "dataset,rows_accepted,rows_rejected,encoding,sha256"});
        steps.add(new String[]{"price-drop", "--batch", "4+7", "--base-period", "2017"});
        steps.add(new String[]{"price-drop", "--by", "batch", "--base-period", "2017"});
        steps.add(new String[]{"price-drop", "--by", "batch", "--against", "ceiling", "--mean", "volume"});
        steps.add(new String[]{"savings", "--by", "batch", "--base-period", "2017"});
        if (Files.exists(found.resolve("ledger.csv"))) {
            steps.add(new String[]{"savings", "--batch", "4+7", "--base-period", "2017", "--volume", "actual"});
            steps.add(new String[]{"online-rate", "--by", "county", "--target", "95%"});
            steps.add(new String[]{"volume", "--as-of", "2020-02-29", "--batch", "4+7", "--by", "county"});
            steps.add(new String[]{"volume", "--as-of", "2021-06-30", "--batch", "batch-3", "--by", "institution"});
        }
        steps.add(new String[]{"retained-savings", "--by", "institution", "--policy", d + "/policy.yaml", "--as-of", "2021-10-31"});
        if (Files.exists(found.resolve("catalog.csv"))) {
            steps.add(new String[]{"dual-channel", "coverage", "--as-of", "2026-06-30"});
            steps.add(new String[]{"dual-channel", "coverage", "--by", "county", "--as-of", "2026-06-30"});
            steps.add(new String[]{"dual-channel", "prescriptions", "--by", "month"});
        }
        addInstrumentSteps(steps, data, found);
        return steps;
    }

    /** The companion measures of VBP: payment standards, fund prepayment, use and price monitoring, landing targets. */
    private static void addInstrumentSteps(List<String[]> steps, Path data, Path found) {
        String d = data.toString();
        steps.add(new String[]{"payment-standard", "--as-of", "2020-06-30", "--generic", "奥氮平片", "--generic", "孟鲁司特钠片", "--generic", "利培酮片"});
        boolean ledger = Files.exists(found.resolve("ledger.csv"));
        if (ledger) steps.add(new String[]{"payment-standard", "--by", "generic"});
        if (Files.exists(found.resolve("prepayments.csv"))) {
            steps.add(new String[]{"prepayment", "--as-of", "2020-12-31", "--institution", "H51340100001", "--institution", "H51340100002"});
            if (ledger) steps.add(new String[]{"prepayment", "--by", "month", "--as-of", "2020-02-29", "--institution", "H51340100001", "--batch", "4+7"});
        }
        if (ledger) steps.add(new String[]{"use-monitor", "--generic", "奥氮平片", "--institution", "H51340100001"});
        if (ledger && Files.exists(found.resolve("non-vbp-ledger.csv"))) {
            steps.add(new String[]{"use-monitor", "--ledger", d + "/ledger.csv", "--ledger", d + "/non-vbp-ledger.csv", "--show", "substitution"});
        }
        if (Files.exists(found.resolve("deliveries.csv"))) {
            steps.add(new String[]{"use-monitor", "--ledger", d + "/deliveries.csv", "--show", "supply"});
        }
        if (Files.exists(found.resolve("listings.csv"))) {
            steps.add(new String[]{"price-watch", "--top", "12"});
            if (ledger) steps.add(new String[]{"price-watch", "--where", "flag=above_listed", "--sort=-paid_above", "--top", "5",
                    "--columns", "institution_code,generic,manufacturer,from,to,price,reference,lines,paid_above"});
        }
        if (Files.exists(found.resolve("bids-consumables.csv"))) {
            steps.add(new String[]{"targets", "--bids", d + "/bids.csv", "--bids", d + "/bids-consumables.csv", "--as-of", "2021-06-30"});
        }
    }

    @Override
    protected int execute() throws IOException {
        Path dir = data != null ? data : sampleData(ctx().env(), ctx().cwd());
        Path cwd = ctx().cwd().toAbsolutePath();
        if (dir.isAbsolute() && dir.startsWith(cwd)) dir = cwd.relativize(dir); // keeps machine paths out of the tour
        if (!Files.isDirectory(cwd.resolve(dir))) throw new UsageException("no sample data at " + dir + "; pass --data DIR");
        Path ws = temporaryWorkspace(cwd.resolve(dir).toAbsolutePath().normalize().getParent());
        CliContext c = ctx();
        // JSON: one document, an array of the steps' envelopes, not several documents in a row.
        boolean json = global().format == Format.JSON;
        List<String> envelopes = new ArrayList<>();
        try {
            for (String[] step : steps(dir, cwd.resolve(dir))) {
                List<String> args = new ArrayList<>(List.of("--workspace", ws.toString(), "--format",
                        global().format.name().toLowerCase(), "--lang", global().lang().name().toLowerCase()));
                args.addAll(List.of(step));
                // Imports only say what they did in the status table that follows them.
                boolean quietStep = step[0].equals("import");
                if (!quietStep && (global().format == Format.TABLE || global().format == Format.MARKDOWN)) {
                    c.out().println((global().format == Format.MARKDOWN ? "### " : "$ ") + "vbp " + String.join(" ", step));
                    c.out().println();
                }
                java.io.StringWriter captured = new java.io.StringWriter();
                CliContext stepContext = quietStep
                        ? c.withStreams(new PrintWriter(Writer.nullWriter()), c.err())
                        : c.withStreams(new PrintWriter(captured), c.err());
                int code = VbpCli.run(stepContext, args.toArray(String[]::new));
                // The tour shows no machine's paths: not the temporary workspace, not where the repository is.
                String shown = captured.toString().replace(ws.toString(), "<demo workspace>").replace(cwd + java.io.File.separator, "");
                if (json && !quietStep) envelopes.add(shown.strip());
                else if (!quietStep) {
                    c.out().print(shown);
                    c.out().println();
                }
                if (code != ExitCodes.OK) {
                    if (json) printArray(envelopes);
                    return code;
                }
            }
            if (json) printArray(envelopes);
        } finally {
            if (keep) note("workspace kept at " + ws);
            else deleteTree(ws);
        }
        return ExitCodes.OK;
    }

    private void printArray(List<String> envelopes) {
        ctx().out().println("[\n" + String.join(",\n", envelopes) + "\n]");
        ctx().out().flush();
    }

    /** --data's default: where the launcher says its sample data is, else a sample-data/ up from here. */
    static Path sampleData(java.util.Map<String, String> env, Path cwd) {
        String given = env.get("VBP_SAMPLE_DATA");
        if (given != null && !given.isBlank()) return cwd.resolve(given);
        return findSampleData(cwd);
    }

    static Path findSampleData(Path cwd) {
        for (Path p = cwd.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-data"))) return p.resolve("sample-data");
        }
        return cwd.resolve("sample-data");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * The tour's workspace, beside the sample data (deleted at the end unless --keep): the manifest then names
     * the files it imported {@code sample-data/bids.csv}, the same on every machine and in every directory the
     * tour runs from. Where that folder cannot be written, a temporary directory serves.
     */
    private static Path temporaryWorkspace(Path besideData) throws IOException {
        if (besideData != null) {
            try {
                return Files.createTempDirectory(besideData, ".vbp-demo-");
            } catch (IOException e) {
                // read-only installation: the tour still runs, naming its files by absolute path
            }
        }
        return Files.createTempDirectory("vbp-demo-");
    }
}
