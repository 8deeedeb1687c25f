package dev.vbp.workspace;

import dev.vbp.errors.BadInputException;
import dev.vbp.read.CanonicalCsv;
import dev.vbp.errors.Echo;
import dev.vbp.read.Dataset;
import dev.vbp.read.DatasetReader;
import dev.vbp.read.HeaderMapping;
import dev.vbp.read.ReadResult;
import dev.vbp.read.ReadSummary;
import dev.vbp.read.InputSource;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.Reject;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Imports files into a workspace atomically. Every file is read and checked before anything is written;
 * new data files get fresh names and become visible only when the new manifest replaces the old one in a
 * single atomic move. If anything fails before that move, the files written so far are removed and the
 * workspace is exactly as it was.
 */
public final class Importer {

    /** What happened to one source file. */
    public record FileOutcome(String source, Status status, long accepted, long rejected, String rejectsFile,
                              List<Reject> rejects, List<String> warnings, String encoding) {}

    public enum Status { IMPORTED, UNCHANGED }

    /** The result of one {@code import} command. */
    public record Outcome(Dataset dataset, Path workspace, boolean replaced, List<FileOutcome> files, boolean changed) {}

    /** More rows were rejected than the user allowed; nothing was imported. */
    public static final class TooManyRejectsException extends BadInputException {
        private final List<Reject> rejects;

        TooManyRejectsException(String message, List<Reject> rejects) {
            super(message);
            this.rejects = rejects;
        }

        public List<Reject> rejects() { return rejects; }
    }

    private final Clock clock;
    private final Transaction.Faults faults;

    public Importer(Clock clock) {
        this(clock, Transaction.Faults.NONE);
    }

    /** With {@code faults} standing in for a full disk or a failing rename at a chosen write (tests). */
    Importer(Clock clock, Transaction.Faults faults) {
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * @param maxRejects fail (importing nothing) when more rows than this are rejected; negative = no limit
     */
    public Outcome importFiles(Workspace ws, Dataset dataset, List<Path> files, ReadSettings settings,
                               boolean replace, long maxRejects) {
        HeaderMapping mapping = settings.mappingFor(dataset);
        String mappingSha = mapping.source().map(Importer::sha256).orElse(null);
        List<Path> spools = new ArrayList<>();
        try {
            return importFiles(ws, dataset, files, settings, replace, maxRejects, mapping, mappingSha, spools);
        } finally {
            for (Path spool : spools) deleteQuietly(spool); // moved into the workspace, or not needed
        }
    }

    private Outcome importFiles(Workspace ws, Dataset dataset, List<Path> files, ReadSettings settings, boolean replace,
                                long maxRejects, HeaderMapping mapping, String mappingSha, List<Path> spools) {
        // Rows are compared with the workspace's (and so kept) only where ImportConflicts looks at them.
        boolean compared = !replace && dataset != Dataset.LEDGER && dev.vbp.read.NaturalKeys.of(dataset).isPresent() && has(ws, dataset);
        List<Pending> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            String sha = sheetAware(sha256(file), file, settings);
            if (!seen.add(sha + "/" + mappingSha)) continue; // the same file named twice
            pending.add(dataset == Dataset.LEDGER ? LedgerCheck.check(file, sha, settings)
                    : checkTable(file, sha, dataset, settings, compared, spools));
        }
        List<Reject> allRejects = pending.stream().flatMap(p -> p.rejects.stream()).toList();
        // Counted, not the listed rejects: a ledger check lists only its first hundred bad lines.
        long rejected = pending.stream().mapToLong(Pending::rejected).sum();
        if (maxRejects >= 0 && rejected > maxRejects) {
            throw new TooManyRejectsException(allRejects.get(0).message() + " (" + rejected + " row"
                    + (rejected == 1 ? "" : "s") + " rejected, more than --max-rejects " + maxRejects
                    + "; nothing was imported)", allRejects);
        }

        Manifest before = ws.manifest();
        if (!replace && dataset != Dataset.LEDGER) {
            ImportConflicts.check(ws, dataset, pending.stream().flatMap(p -> p.rows().stream()).toList());
        }
        List<Manifest.Entry> existing = replace ? List.of() : before.entries(dataset.id());
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Pending> toWrite = new ArrayList<>();
        for (Pending p : pending) {
            boolean already = existing.stream()
                    .anyMatch(e -> e.sha256().equals(p.sha) && Objects.equals(e.mappingSha256(), mappingSha));
            if (already) {
                String kept = existing.stream().filter(e -> e.sha256().equals(p.sha) && Objects.equals(e.mappingSha256(), mappingSha))
                        .map(Manifest.Entry::rejectsFile).filter(Objects::nonNull).findFirst().map(f -> ws.path(f).toString()).orElse(null);
                outcomes.add(outcome(p, Status.UNCHANGED, kept));
            } else {
                toWrite.add(p);
            }
        }
        boolean sameSetOnReplace = replace && toWrite.size() == before.entries(dataset.id()).size()
                && toWrite.stream().allMatch(p -> before.entries(dataset.id()).stream()
                .anyMatch(e -> e.sha256().equals(p.sha) && Objects.equals(e.mappingSha256(), mappingSha)));
        if (toWrite.isEmpty() || sameSetOnReplace) {
            if (sameSetOnReplace) toWrite.forEach(p -> outcomes.add(outcome(p, Status.UNCHANGED, null)));
            Sweep.underLock(ws); // what a killed import left behind goes even when this one changes nothing
            return new Outcome(dataset, ws.root(), replace, outcomes, false);
        }

        Transaction tx = new Transaction(ws, faults);
        boolean newWorkspace = !Files.exists(ws.root());
        try {
            tx.createDirectories(ws.root());
            java.util.concurrent.locks.ReentrantLock inProcess = Locks.IN_PROCESS.computeIfAbsent(ws.root(), k -> new java.util.concurrent.locks.ReentrantLock());
            inProcess.lock();
            try (FileChannel lockChannel = FileChannel.open(ws.root().resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockChannel.lock()) { // a second import waits for the first instead of failing
                // What another import committed while this one was checking its files must survive.
                Manifest latest = ws.manifest();
                // Leftovers of killed imports go first, so this one's files get their natural names.
                Sweep.unreferenced(ws, latest);
                List<Manifest.Entry> entries = replace ? new ArrayList<>() : new ArrayList<>(latest.entries(dataset.id()));
                String now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
                for (Pending p : toWrite) {
                    String id = (p.sha + (mappingSha == null ? "" : mappingSha)).substring(0, 16);
                    // Fresh names only: a file the old manifest names is never overwritten, so a failure at any
                    // point can be undone by deleting what this import created, and nothing else.
                    String dataFile = tx.freshName("data/" + dataset.id() + "/", id, p.extension);
                    tx.write(dataFile, p.data);
                    String mappingCopy = null;
                    if (dataset == Dataset.LEDGER && mapping.source().isPresent()) {
                        // Ledgers are kept as imported, so the mapping that reads them is kept beside them.
                        mappingCopy = tx.freshName("data/" + dataset.id() + "/", id, ".map.yaml");
                        Path from = mapping.source().get();
                        tx.write(mappingCopy, tmp -> Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING));
                    }
                    String rejectsFile = null;
                    if (!p.rejects.isEmpty()) {
                        rejectsFile = tx.freshName("rejects/" + dataset.id() + "/", id, ".csv");
                        tx.write(rejectsFile, textWriter(w -> RejectsFile.write(p.rejects, w)));
                    }
                    // The same file under another mapping or encoding setting: the new entry takes its place.
                    entries.removeIf(e -> e.sha256().equals(p.sha) && Objects.equals(e.mappingSha256(), mappingSha));
                    entries.add(new Manifest.Entry(ws.sourceName(p.file), p.sha, dataFile, p.accepted,
                            p.rejected, rejectsFile, mappingCopy != null ? mappingCopy : mapping.source().map(Path::toString).orElse(null),
                            mappingSha, p.encoding, p.delimiter, now));
                    outcomes.add(outcome(p, Status.IMPORTED, rejectsFile == null ? null : ws.path(rejectsFile).toString()));
                }
                Manifest after = latest.with(dataset.id(), entries);
                tx.commit(textWriter(w -> Workspace.YAML.writeValue(w, after)));
                Sweep.unreferenced(ws, after);
            } finally {
                inProcess.unlock();
            }
        } catch (IOException | RuntimeException e) {
            if (!tx.committed()) {
                tx.rollback();
                if (newWorkspace) deleteQuietly(ws.root()); // a failed first import leaves no empty workspace behind
            }
            if (e instanceof RuntimeException re) throw re;
            throw new BadInputException(ws.root() + ": cannot write the workspace (" + Echo.firstLine(e.getMessage())
                    + "); nothing was changed", e);
        }
        return new Outcome(dataset, ws.root(), replace, outcomes, true);
    }

    /** Whether the workspace holds the dataset; true when its manifest cannot be read (that error comes in its place later). */
    private static boolean has(Workspace ws, Dataset dataset) {
        try {
            return ws.has(dataset);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing refers to it
        }
    }

    private static FileOutcome outcome(Pending p, Status status, String rejectsFile) {
        return new FileOutcome(p.file.toString(), status, p.accepted, p.rejected, rejectsFile, p.rejects, p.warnings, p.encoding);
    }

    /** A source file read and checked, with how to write its data into the workspace. */
    /** @param rows the accepted rows of a table when they are compared with the workspace's (else empty; null for a ledger) */
    record Pending(Path file, String sha, String encoding, String delimiter, String columns, long accepted, long rejected,
                   List<Reject> rejects, List<String> warnings, String extension, DataWriter data, List<dev.vbp.read.Row> rows) {}

    /** What checking one file found, without writing anything ({@code vbp validate}). */
    public record Checked(String source, String encoding, String delimiter, String columns, long accepted, long rejected,
                          List<Reject> rejects, List<String> warnings) {}

    /** Reads and checks a file exactly as an import would (ledgers by streaming), and writes nothing. */
    public static Checked check(Path file, Dataset dataset, ReadSettings settings) {
        if (dataset != Dataset.LEDGER) {
            // Streamed: rows are counted, not kept, so a baseline of millions of rows is checked in flat memory.
            // Every reject and warning is kept, since validate lists them all.
            ReadSummary read = DatasetReader.stream(new InputSource.Opened(file, file.toString(), InputSource.Positions.LINES),
                    dataset, settings, Integer.MAX_VALUE, row -> { });
            return new Checked(file.toString(), read.charset().name(), read.delimiterName(), read.binding().describe().toString(),
                    read.rows(), read.rejected(), read.rejects(), warnings(file, read.binding(), read.warnings()));
        }
        Pending p = LedgerCheck.check(file, null, settings);
        return new Checked(file.toString(), p.encoding, p.delimiter, p.columns, p.accepted, p.rejected, p.rejects, p.warnings);
    }

    /** A table's reading warnings, after the columns of the file that no field reads. */
    private static List<String> warnings(Path file, dev.vbp.read.HeaderBinding binding, List<String> read) {
        List<String> warnings = new ArrayList<>(read);
        if (!binding.unused().isEmpty()) {
            warnings.add(0, file + ": columns not used: " + String.join(", ", binding.unused()));
        }
        return warnings;
    }

    /** Writes a workspace file to the temporary path given. */
    interface DataWriter {
        void writeTo(Path tmp) throws IOException;
    }

    private interface TextAction {
        void write(Writer w) throws IOException;
    }

    private static DataWriter textWriter(TextAction action) {
        return tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                action.write(w);
            }
        };
    }

    /**
     * Tables are streamed, checked row by row, and their canonical CSV spooled to a temporary file as they are read
     * (moved into the workspace when the import is written), so a baseline of millions of rows is imported in flat
     * memory. The rows are kept only where an import that adds to the dataset must compare them with the rows the
     * workspace holds ({@link ImportConflicts}: a dataset with a natural key, imported without --replace).
     */
    private static Pending checkTable(Path file, String sha, Dataset dataset, ReadSettings settings, boolean compared,
                                      List<Path> spools) {
        List<dev.vbp.read.Row> kept = new ArrayList<>();
        Spool spool = new Spool(dataset, spools);
        ReadSummary read;
        try {
            read = DatasetReader.stream(new InputSource.Opened(file, file.toString(), InputSource.Positions.LINES),
                    dataset, settings, Integer.MAX_VALUE, row -> {
                        spool.write(row);
                        if (compared) kept.add(row);
                    });
        } finally {
            spool.close();
        }
        List<String> warnings = warnings(file, read.binding(), read.warnings());
        return new Pending(file, sha, read.charset().name(), read.delimiterName(), read.binding().describe().toString(),
                read.rows(), read.rejected(), read.rejects(), warnings, ".csv", spool::moveTo, kept);
    }

    /**
     * A table's canonical CSV, written to a temporary file while the table is read. A failure to write it (a full
     * disk) is kept and thrown when the workspace file is written, where every failed write is reported.
     */
    private static final class Spool {
        private Path path;
        private Writer writer;
        private CanonicalCsv.Rows rows;
        private IOException failed;

        Spool(Dataset dataset, List<Path> spools) {
            try {
                path = Files.createTempFile("vbp-import-", ".csv");
                spools.add(path);
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                rows = CanonicalCsv.start(dataset, writer);
            } catch (IOException e) {
                failed = e;
            }
        }

        void write(dev.vbp.read.Row row) {
            if (failed != null) return;
            try {
                rows.write(row);
            } catch (IOException e) {
                failed = e;
            }
        }

        void close() {
            if (writer == null) return;
            try {
                if (failed == null) rows.flush();
                writer.close();
            } catch (IOException e) {
                if (failed == null) failed = e;
            }
        }

        void moveTo(Path tmp) throws IOException {
            if (failed != null) throw failed;
            Files.move(path, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Two sheets of one workbook are two sources: a sheet asked for by name or number gets an identity of
     * its own, so importing sheet after sheet adds each instead of finding the file already there.
     */
    private static String sheetAware(String sha, Path file, ReadSettings settings) {
        if (settings.sheet().wanted() == null || dev.vbp.read.workbook.Workbooks.detect(file) == null) return sha;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((sha + "!" + settings.sheet().wanted())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the file (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
