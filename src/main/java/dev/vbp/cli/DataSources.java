package dev.vbp.cli;

import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.engine.ledger.LedgerFileInfo;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.output.Report;
import dev.vbp.errors.BadInputException;
import dev.vbp.read.Dataset;
import dev.vbp.read.NaturalKeys;
import dev.vbp.read.DatasetReader;
import dev.vbp.read.ReadResult;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.Reject;
import dev.vbp.read.Row;
import dev.vbp.workspace.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Function;

/**
 * Where an analysis gets a dataset: files named on the command line (ad-hoc audits, nothing imported), else
 * the workspace. A named file with more rejected rows than {@code --max-rejects} fails as an import would;
 * tolerated rejects are counted in {@link #warnings()} so the report says what was left out.
 */
public final class DataSources {
    private final Workspace workspace;
    private final ReadSettings settings;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    /** workspace copy of a ledger → the file it was imported from */
    private final Map<String, String> importedFrom = new HashMap<>();
    /** Every ledger scan run for the report, in order, so the report can say what each read and left out. */
    private final List<LedgerResult<?>> scans = new ArrayList<>();

    private final long maxRejects;

    /** @param maxRejects rejected rows tolerated in files named on the command line; -1 = no limit */
    public DataSources(Workspace workspace, ReadSettings settings, long maxRejects) {
        this.workspace = workspace;
        this.settings = settings;
        this.maxRejects = maxRejects;
    }

    /** The rows of the dataset of {@code files}, converted: from the files named, else the workspace, else a usage error. */
    public <T> List<T> require(DatasetFiles files, Function<Row, T> convert) {
        return require(files.dataset(), files.files(), files.option(), convert);
    }

    /** The rows of the dataset of {@code files}, converted; empty when neither files nor the workspace have it. */
    public <T> List<T> optional(DatasetFiles files, Function<Row, T> convert) {
        return optional(files.dataset(), files.files(), convert);
    }

    /** Whether files were named or the workspace has the dataset. */
    public boolean available(DatasetFiles files) {
        return available(files.dataset(), files.files());
    }

    /** The dataset's rows, or a usage error naming both ways to supply it. */
    public <T> List<T> require(Dataset dataset, List<Path> files, String option, Function<Row, T> convert) {
        if (files.isEmpty() && !workspace.has(dataset)) {
            throw new UsageException("no " + dataset.id() + " data: pass " + option + " FILE, or import it first with 'vbp import "
                    + dataset.id() + " FILE' (workspace: " + workspace.root() + ")");
        }
        return optional(dataset, files, convert);
    }

    /** The dataset's rows, or an empty list when neither files nor the workspace have it. */
    public <T> List<T> optional(Dataset dataset, List<Path> files, Function<Row, T> convert) {
        List<ReadResult> results = new ArrayList<>();
        if (!files.isEmpty()) {
            for (Path f : files) results.add(DatasetReader.read(f, dataset, settings));
            List<Reject> rejects = results.stream().flatMap(r -> r.rejects().stream()).toList();
            if (maxRejects >= 0 && rejects.size() > maxRejects) {
                // The same rule as import: a figure never silently rests on fewer rows than the file has.
                throw new BadInputException(rejects.get(0).message() + " (" + rejects.size() + " row"
                        + (rejects.size() == 1 ? "" : "s") + " rejected; pass --max-rejects N to leave them out, listed in the warnings)");
            }
            sources.add(dataset.id() + ": " + String.join(", ", files.stream().map(Path::toString).toList()));
        } else if (workspace.has(dataset)) {
            results.addAll(workspace.read(dataset));
            sources.add(dataset.id() + ": workspace");
        }
        List<T> out = new ArrayList<>();
        NaturalKeys.Key key = NaturalKeys.of(dataset).orElse(null);
        Map<String, Row> firstByKey = new HashMap<>();
        List<String> repeats = new ArrayList<>();
        for (ReadResult r : results) {
            for (Row read : r.rows()) {
                Row row = read.withCurrentCodes(settings.codeMap()); // workspace rows too: the map is the one given now
                if (key != null) {
                    // The same bid or institution read twice (say, a file imported in two encodings) must not count twice.
                    Row first = firstByKey.putIfAbsent(key.of().apply(row), row);
                    if (first != null) {
                        repeats.add(row.where() + " repeats " + first.where());
                        continue;
                    }
                }
                out.add(convert.apply(row));
            }
            if (!r.rejects().isEmpty()) {
                Reject first = r.rejects().get(0);
                warnings.add(r.source() + ": " + r.rejects().size() + " row" + (r.rejects().size() == 1 ? "" : "s")
                        + " rejected and left out (first: " + first.message() + "); 'vbp validate " + dataset.id() + "' lists them all");
            }
            warnings.addAll(r.warnings().stream().limit(5).toList());
            if (r.warnings().size() > 5) warnings.add(r.source() + ": " + (r.warnings().size() - 5) + " more warnings");
        }
        if (!repeats.isEmpty()) {
            warnings.add(dataset.id() + ": " + repeats.size() + " row" + (repeats.size() == 1 ? " repeats" : "s repeat")
                    + " the " + key.description() + " of an earlier row and " + (repeats.size() == 1 ? "is" : "are")
                    + " left out; the first is used (" + repeats.get(0) + (repeats.size() > 1 ? ", ..." : "") + ")");
        }
        return out;
    }

    /**
     * A streaming scan of the purchase ledgers: the files named with --ledger, else the workspace's; the
     * user's ledger mapping applies to named files.
     */
    public LedgerScan ledgerScan(LedgerOptions options) {
        List<Path> files = options.files;
        LedgerScan scan;
        if (!files.isEmpty()) {
            scan = LedgerScan.of(files).headerAliases(settings.mappingFor(Dataset.LEDGER).columns()).codeMap(settings.codeMap());
            sources.add("ledger: " + String.join(", ", files.stream().map(Path::toString).toList()));
        } else if (workspace.has(Dataset.LEDGER)) {
            scan = LedgerScan.of(workspace.files(Dataset.LEDGER)).headerAliases(workspace.ledgerAliases()).codeMap(settings.codeMap());
            for (var e : workspace.manifest().entries(Dataset.LEDGER.id())) {
                importedFrom.put(workspace.root().resolve(e.file()).toString(), e.source());
            }
            sources.add("ledger: workspace");
        } else {
            throw new UsageException("no ledger data: pass --ledger FILE|DIR, or import it first with 'vbp import ledger FILE'"
                    + " (workspace: " + workspace.root() + ")");
        }
        if (options.threads != null) {
            if (options.threads < 1) throw new UsageException("--threads must be 1 or more, not " + options.threads);
            scan.threads(options.threads);
        }
        if (options.maxErrors < 0) throw new UsageException("--max-errors must be 0 or more, not " + options.maxErrors);
        return scan.maxErrors(options.maxErrors);
    }

    /** Records a finished ledger scan, so {@link #describe(Report)} says what it read and left out. */
    public void scanned(LedgerResult<?> result) {
        scans.add(result);
    }

    /**
     * Adds what a ledger scan read and left out to a report, so no line disappears unseen. Lines of ledgers
     * read from the workspace are named by the file they were imported from.
     */
    private void describe(Report report, LedgerResult<?> result) {
        report.assumption("ledger_lines", result.acceptedLines() + " lines used of " + result.totalLines()
                + (result.filteredLines() > 0 ? " (" + result.filteredLines() + " outside the selection)" : ""));
        for (LedgerFileInfo f : result.files()) {
            report.assumption("ledger_file_" + f.file().getFileName(), f.encoding() + (f.gzip() ? ", gzip" : "")
                    + ", " + (f.delimiter() == '\t' ? "tab" : "comma") + ", columns " + f.columns());
        }
        if (result.errorCount() > 0) {
            report.warning(result.errorCount() + " malformed ledger line" + (result.errorCount() == 1 ? " was" : "s were")
                    + " left out (first: " + named(result.errors().get(0)) + ")");
            result.errors().stream().skip(1).limit(4).forEach(e -> report.warning("left out: " + named(e)));
        }
    }

    /** A ledger file as the user knows it: the file it was imported from, for the workspace's copies. */
    public String ledgerName(String file) {
        String source = importedFrom.get(file);
        return source == null ? file : source + " (imported)";
    }

    private String named(dev.vbp.engine.ledger.LineError e) {
        String file = e.file().toString();
        String source = importedFrom.get(file);
        return source == null ? e.toString() : e.toString().replace(file, source + " (imported)");
    }

    public boolean available(Dataset dataset, List<Path> files) {
        return !files.isEmpty() || workspace.has(dataset);
    }

    public List<String> warnings() { return warnings; }

    /**
     * Adds to a report what every ledger scan read and left out, where each dataset came from (parameter
     * {@code inputs}) and every reading warning. {@code AnalysisCommand} calls it for every analysis.
     */
    public void describe(Report report) {
        for (LedgerResult<?> r : scans) describe(report, r);
        report.parameter("inputs", List.copyOf(sources));
        warnings.forEach(report::warning);
    }

    public Workspace workspace() { return workspace; }

    public ReadSettings settings() { return settings; }
}
