package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Codes;
import dev.vbp.read.Dataset;
import dev.vbp.read.workbook.SheetChoice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A streaming, parallel, exact pass over purchase ledgers (dataset {@code ledger}) feeding a
 * {@link LedgerAggregate}. Configure, then {@link #run}:
 *
 * <pre>{@code
 * LedgerResult<GroupedSums> r = LedgerScan.of(dir)
 *         .threads(2).filter(LineFilter.all().excluding(Category.CONSUMABLE))
 *         .run(GroupedSums.by(Dimension.INSTITUTION, Dimension.CHANNEL));
 * }</pre>
 *
 * <p>How the work is cut: every plain file is split into byte ranges (four per thread by default, so a
 * worker that gets less CPU takes fewer). The worker of range k starts speculatively after the first newline at or after its start;
 * the worker of range k−1 reads past its own end until the record that crosses it ends and reports where
 * that is. If the two disagree (a quoted field with a newline straddles the split) range k is read again
 * from the true offset. A gzip file is one range. Ranges are merged in file order, and line numbers are
 * fixed up by counting newlines per range, so the result and the error list do not depend on the cut.
 *
 * <p>Memory stays flat: each worker reads through one heap buffer of a few MB; nothing is kept per line.
 */
public final class LedgerScan {
    /** Default limit on malformed lines before the scan gives up. */
    public static final long DEFAULT_MAX_ERRORS = 1000;
    static final int DEFAULT_BUFFER_BYTES = 4 << 20;
    /** Automatic ranges are at least this large, so small files are not split for nothing. */
    static final long MIN_AUTO_CHUNK = 8 << 20;
    /**
     * A plain file is cut into this many ranges per thread: a worker that gets less CPU (a busy machine,
     * a slow gzip file beside it) then takes fewer ranges instead of holding everyone up, at the cost of a
     * few more partial aggregates to merge.
     */
    static final int CHUNKS_PER_THREAD = 4;

    private final List<Path> inputs = new ArrayList<>();
    private int threads = Runtime.getRuntime().availableProcessors();
    private final Map<String, String> headerAliases = new LinkedHashMap<>();
    private final java.util.Set<String> required = new java.util.LinkedHashSet<>();
    private LineFilter filter = LineFilter.all();
    private SheetChoice sheet = SheetChoice.FIRST;
    private long maxErrors = DEFAULT_MAX_ERRORS;
    private Codes.CodeMap codeMap = Codes.CodeMap.EMPTY;
    private java.nio.charset.Charset encoding;
    private Character delimiter;
    private Integer headerRow;
    private ProgressListener progress = ProgressListener.NONE;
    private long progressIntervalMillis = 250;
    private long chunkBytes;
    private int bufferBytes = DEFAULT_BUFFER_BYTES;
    /** Ranges read a second time in the last run because their speculative start was wrong (for tests). */
    int lastReruns;

    private LedgerScan() {}

    /** A scan of these files and directories (a directory means every *.csv, *.tsv, *.txt, *.gz inside). */
    public static LedgerScan of(Path... inputs) {
        return new LedgerScan().files(List.of(inputs));
    }

    public static LedgerScan of(Collection<Path> inputs) {
        return new LedgerScan().files(inputs);
    }

    /** Adds files or directories. */
    public LedgerScan files(Collection<Path> more) {
        inputs.addAll(more);
        return this;
    }

    /** Worker threads; default the number of processors. */
    public LedgerScan threads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1");
        threads = n;
        return this;
    }

    /**
     * Extra header spellings: source header → canonical ledger field (e.g. {@code "结算金额" → "amount"}),
     * as a mapping file supplies them. They win over the built-in aliases.
     */
    public LedgerScan headerAliases(Map<String, String> aliases) {
        headerAliases.putAll(aliases);
        return this;
    }

    /**
     * Ledger columns this scan cannot do without beyond date, institution, product and quantity: an
     * online-rate needs {@code channel} and {@code amount}, a completion count neither.
     */
    public LedgerScan require(String... fields) {
        for (String f : fields) {
            Dataset.LEDGER.field(f); // fails on a name the ledger does not have
            required.add(f);
        }
        return this;
    }

    /**
     * Which sheet of a ledger given as a workbook (.xlsx, .xls, HTML table) to read; default the first.
     * Each such ledger is spooled to a temporary CSV file for the scan and deleted after it.
     */
    public LedgerScan sheet(SheetChoice choice) {
        sheet = choice == null ? SheetChoice.FIRST : choice;
        return this;
    }

    /** Which parsed lines reach the aggregate; default all. */
    public LedgerScan filter(LineFilter f) {
        filter = f == null ? LineFilter.all() : f;
        return this;
    }

    /** The user's --encoding (UTF-8 or GB18030) instead of detection; null = detect. */
    public LedgerScan encoding(java.nio.charset.Charset charset) {
        encoding = charset;
        return this;
    }

    /** The header's line (1-based) instead of the first line that binds the required columns; null = find it. */
    public LedgerScan headerRow(Integer row) {
        headerRow = row;
        return this;
    }

    /** The user's --delimiter instead of detection; null = detect. */
    public LedgerScan delimiter(Character c) {
        delimiter = c;
        return this;
    }

    /** Old product codes (曾用码) read as their current codes; default none. */
    public LedgerScan codeMap(Codes.CodeMap map) {
        codeMap = map == null ? Codes.CodeMap.EMPTY : map;
        return this;
    }

    /** The scan stops with {@link TooManyErrorsException} once more lines than this are malformed. */
    public LedgerScan maxErrors(long n) {
        if (n < 0) throw new IllegalArgumentException("maxErrors must not be negative");
        maxErrors = n;
        return this;
    }

    /** Told about progress at most every 250 ms, on the thread that runs the scan. */
    public LedgerScan progress(ProgressListener listener) {
        progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /**
     * The size of the byte ranges plain files are cut into. Default: file size / (4 × threads), but at
     * least 8 MB. Smaller ranges balance uneven work better but give more partial aggregates to merge.
     */
    public LedgerScan chunkBytes(long bytes) {
        if (bytes < 1) throw new IllegalArgumentException("chunkBytes must be at least 1");
        chunkBytes = bytes;
        return this;
    }

    /** Size of each worker's read buffer (tests make it tiny to exercise refills). */
    LedgerScan bufferBytes(int bytes) {
        if (bytes < 1) throw new IllegalArgumentException("bufferBytes must be at least 1");
        bufferBytes = bytes;
        return this;
    }

    LedgerScan progressInterval(long millis) {
        progressIntervalMillis = millis;
        return this;
    }

    /** The files and directories given, as given. */
    public List<Path> inputs() {
        return List.copyOf(inputs);
    }

    /**
     * The same scan cut into splits that can run anywhere (a cluster's executors): {@code files} are the
     * ledger files already found in {@link #inputs()}, read through {@code storage}; plain files are cut
     * every {@code splitBytes}, a gzip file is one split.
     */
    public LedgerSplits splits(List<Path> files, LedgerStorage storage, long splitBytes) {
        if (files.isEmpty()) throw new IllegalStateException("no ledger files given");
        if (splitBytes < 1) throw new IllegalArgumentException("splitBytes must be at least 1");
        FileSniffer sniffer = new FileSniffer(new HeaderBinder(headerAliases, required), encoding, delimiter, headerRow);
        List<LedgerFormat> formats = new ArrayList<>(files.size());
        for (Path f : files) formats.add(sniffer.sniff(f, storage));
        long saved = chunkBytes;
        chunkBytes = splitBytes;
        try {
            return new LedgerSplits(units(formats), formats, filter, maxErrors, codeMap);
        } finally {
            chunkBytes = saved;
        }
    }

    /** Whether a file found in a directory is taken as a ledger (*.csv, *.tsv, *.txt, *.gz, not hidden). */
    public static boolean isLedgerFileName(Path file) {
        return InputFiles.isLedgerName(file);
    }

    /**
     * What the result of this scan depends on: each input file with its size and modification time, the
     * header aliases, the required columns, the filter, the error limit, the code map, the encoding, the
     * delimiter, the header row and the sheet (not the thread count or the split sizes, which never change a
     * result). Equal keys on unchanged files give equal results, so a caller may reuse one.
     */
    public List<Object> cacheKey() {
        List<Object> key = new ArrayList<>();
        for (Path f : InputFiles.expand(inputs)) {
            try {
                key.add(List.of(f.toAbsolutePath().normalize().toString(), java.nio.file.Files.size(f),
                        java.nio.file.Files.getLastModifiedTime(f).toInstant()));
            } catch (java.io.IOException e) {
                key.add(List.of(f.toString(), -1L, -1L)); // the scan itself reports the problem
            }
        }
        key.add(Map.copyOf(headerAliases));
        key.add(List.copyOf(required));
        key.add(filter);
        key.add(maxErrors);
        key.add(codeMap);
        key.add(String.valueOf(encoding));
        key.add(String.valueOf(delimiter));
        key.add(String.valueOf(headerRow));
        key.add(String.valueOf(sheet));
        return key;
    }

    /**
     * Reads every line, feeds accepted lines to aggregates made by {@code newAggregate} (one per range)
     * and merges them in input order.
     *
     * @throws LedgerInputException   a file cannot be read (missing column, bad encoding, empty, I/O)
     * @throws TooManyErrorsException more than {@link #maxErrors} malformed lines
     */
    public <A extends LedgerAggregate<A>> LedgerResult<A> run(Supplier<A> newAggregate) {
        if (inputs.isEmpty()) throw new IllegalStateException("no ledger files given");
        try (SheetInputs sheets = new SheetInputs()) {
            List<Path> files = sheets.prepare(InputFiles.expand(inputs), sheet);
            try {
                HeaderBinder binder = new HeaderBinder(headerAliases, required);
                FileSniffer sniffer = new FileSniffer(binder, encoding, delimiter, headerRow);
                FileSniffer sheetSniffer = new FileSniffer(binder, null, null, headerRow);
                List<LedgerFormat> formats = new ArrayList<>(files.size());
                long bytesTotal = 0;
                for (Path f : files) {
                    LedgerFormat format = (sheets.isSheet(f) ? sheetSniffer : sniffer).sniff(f);
                    sheets.bound(format);
                    formats.add(format);
                    bytesTotal += format.size();
                }
                List<ScanUnit> units = units(formats);
                lastReruns = 0;
                ScanContext ctx = new ScanContext(filter, maxErrors, bufferBytes, codeMap);
                LedgerResult<A> r;
                try {
                    r = new Coordinator<>(ctx, units, formats, newAggregate, bytesTotal).run();
                } catch (ArithmeticException e) { // an aggregate's exact sum overflowed (Math.addExact), in a worker or the merge
                    throw new dev.vbp.errors.OutOfRangeException(files.size() == 1 ? files.get(0).toString() : files.size() + " ledger files");
                }
                if (!sheets.any()) return r;
                return new LedgerResult<>(r.aggregate(), r.totalLines(), r.acceptedLines(), r.filteredLines(), r.errorCount(),
                        sheets.translate(r.errors()), r.files().stream().map(sheets::translate).toList(), r.lineNumbers());
            } catch (RuntimeException e) {
                throw sheets.translate(e);
            }
        }
    }

    private List<ScanUnit> units(List<LedgerFormat> formats) {
        List<ScanUnit> units = new ArrayList<>();
        for (LedgerFormat f : formats) {
            long region = f.size() - f.dataStart();
            if (f.gzip() || region <= 0) {
                units.add(new ScanUnit(f, units.size(), 0, f.dataStart(), Long.MAX_VALUE));
                continue;
            }
            long pieces = (long) threads * CHUNKS_PER_THREAD;
            long chunk = chunkBytes > 0 ? chunkBytes : Math.max(MIN_AUTO_CHUNK, (region + pieces - 1) / pieces);
            long n = (region + chunk - 1) / chunk;
            for (int k = 0; k < n; k++) {
                long start = f.dataStart() + k * chunk;
                long end = k == n - 1 ? Long.MAX_VALUE : start + chunk;
                units.add(new ScanUnit(f, units.size(), k, start, end));
            }
        }
        return units;
    }

    /** Runs the units on a pool, then checks, re-runs if need be, and merges them in order. */
    private final class Coordinator<A extends LedgerAggregate<A>> {
        private final ScanContext ctx;
        private final List<ScanUnit> units;
        private final List<LedgerFormat> formats;
        private final Supplier<A> newAggregate;
        private final long bytesTotal;
        private long lastProgress;
        private UnitScanner ownScanner;

        Coordinator(ScanContext ctx, List<ScanUnit> units, List<LedgerFormat> formats, Supplier<A> newAggregate,
                    long bytesTotal) {
            this.ctx = ctx;
            this.units = units;
            this.formats = formats;
            this.newAggregate = newAggregate;
            this.bytesTotal = bytesTotal;
            this.lastProgress = System.nanoTime(); // the first report comes one interval after the start
        }

        LedgerResult<A> run() {
            int poolSize = Math.max(1, Math.min(threads, units.size()));
            ExecutorService pool = Executors.newFixedThreadPool(poolSize, new Workers());
            ThreadLocal<UnitScanner> scanners = ThreadLocal.withInitial(() -> new UnitScanner(ctx));
            List<Future<UnitResult<A>>> futures = new ArrayList<>(units.size());
            for (int i = 0; i < units.size(); i++) futures.add(null);
            // gzip files cannot be split: start the biggest first so they do not finish last
            List<ScanUnit> order = new ArrayList<>(units);
            order.sort(Comparator.comparing((ScanUnit u) -> !u.format().gzip())
                    .thenComparing(u -> u.format().gzip() ? -u.format().size() : 0L));
            try {
                for (ScanUnit u : order) {
                    long before = u.chunk() == 0 ? u.format().headerNewlines() : -1;
                    futures.set(u.index(), pool.submit(() ->
                            scanners.get().scan(u, u.start(), u.speculative(), before, newAggregate.get())));
                }
                return merge(futures);
            } catch (RuntimeException | Error e) { // an OutOfMemoryError too: the other workers stop and free their buffers
                ctx.cancelled = true;
                throw e;
            } finally {
                pool.shutdownNow();
            }
        }

        private LedgerResult<A> merge(List<Future<UnitResult<A>>> futures) {
            A total = null;
            long lines = 0, accepted = 0, filtered = 0, errorCount = 0;
            List<LineError> errors = new ArrayList<>();
            long prevEnd = 0;
            long newlinesBefore = 0;
            LineNumbers lineNumbers = new LineNumbers();
            for (int i = 0; i < units.size(); i++) {
                ScanUnit u = units.get(i);
                UnitResult<A> r = await(futures.get(i));
                futures.set(i, null);
                if (u.chunk() == 0) {
                    newlinesBefore = u.format().headerNewlines();
                } else if (r.actualStart != prevEnd) {
                    // a quoted newline fooled the speculative start: read this range again from the true one
                    if (ownScanner == null) ownScanner = new UnitScanner(ctx);
                    r = ownScanner.scan(u, prevEnd, false, newlinesBefore, newAggregate.get());
                    lastReruns++;
                }
                if (r.failure != null) throw r.failure;
                if (r.broken != null) {
                    ctx.cancelled = true;
                    throw new LedgerInputException(u.format().file(), newlinesBefore + r.broken.newlinesBefore() + 1, r.broken.reason());
                }
                if (!r.errorsCounted && ctx.certainErrors.addAndGet(r.errorCount) > maxErrors) r.tooManyErrors = true;
                if (errors.size() < UnitResult.KEEP_ERRORS) {
                    for (LineError e : r.lineErrors(newlinesBefore)) {
                        if (errors.size() < UnitResult.KEEP_ERRORS) errors.add(e);
                    }
                }
                if (r.tooManyErrors || ctx.cancelled) {
                    ctx.cancelled = true;
                    throw new TooManyErrorsException(maxErrors, errors);
                }
                total = total == null ? r.aggregate : total.merge(r.aggregate);
                if (u.chunk() > 0) lineNumbers.piece(u.format().file().toString(), r.actualStart, newlinesBefore);
                lines += r.lines;
                accepted += r.accepted;
                filtered += r.filtered;
                errorCount += r.errorCount;
                prevEnd = r.trueEnd;
                newlinesBefore += r.newlines;
                report(); // also between pieces that each finish within the interval (many files, short chunks)
            }
            progress.progress(bytesTotal, bytesTotal, lines);
            List<LedgerFileInfo> infos = formats.stream().map(LedgerFormat::info).toList();
            return new LedgerResult<>(total, lines, accepted, filtered, errorCount, errors, infos, lineNumbers);
        }

        private UnitResult<A> await(Future<UnitResult<A>> f) {
            while (true) {
                if (Thread.currentThread().isInterrupted()) { // a finished piece would not notice the interrupt
                    ctx.cancelled = true;
                    throw new ScanCancelledException();
                }
                try {
                    return f.get(Math.max(1, progressIntervalMillis), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    report();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ctx.cancelled = true; // workers check it at every buffer refill
                    throw new ScanCancelledException();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        }

        private void report() {
            long now = System.nanoTime();
            if (now - lastProgress < progressIntervalMillis * 1_000_000L) return;
            lastProgress = now;
            progress.progress(Math.min(ctx.storedBytesDone.get(), bytesTotal), bytesTotal, ctx.linesDone.get());
        }
    }

    private static final class Workers implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "vbp-ledger-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
