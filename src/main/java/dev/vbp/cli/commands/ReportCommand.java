package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.CliContext;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.VbpCli;
import dev.vbp.cli.VersionProvider;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.InputOptions;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.cli.options.RateConverter;
import dev.vbp.output.Format;
import dev.vbp.output.Lang;
import dev.vbp.output.OutputFile;
import dev.vbp.output.Report;
import dev.vbp.output.XlsxRenderer;
import dev.vbp.output.document.HtmlRenderer;
import dev.vbp.output.document.InputFile;
import dev.vbp.output.document.MarkdownDocumentRenderer;
import dev.vbp.output.document.ReportDocument;
import dev.vbp.output.document.Section;
import dev.vbp.read.Dataset;
import dev.vbp.read.DatasetReader;
import dev.vbp.workspace.Manifest;
import dev.vbp.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Command(name = "report",
        description = {"One self-contained report of every analysis the data supports: an HTML page with charts (opens offline),",
                "Markdown, or an xlsx workbook with a sheet per section.",
                "Sections: price drops by batch, savings planned and realised, online rate by county and level against the",
                "target, agreed-volume completion against time elapsed, retained savings, dual-channel coverage, payment",
                "standards, fund prepayment, landing targets and price monitoring. Each shows a chart (where one helps),",
                "its table, what it rests on, its warnings and the files it read (rows, SHA-256). A section whose data is",
                "missing is listed as not run."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp report --bids sample-data/bids.csv --baseline sample-data/baseline.csv --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --allocations sample-data/allocations.csv --scores sample-data/scores.csv --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --prescriptions sample-data/prescriptions.csv --policy sample-data/policy.yaml --base-period 2017 --date 2026-06-30 --out target/report.html",
                "  vbp report --bids sample-data/bids.csv --baseline sample-data/baseline.csv --base-period 2017 --sections price-drops --format markdown --lang en"})
public class ReportCommand extends BaseCommand {
    @Mixin InputOptions input;

    @Option(names = "--sections", paramLabel = "ID", split = ",",
            description = "Only these sections, in this order: price-drops, savings, online-rate, volume, retained-savings, dual-channel, payment-standard, prepayment, targets, use-monitor, price-watch (default: every one the data supports).")
    List<String> sections = new ArrayList<>();

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the report (default: 'VBP monitoring report' / '集采监测报告').")
    String title;

    @Option(names = "--date", paramLabel = "DATE",
            description = "The day the report speaks of: volume completion and dual-channel coverage are counted as of it (default: today).")
    LocalDate date;

    @Option(names = "--base-period", paramLabel = "PERIOD", description = "Pre-VBP period of the baseline prices, for price drops and savings (e.g. 2017).")
    String basePeriod;

    @Option(names = "--target", paramLabel = "RATE", converter = RateConverter.class, defaultValue = "100%",
            description = "Online-purchase rate target (default: 100%%, the Liangshan 2025 target).")
    BigDecimal target;

    @Option(names = "--policy", paramLabel = "FILE.yaml", description = "Retained-savings policy file (default: the built-in policy).")
    Path policy;

    @Option(names = "--instruments", paramLabel = "FILE.yaml",
            description = "Companion-measures policy file of the payment-standard, prepayment, targets, use-monitor and price-watch sections (default: the built-in rules).")
    Path instruments;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also (or, without --out, only) write a workbook with a sheet per section.")
    Path xlsx;

    @Mixin DatasetFiles.Bids bids;
    @Mixin DatasetFiles.Baseline baseline;
    @Mixin LedgerOptions ledger;
    @Mixin DatasetFiles.Institutions institutions;
    @Mixin DatasetFiles.Allocations allocations;
    @Mixin DatasetFiles.Scores scores;
    @Mixin DatasetFiles.Catalog catalog;
    @Mixin DatasetFiles.Outlets outlets;
    @Mixin DatasetFiles.Stock stock;
    @Mixin DatasetFiles.Prescriptions prescriptions;
    @Mixin DatasetFiles.Prepayments prepayments;
    @Mixin DatasetFiles.Listings listings;

    @Override
    protected int execute() throws IOException {
        Format format = global().format;
        if (format == Format.CSV || format == Format.JSON) {
            throw new UsageException("report writes html (the default), --format markdown or --format xlsx; for csv or json run the section's own command");
        }
        Lang lang = global().lang();
        LocalDate day = date != null ? date : LocalDate.now(ctx().clock());
        List<ReportSections.Spec> chosen = choose();
        Map<Dataset, List<Path>> files = files();
        Workspace workspace = workspace();
        ReportSections.Settings settings = new ReportSections.Settings(day, basePeriod, target, policy, instruments);

        List<Section> done = new ArrayList<>();
        for (ReportSections.Spec spec : chosen) {
            List<Dataset> missing = spec.needs().stream().filter(d -> !available(d, files, workspace)).toList();
            if (!missing.isEmpty()) {
                String why = lang.pick("needs ", "缺少数据：") + String.join(", ", missing.stream().map(Dataset::id).toList());
                if (!sections.isEmpty()) throw new UsageException("section " + spec.id() + " needs " + String.join(", ", missing.stream().map(Dataset::id).toList())
                        + " data: pass --" + missing.get(0).id() + " FILE or import it");
                done.add(Section.skipped(spec.id(), spec.en(), spec.zh(), why));
                continue;
            }
            List<Section.Part> parts = new ArrayList<>();
            Set<String> inputs = new LinkedHashSet<>();
            for (ReportSections.Part part : spec.parts()) {
                List<Dataset> partMissing = part.needs().stream().filter(d -> !available(d, files, workspace)).toList();
                if (!partMissing.isEmpty()) {
                    parts.add(Section.Part.skipped(part.en(), part.zh(),
                            lang.pick("needs ", "缺少数据：") + String.join(", ", partMissing.stream().map(Dataset::id).toList())));
                    continue;
                }
                Report report = run(part.commandLine().apply(settings), files);
                if (report == null) return lastExit;
                if (report.parameters().get("inputs") instanceof List<?> list) list.forEach(i -> inputs.add(String.valueOf(i)));
                parts.add(new Section.Part(part.en(), part.zh(), part.shape().apply(report), part.chart()));
            }
            done.add(new Section(spec.id(), spec.en(), spec.zh(), parts, inputFiles(inputs, files, workspace), null));
        }

        ReportDocument doc = new ReportDocument(title != null ? title : lang.pick("VBP monitoring report", "集采监测报告"), day, lang,
                new VersionProvider().getVersion()[0], done);
        if (xlsx != null) writeWorkbook(doc, xlsx);
        if (xlsx != null && global().out == null && format != Format.XLSX) return ExitCodes.OK;
        if (format == Format.XLSX) {
            emit(true, out -> new XlsxRenderer(lang, global().precision).write(workbookParts(doc), out), null);
        } else {
            emit(false, out -> {
                PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                write(doc, format, w);
                w.flush();
            }, () -> write(doc, format, ctx().out()));
        }
        return ExitCodes.OK;
    }

    private static void write(ReportDocument doc, Format format, PrintWriter out) {
        if (format == Format.MARKDOWN) new MarkdownDocumentRenderer().render(doc, out);
        else new HtmlRenderer().render(doc, out);
    }

    private void writeWorkbook(ReportDocument doc, Path file) throws IOException {
        Path target = ctx().cwd().resolve(file);
        if (target.toAbsolutePath().getParent() != null && !Files.isDirectory(target.toAbsolutePath().getParent())) {
            throw new UsageException("--xlsx " + file + ": no directory to write into");
        }
        OutputFile.write(target, out -> new XlsxRenderer(doc.lang(), global().precision).write(workbookParts(doc), out));
    }

    /** A rows sheet per part, named by its section (and part, when a section has several). */
    private static List<XlsxRenderer.Part> workbookParts(ReportDocument doc) {
        List<XlsxRenderer.Part> parts = new ArrayList<>();
        for (Section s : doc.sections()) {
            for (Section.Part p : s.parts()) {
                if (p.report() == null) continue;
                String name = s.parts().size() > 1 && p.en() != null ? s.id() + " " + p.title(doc.lang()) : s.id();
                parts.add(new XlsxRenderer.Part(name, p.report()));
            }
        }
        return parts;
    }

    private int lastExit = ExitCodes.OK;

    /**
     * Runs one vbp command line in-process and returns the report it would have printed; null when it failed
     * (its message is already on stderr), with its exit code kept. A failed check (exit 1) still gives a report.
     */
    private Report run(List<String> commandLine, Map<Dataset, List<Path>> files) {
        List<String> args = new ArrayList<>();
        if (global().workspace != null) args.addAll(List.of("--workspace", global().workspace.toString()));
        args.addAll(List.of("--lang", global().lang().name().toLowerCase(Locale.ROOT), "--format", "json"));
        if (global().quiet) args.add("--quiet");
        if (global().stacktrace) args.add("--stacktrace");
        args.addAll(commandLine);
        CommandLine sub = subcommand(commandLine);
        for (Map.Entry<Dataset, List<Path>> e : files.entrySet()) {
            String option = "--" + e.getKey().id();
            if (sub.getCommandSpec().findOption(option) == null) continue;
            for (Path p : e.getValue()) args.addAll(List.of(option, p.toString()));
        }
        args.addAll(inputOptions(sub));
        List<Report> got = new ArrayList<>();
        CliContext c = ctx().collecting(got::add);
        int code = VbpCli.run(c, args.toArray(String[]::new));
        if (code != ExitCodes.OK && code != ExitCodes.CHECK_FAILED || got.isEmpty()) {
            String command = String.join(" ", commandLine);
            ctx().err().println(global().lang().pick("vbp: report: '" + command + "' failed (exit " + code + "); nothing written",
                    "vbp：report：'" + command + "' 失败（退出码 " + code + "）；未写入任何内容"));
            lastExit = code == ExitCodes.OK ? ExitCodes.INTERNAL : code;
            return null;
        }
        return got.get(got.size() - 1);
    }

    /** How the user reads files, passed on to each command that reads them. */
    private List<String> inputOptions(CommandLine sub) {
        List<String> a = new ArrayList<>();
        if (sub.getCommandSpec().findOption("--encoding") == null) return a;
        for (Path m : input.maps) a.addAll(List.of("--map", m.toString()));
        if (input.codeMap != null) a.addAll(List.of("--code-map", input.codeMap.toString()));
        if (sub.getCommandSpec().findOption("--threads") != null && ledger.threads != null) {
            a.addAll(List.of("--threads", ledger.threads.toString()));
        }
        a.addAll(List.of("--encoding", input.encoding, "--delimiter", input.delimiter,
                "--code-check", input.codeCheck.name().toLowerCase(Locale.ROOT), "--max-rejects", Long.toString(input.maxRejects())));
        return a;
    }

    private CommandLine subcommand(List<String> words) {
        CommandLine at = spec.root().commandLine();
        for (String w : words) {
            if (w.startsWith("-")) break;
            CommandLine next = at.getSubcommands().get(w);
            if (next == null) break;
            at = next;
        }
        return at;
    }

    private List<ReportSections.Spec> choose() {
        if (sections.isEmpty()) return ReportSections.ALL;
        List<ReportSections.Spec> out = new ArrayList<>();
        for (String id : sections) {
            ReportSections.Spec found = ReportSections.ALL.stream().filter(s -> s.id().equals(id.trim())).findFirst()
                    .orElseThrow(() -> new UsageException("unknown section '" + id + "'; expected " + String.join(", ", ReportSections.ids())));
            if (!out.contains(found)) out.add(found);
        }
        return out;
    }

    private Map<Dataset, List<Path>> files() {
        Map<Dataset, List<Path>> m = new EnumMap<>(Dataset.class);
        for (DatasetFiles f : List.of(bids, baseline, institutions, allocations, scores, catalog, outlets, stock, prescriptions, prepayments, listings)) {
            put(m, f.dataset(), f.files());
        }
        put(m, Dataset.LEDGER, ledger.files);
        return m;
    }

    private static void put(Map<Dataset, List<Path>> m, Dataset d, List<Path> files) {
        if (!files.isEmpty()) m.put(d, files);
    }

    private static boolean available(Dataset d, Map<Dataset, List<Path>> files, Workspace workspace) {
        return files.containsKey(d) || workspace.has(d);
    }

    /**
     * The files behind a section, from the {@code inputs} its commands name ({@code "bids: workspace"},
     * {@code "bids: a.csv, b.csv"}): workspace datasets by their manifest (source, rows, SHA-256), named
     * files hashed here and, except ledgers, counted by reading them as their command did.
     */
    private List<InputFile> inputFiles(Set<String> inputs, Map<Dataset, List<Path>> files, Workspace workspace) {
        Map<String, InputFile> out = new LinkedHashMap<>();
        for (String line : inputs) {
            int colon = line.indexOf(": ");
            if (colon < 0) continue;
            String id = line.substring(0, colon);
            Dataset dataset = Dataset.byId(id).orElse(null);
            if (dataset == null) continue;
            if (line.substring(colon + 2).equals("workspace")) {
                for (Manifest.Entry e : workspace.manifest().entries(id)) {
                    out.putIfAbsent(id + "\u0000" + e.source(), new InputFile(id, e.source(), e.rowsAccepted(), e.sha256()));
                }
            } else {
                for (Path p : files.getOrDefault(dataset, List.of())) {
                    Path file = ctx().cwd().resolve(p);
                    out.computeIfAbsent(id + "\u0000" + p, k -> new InputFile(id, p.toString(), rows(dataset, file), sha256(file)));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private Long rows(Dataset dataset, Path file) {
        if (dataset == Dataset.LEDGER || Files.isDirectory(file)) return null;
        // Counted while streaming: a big baseline's rows are not held just to be counted.
        return DatasetReader.stream(new dev.vbp.read.InputSource.Opened(file, file.toString(), dev.vbp.read.InputSource.Positions.LINES),
                dataset, input.settings(), 0, row -> { }).rows();
    }

    private static String sha256(Path file) {
        if (Files.isDirectory(file)) return null;
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
