package dev.vbp.cli;

import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.engine.ledger.LedgerFileInfo;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.output.Report;
import dev.vbp.errors.BadInputException;
import dev.vbp.read.Dataset;
import dev.vbp.read.InputSource;
import dev.vbp.read.NaturalKeys;
import dev.vbp.read.DatasetReader;
import dev.vbp.read.ReadResult;
import dev.vbp.read.ReadSummary;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.Reject;
import dev.vbp.read.Row;
import dev.vbp.workspace.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
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
    /** a copy read in place of what the user named (standard input) → the user's name for it */
    private final Map<String, String> shownAs = new HashMap<>();
    /** inputs written as URIs, by the path picocli made of them (which drops the second slash): see {@link #asWritten(Map)} */
    private final Map<String, String> asWritten = new LinkedHashMap<>();
    /** Every ledger scan run for the report, in order, so the report can say what each read and left out. */
    private final List<LedgerResult<?>> scans = new ArrayList<>();

    private final long maxRejects;
    private final InputSource opener;

    /** @param maxRejects rejected rows tolerated in files named on the command line; -1 = no limit */
    public DataSources(Workspace workspace, ReadSettings settings, long maxRejects) {
        this(workspace, settings, maxRejects, InputSource.files());
    }

    /** @param opener where every named file is opened ({@code -}: standard input) */
    public DataSources(Workspace workspace, ReadSettings settings, long maxRejects, InputSource opener) {
        this.opener = opener;
        this.workspace = workspace;
        this.settings = settings;
        this.maxRejects = maxRejects;
    }

    /**
     * Names inputs the user wrote as URIs as written: {@code hdfs://nn/ledgers/} is the path {@code hdfs:/nn/ledgers}
     * to picocli and to every layer below, and so are the files found under it; the sources, warnings, line
     * references and errors of this run give them back their {@code //}.
     *
     * @param written each argument as written, keyed by the path picocli made of it
     */
    public DataSources asWritten(Map<String, String> written) {
        // longest first, so a file named on its own wins over a directory above it
        written.entrySet().stream().sorted(Map.Entry.<String, String>comparingByKey(
                        java.util.Comparator.comparingInt(String::length)).reversed())
                .forEach(e -> asWritten.put(e.getKey(), e.getValue()));
        return this;
    }

    /**
     * {@code text} with every path made of a URI argument, or of a file under it, as the user wrote it. A path
     * is replaced where it stands whole: followed by the end, a separator or the {@code :line} of a reference.
     */
    String writtenNames(String text) {
        for (var e : asWritten.entrySet()) {
            String path = e.getKey(), written = e.getValue();
            String prefix = written.endsWith("/") && !path.endsWith("/") ? written.substring(0, written.length() - 1) : written;
            StringBuilder out = new StringBuilder();
            int from = 0, at;
            while ((at = text.indexOf(path, from)) >= 0) {
                int end = at + path.length();
                boolean whole = end == text.length() || "/:,;) \t\n".indexOf(text.charAt(end)) >= 0;
                out.append(text, from, at).append(!whole ? path : end == text.length() || text.charAt(end) != '/' ? written : prefix);
                from = end;
            }
            text = out.append(text.substring(from)).toString();
        }
        return text;
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
        requireAvailable(dataset, files, option);
        return optional(dataset, files, convert);
    }

    /** The usage error of {@link #require} when neither files nor the workspace have the dataset (for a dataset streamed). */
    public void requireAvailable(DatasetFiles files) {
        requireAvailable(files.dataset(), files.files(), files.option());
    }

    private void requireAvailable(Dataset dataset, List<Path> files, String option) {
        if (files.isEmpty() && !workspace.has(dataset)) {
            throw new UsageException("no " + dataset.id() + " data: pass " + option + " FILE, or import it first with 'vbp import "
                    + dataset.id() + " FILE' (workspace: " + workspace.root() + ")");
        }
    }

    /** The dataset's rows, or an empty list when neither files nor the workspace have it. */
    public <T> List<T> optional(Dataset dataset, List<Path> files, Function<Row, T> convert) {
        List<ReadResult> results = new ArrayList<>();
        if (!files.isEmpty()) {
            for (Path f : files) results.add(DatasetReader.read(opener.open(f), dataset, settings));
            List<Reject> rejects = results.stream().flatMap(r -> r.rejects().stream()).toList();
            if (maxRejects >= 0 && rejects.size() > maxRejects) {
                // The same rule as import: a figure never silently rests on fewer rows than the file has.
                throw new BadInputException(rejects.get(0).message() + " (" + rejects.size() + " row"
                        + (rejects.size() == 1 ? "" : "s") + " rejected; pass --max-rejects N to leave them out, listed in the warnings)");
            }
            sources.add(dataset.id() + ": " + String.join(", ", files.stream().map(f -> writtenNames(f.toString())).toList()));
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
     * Hands the rows of the dataset of {@code files}, converted, to {@code sink} as they are read, keeping none
     * (for analyses that need only aggregates of a big reference file): the files named, else the workspace's,
     * else nothing. The same rules as {@link #optional}: code map, repeated natural keys, --max-rejects (checked
     * once every file was read, so the count is the whole one), the same warnings.
     */
    public <T> void stream(DatasetFiles files, Function<Row, T> convert, Consumer<T> sink) {
        stream(files, convert, sink, true);
    }

    /**
     * The same rows as {@link #stream} handed over again, for an analysis that needs a second pass over a big file
     * (the rows behind a flag found from aggregates); nothing is recorded again: no warnings, no sources.
     */
    public <T> void streamAgain(DatasetFiles files, Function<Row, T> convert, Consumer<T> sink) {
        stream(files, convert, sink, false);
    }

    /** A place among the sources and warnings recorded so far; see {@link #recordBefore}. */
    public record Mark(int sources, int warnings) {}

    public Mark mark() {
        return new Mark(sources.size(), warnings.size());
    }

    /**
     * Runs {@code read} and files the sources and warnings it records before those recorded since {@code mark}:
     * a command that needs a small dataset before it can stream a big one reports them in its usual order.
     */
    public void recordBefore(Mark mark, Runnable read) {
        List<String> laterSources = new ArrayList<>(sources.subList(mark.sources(), sources.size()));
        List<String> laterWarnings = new ArrayList<>(warnings.subList(mark.warnings(), warnings.size()));
        sources.subList(mark.sources(), sources.size()).clear();
        warnings.subList(mark.warnings(), warnings.size()).clear();
        read.run();
        sources.addAll(laterSources);
        warnings.addAll(laterWarnings);
    }

    private <T> void stream(DatasetFiles files, Function<Row, T> convert, Consumer<T> sink, boolean record) {
        Dataset dataset = files.dataset();
        NaturalKeys.Key key = NaturalKeys.of(dataset).orElse(null);
        Map<String, String> firstByKey = new HashMap<>();
        List<String> repeats = new ArrayList<>();
        Consumer<Row> rows = read -> {
            Row row = read.withCurrentCodes(settings.codeMap()); // workspace rows too: the map is the one given now
            if (key != null) {
                String first = firstByKey.putIfAbsent(key.of().apply(row), row.where());
                if (first != null) {
                    repeats.add(row.where() + " repeats " + first);
                    return;
                }
            }
            sink.accept(convert.apply(row));
        };
        List<ReadSummary> results = new ArrayList<>();
        if (!files.files().isEmpty()) {
            for (Path f : files.files()) results.add(DatasetReader.stream(opener.open(f), dataset, settings, KEPT, rows));
            if (!record) return;
            long rejected = results.stream().mapToLong(ReadSummary::rejected).sum();
            if (maxRejects >= 0 && rejected > maxRejects) {
                Reject first = results.stream().flatMap(r -> r.rejects().stream()).findFirst().orElseThrow();
                throw new BadInputException(first.message() + " (" + rejected + " row"
                        + (rejected == 1 ? "" : "s") + " rejected; pass --max-rejects N to leave them out, listed in the warnings)");
            }
            sources.add(dataset.id() + ": " + String.join(", ", files.files().stream().map(f -> writtenNames(f.toString())).toList()));
        } else if (workspace.has(dataset)) {
            results.addAll(workspace.stream(dataset, KEPT, rows));
            if (!record) return;
            sources.add(dataset.id() + ": workspace");
        }
        for (ReadSummary r : results) {
            if (r.rejected() > 0) {
                Reject first = r.rejects().get(0);
                warnings.add(r.source() + ": " + r.rejected() + " row" + (r.rejected() == 1 ? "" : "s")
                        + " rejected and left out (first: " + first.message() + "); 'vbp validate " + dataset.id() + "' lists them all");
            }
            warnings.addAll(r.warnings().stream().limit(5).toList());
            if (r.warningCount() > 5) warnings.add(r.source() + ": " + (r.warningCount() - 5) + " more warnings");
        }
        if (!repeats.isEmpty()) {
            warnings.add(dataset.id() + ": " + repeats.size() + " row" + (repeats.size() == 1 ? " repeats" : "s repeat")
                    + " the " + key.description() + " of an earlier row and " + (repeats.size() == 1 ? "is" : "are")
                    + " left out; the first is used (" + repeats.get(0) + (repeats.size() > 1 ? ", ..." : "") + ")");
        }
    }

    /** Rejects and warnings kept of a streamed file: the first is named, five are shown, all are counted. */
    private static final int KEPT = 5;

    /**
     * A streaming scan of the purchase ledgers: the files named with --ledger, else the workspace's; the
     * user's ledger mapping applies to named files.
     */
    public LedgerScan ledgerScan(LedgerOptions options) {
        List<Path> files = options.files;
        LedgerScan scan;
        if (!files.isEmpty()) {
            List<Path> opened = new ArrayList<>();
            for (Path f : files) {
                InputSource.Opened o = opener.open(f);
                opened.add(o.file());
                if (!o.name().equals(o.file().toString())) shownAs.put(o.file().toString(), o.name());
            }
            scan = LedgerScan.of(opened).headerAliases(settings.mappingFor(Dataset.LEDGER).columns()).codeMap(settings.codeMap());
            sources.add("ledger: " + String.join(", ", files.stream().map(f -> writtenNames(f.toString())).toList()));
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
        scan.encoding(settings.charset()).delimiter(settings.delimiter()).headerRow(settings.headerRow());
        // --set supplies columns of the small datasets; a ledger needs each of its columns in the file.
        if (options.threads != null) {
            if (options.threads < 1) throw new UsageException("--threads must be 1 or more, not " + options.threads);
            scan.threads(options.threads);
        }
        scan.sheet(settings.sheet());
        // The same tolerance as for every other dataset: --max-rejects (-1 = no limit). Lines of workspace ledgers
        // that were rejected and tolerated at import are accepted already, and listed in its rejects/ folder.
        long accepted = files.isEmpty() ? workspace.manifest().entries(Dataset.LEDGER.id()).stream()
                .mapToLong(e -> e.rowsRejected()).sum() : 0;
        return scan.maxErrors(maxRejects < 0 ? Long.MAX_VALUE : maxRejects + accepted);
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
            String shown = shownAs.getOrDefault(f.file().toString(), String.valueOf(f.file().getFileName()));
            report.assumption("ledger_file_" + shown, f.encoding() + (f.gzip() ? ", gzip" : "")
                    + ", " + dev.vbp.read.Dialect.delimiterName(f.delimiter()) + ", columns " + f.columns());
        }
        if (result.errorCount() > 0) {
            report.warning(result.errorCount() + " malformed ledger line" + (result.errorCount() == 1 ? " was" : "s were")
                    + " left out (first: " + named(result.errors().get(0)) + ")");
            result.errors().stream().skip(1).limit(4).forEach(e -> report.warning("malformed line left out: " + named(e)));
        }
    }

    /** A ledger file as the user knows it: the file it was imported from, for the workspace's copies. */
    public String ledgerName(String file) {
        String source = importedFrom.get(file);
        return source == null ? writtenNames(file) : source + " (imported)";
    }

    private String named(dev.vbp.engine.ledger.LineError e) {
        String file = e.file().toString();
        String source = importedFrom.get(file);
        if (source != null) return e.toString().replace(file, source + " (imported)");
        String shown = shownAs.get(file);
        return shown == null ? writtenNames(e.toString()) : e.toString().replace(file, shown);
    }

    /** The same error in the user's own names: standard input as "-", workspace copies by the file imported. */
    public dev.vbp.errors.BadInputException named(dev.vbp.errors.BadInputException e) {
        String message = e.getMessage();
        for (var n : shownAs.entrySet()) message = message.replace(n.getKey(), n.getValue());
        for (var n : importedFrom.entrySet()) message = message.replace(n.getKey(), n.getValue() + " (imported)");
        message = writtenNames(message);
        return message.equals(e.getMessage()) ? e : new dev.vbp.errors.BadInputException(message, e);
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
