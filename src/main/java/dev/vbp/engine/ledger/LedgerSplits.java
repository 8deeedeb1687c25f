package dev.vbp.engine.ledger;

import dev.vbp.domain.Codes;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link LedgerScan} cut into splits that run independently, on whatever machine a cluster scheduler
 * picks, and are put together afterwards. Each split is read by the same byte-level parser as a local scan
 * and fills its own aggregate; the caller merges the aggregates in any order (their {@code merge} is
 * associative and commutative) and hands them to {@link #result}.
 *
 * <p>The protocol, as a local scan does it inside one process:
 * <ol>
 *   <li>{@link #scan} every split (a split other than a file's first starts speculatively after the first
 *       newline at or after its start);</li>
 *   <li>{@link #misaligned} names the splits whose speculative start was fooled by a quoted newline that
 *       straddles the cut; {@link #rescan} them from the true start and repeat until none is left (one
 *       round nearly always);</li>
 *   <li>{@link #result} checks the summaries in file order, numbers error lines, applies the error limit
 *       and returns the same {@link LedgerResult} a local scan of the same files gives.</li>
 * </ol>
 * Everything sent to another machine ({@link Split}, this object, {@link SplitResult}) is serializable;
 * the aggregates must be too.
 */
public final class LedgerSplits implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Split> splits;
    private final LineFilter filter;
    private final long maxErrors;
    private final Codes.CodeMap codeMap;
    /** How each file was read, for the result; only on the machine that planned the scan. */
    private final transient List<LedgerFileInfo> files;

    LedgerSplits(List<ScanUnit> units, List<LedgerFormat> formats, LineFilter filter, long maxErrors, Codes.CodeMap codeMap) {
        this.codeMap = codeMap;
        List<Split> s = new ArrayList<>(units.size());
        for (ScanUnit u : units) s.add(new Split(u));
        this.splits = Collections.unmodifiableList(s);
        this.filter = filter;
        this.maxErrors = maxErrors;
        this.files = formats.stream().map(LedgerFormat::info).toList();
    }

    /** Every split, in file-and-offset order; {@link Split#index()} is the position in this list. */
    public List<Split> splits() {
        return splits;
    }

    /** Reads one split into {@code aggregate} (a new, empty one), from its start. */
    public <A extends LedgerAggregate<A>> SplitResult<A> scan(Split split, A aggregate, LedgerStorage storage) {
        ScanUnit u = split.unit();
        return run(u, u.start(), u.speculative(), u.chunk() == 0 ? u.format().headerNewlines() : -1, aggregate, storage);
    }

    /** Reads a split again from a known record start, as {@link #misaligned} asked. */
    public <A extends LedgerAggregate<A>> SplitResult<A> rescan(Rescan rescan, A aggregate, LedgerStorage storage) {
        ScanUnit u = splits.get(rescan.index()).unit();
        return run(u, rescan.from(), false, rescan.newlinesBefore(), aggregate, storage);
    }

    private <A extends LedgerAggregate<A>> SplitResult<A> run(ScanUnit u, long from, boolean speculative, long newlinesBefore,
                                                            A aggregate, LedgerStorage storage) {
        ScanContext ctx = new ScanContext(filter, maxErrors, LedgerScan.DEFAULT_BUFFER_BYTES, codeMap, storage);
        UnitResult<A> r = new UnitScanner(ctx).scan(u, from, speculative, newlinesBefore, aggregate);
        return new SplitResult<>(r.aggregate, new Summary(r));
    }

    /**
     * The splits that must be read again: those whose speculative start differs from where the split
     * before them truly ended. {@code summaries} holds one summary per split, in split order (after any
     * earlier round's rescans replaced theirs). Empty when every split is aligned, or when a split before
     * any misaligned one already decides the outcome (a failure, too many errors).
     */
    public List<Rescan> misaligned(List<Summary> summaries) {
        check(summaries);
        List<Rescan> out = new ArrayList<>();
        long prevEnd = 0, newlinesBefore = 0, errors = 0;
        boolean certain = true; // false after a misaligned split, until the next file: what follows is a guess
        boolean blind = false;  // a guess rests on a read that stopped early: nothing more to check in this file
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            Summary r = summaries.get(i);
            if (s.chunk == 0) {
                certain = true;
                blind = false;
                newlinesBefore = s.headerNewlines;
            } else if (blind) {
                continue; // the next round, with the split before it read again, checks it
            } else if (r.actualStart != prevEnd) {
                // newlines before it are known only if everything before is; unknown (-1) is counted when asked
                out.add(new Rescan(i, prevEnd, certain ? newlinesBefore : -1));
                certain = false;
            }
            if (certain) {
                errors += r.errorCount;
                if (r.failure != null || r.tooManyErrors || errors > maxErrors) break;
            }
            // guessing on after a misaligned split: its rescan nearly always ends where this read ended, so
            // the splits after it can be checked (and rescanned) in the same round; the next round verifies.
            // A read that stopped early (too many errors, a failure) did not reach its end: no guess from it.
            if (!certain && (r.tooManyErrors || r.failure != null)) {
                blind = true;
                continue;
            }
            prevEnd = r.trueEnd;
            newlinesBefore += r.newlines;
        }
        return out;
    }

    /**
     * Puts the summaries and the merged aggregate together into what {@link LedgerScan#run} returns,
     * with the same checks in the same order.
     *
     * @throws LedgerInputException   a file could not be read
     * @throws TooManyErrorsException more than the allowed number of malformed lines
     */
    public <A> LedgerResult<A> result(A aggregate, List<Summary> summaries) {
        check(summaries);
        long lines = 0, accepted = 0, filtered = 0, errorCount = 0;
        List<LineError> errors = new ArrayList<>();
        LineNumbers lineNumbers = new LineNumbers();
        long prevEnd = 0, newlinesBefore = 0;
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            Summary r = summaries.get(i);
            if (s.chunk == 0) {
                newlinesBefore = s.headerNewlines;
            } else if (r.actualStart != prevEnd) {
                throw new IllegalStateException("split " + i + " of " + s.file + " starts at " + r.actualStart
                        + ", the split before it ends at " + prevEnd + ": rescan it first (misaligned)");
            }
            if (r.failure != null) {
                throw r.failureInput ? new LedgerInputException(Path.of(r.failureFile), r.failure)
                        : new IllegalStateException(r.failure);
            }
            errorCount += r.errorCount;
            for (UnitResult.PendingError e : r.errors) {
                if (errors.size() >= UnitResult.KEEP_ERRORS) break;
                errors.add(new LineError(Path.of(s.file), newlinesBefore + e.newlinesBefore() + 1, e.columnNumber(), e.column(), e.reason()));
            }
            if (r.tooManyErrors || errorCount > maxErrors) throw new TooManyErrorsException(maxErrors, errors);
            if (s.chunk > 0) lineNumbers.piece(s.file, r.actualStart, newlinesBefore);
            lines += r.lines;
            accepted += r.accepted;
            filtered += r.filtered;
            prevEnd = r.trueEnd;
            newlinesBefore += r.newlines;
        }
        if (files == null) throw new IllegalStateException("result() runs where the splits were planned");
        return new LedgerResult<>(aggregate, lines, accepted, filtered, errorCount, errors, files, lineNumbers);
    }

    private void check(List<Summary> summaries) {
        if (summaries.size() != splits.size()) {
            throw new IllegalArgumentException(summaries.size() + " summaries for " + splits.size() + " splits");
        }
        for (int i = 0; i < summaries.size(); i++) {
            if (summaries.get(i).index != i) throw new IllegalArgumentException("summaries must be in split order");
        }
    }

    /** Read split {@code index} again from byte {@code from}, with {@code newlinesBefore} newlines before it. */
    public record Rescan(int index, long from, long newlinesBefore) implements Serializable {}

    /** A split's aggregate and what the scan of it found. */
    public record SplitResult<A>(A aggregate, Summary summary) implements Serializable {}

    /** One piece of work: a byte range of a plain file, or a whole gzip file, and how to read that file. */
    public static final class Split implements Serializable {
        private static final long serialVersionUID = 1L;
        final int index;
        final int chunk;
        final long start;
        final long nominalEnd;
        final String file;
        final boolean gzip;
        final String charset;
        final boolean bom;
        final byte delimiter;
        final ArrayList<String> headers;
        final int[] columnOfSlot;
        final long dataStart;
        final long headerNewlines;
        final long size;
        final boolean crOnly;
        private transient ScanUnit unit;

        Split(ScanUnit u) {
            LedgerFormat f = u.format();
            index = u.index();
            chunk = u.chunk();
            start = u.start();
            nominalEnd = u.nominalEnd();
            file = f.file().toString();
            gzip = f.gzip();
            charset = f.charset().name();
            bom = f.bom();
            delimiter = f.delimiter();
            headers = new ArrayList<>(f.headers());
            columnOfSlot = f.columnOfSlot().clone();
            dataStart = f.dataStart();
            headerNewlines = f.headerNewlines();
            size = f.size();
            crOnly = f.crOnly();
            unit = u;
        }

        ScanUnit unit() {
            if (unit == null) {
                LedgerFormat f = new LedgerFormat(Path.of(file), gzip, Charset.forName(charset), bom, delimiter,
                        List.copyOf(headers), columnOfSlot.clone(), dataStart, headerNewlines, size, crOnly);
                unit = new ScanUnit(f, index, chunk, start, nominalEnd);
            }
            return unit;
        }

        /** Position in {@link LedgerSplits#splits()}. */
        public int index() { return index; }

        /** The file, as reports name it. */
        public String file() { return file; }

        /** 0 for a file's first split. */
        public int chunk() { return chunk; }

        public boolean gzip() { return gzip; }

        /** Where the split nominally starts (byte offset in the file; decompressed for gzip). */
        public long start() { return start; }

        /** Stored bytes this split roughly covers, for scheduling. */
        public long weight() {
            return gzip ? size : Math.min(nominalEnd, size) - start;
        }

        @Override
        public String toString() {
            return file + "#" + chunk + "@" + start;
        }
    }

    /** What reading one split found, without its aggregate: small, so a coordinator can collect them all. */
    public static final class Summary implements Serializable {
        private static final long serialVersionUID = 1L;
        final int index;
        final long actualStart;
        final long trueEnd;
        final long newlines;
        final long lines;
        final long accepted;
        final long filtered;
        final long errorCount;
        final ArrayList<UnitResult.PendingError> errors;
        final boolean tooManyErrors;
        final String failure;
        final boolean failureInput;
        final String failureFile;

        Summary(UnitResult<?> r) {
            index = r.unit.index();
            actualStart = r.actualStart;
            trueEnd = r.trueEnd;
            newlines = r.newlines;
            lines = r.lines;
            accepted = r.accepted;
            filtered = r.filtered;
            errorCount = r.errorCount;
            errors = new ArrayList<>(r.errors);
            tooManyErrors = r.tooManyErrors;
            RuntimeException f = r.failure;
            if (f == null) {
                failure = null;
                failureInput = false;
                failureFile = null;
            } else if (f instanceof LedgerInputException lie && lie.file() != null) {
                String prefix = lie.file() + ": ";
                String m = lie.getMessage();
                failure = m.startsWith(prefix) ? m.substring(prefix.length()) : m;
                failureInput = true;
                failureFile = lie.file().toString();
            } else {
                failure = f.getMessage() == null ? f.toString() : f.getMessage();
                failureInput = false;
                failureFile = null;
            }
        }

        /** Position of the split in {@link LedgerSplits#splits()}. */
        public int index() { return index; }

        /** Lines read (blank lines aside). */
        public long lines() { return lines; }
    }
}
