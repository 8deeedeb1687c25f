package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Channel;
import dev.vbp.domain.DeliveryStatus;

import dev.vbp.read.FieldParseException;
import dev.vbp.read.FieldParsers;
import dev.vbp.read.FieldType;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A worker's parser: turns the bytes of one {@link ScanUnit} into {@link LedgerLine}s and feeds an
 * aggregate. One instance per worker thread, reused for every unit it runs, so its buffer and intern
 * tables are allocated once.
 *
 * <p>The hot path works on a heap byte array holding a few MB of the file: a record is first cut into
 * fields (RFC 4180: quoted fields may hold delimiters, newlines and {@code ""}), then the bound fields
 * are parsed in place. No String is made per field; strings come from the intern tables.
 */
final class UnitScanner implements LedgerLine.GenericSource {
    /** A record longer than this is taken as a broken file (usually a quote that is never closed). */
    static final int MAX_RECORD_BYTES = 64 << 20;
    private static final int NEED_MORE = -1;
    /** Bytes after the data: the sentinel newline, then room for an 8-byte read that starts at the sentinel. */
    private static final int PAD = 9;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';
    private static final long QUOTES = ONES * '"';
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final int SLOW = -2;
    private static final String QUOTE_NEVER_CLOSED = "quoted field never closed";
    /** The same words as the small-dataset reader's, so a broken quote reads the same in every stack. */
    static final String QUOTE_NEVER_CLOSED_MESSAGE =
            "a quoted field is never closed (a \" without its closing \"), so the rest of the file cannot be read";

    private static final Object EMPTY = new Object();
    private static final Object INVALID_BYTES = new Object();
    private static final Object UNKNOWN = new Object();

    private final ScanContext ctx;
    private byte[] buf;
    private int lim;
    private long bufStart;
    private boolean eof;
    private LedgerSource source;
    private long storedReported;
    private long linesReported;

    // the fields of the current record
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private boolean anyEscaped;
    private int fieldCount;
    private int recordNewlines;
    private boolean terminated;
    private String recordProblem;

    // the current field's bytes after unescaping ""
    private byte[] fb;
    private int ff;
    private int ft;
    private byte[] scratch = new byte[256];

    // intern tables: [encoding][slot]; index 0 UTF-8, 1 GB18030
    private final InternTable[][] tables = new InternTable[2][Slots.COUNT];

    private final LedgerLine line = new LedgerLine();

    UnitScanner(ScanContext ctx) {
        this.ctx = ctx;
        this.buf = new byte[ctx.bufferBytes + PAD];
        line.lineCounter = ctx;
        line.genericSource = this;
    }

    /**
     * Runs one unit from {@code start}: if {@code speculative}, from just after the first newline at or
     * after {@code start}; otherwise {@code start} is a known record start.
     *
     * @param newlinesBefore newlines in the file before {@code start} when known, else -1
     */
    <A extends LedgerAggregate<A>> UnitResult<A> scan(ScanUnit unit, long start, boolean speculative,
                                                      long newlinesBefore, A aggregate) {
        UnitResult<A> r = new UnitResult<>(unit);
        r.aggregate = aggregate;
        r.errorsCounted = !speculative;
        LedgerFormat f = unit.format();
        source = null;
        storedReported = 0;
        linesReported = 0;
        try {
            run(unit, start, speculative, newlinesBefore, aggregate, r);
        } catch (StopScan e) {
            // the unit's own error limit, or the whole scan was cancelled
        } catch (LedgerInputException e) {
            r.failure = e;
        } catch (IOException e) {
            r.failure = new LedgerInputException(f.file(), "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // e.g. a sum that overflows: only thrown if this range proves correctly aligned
            r.failure = e;
        } finally {
            closeSource();
            flushProgress();
        }
        return r;
    }

    private static final class StopScan extends RuntimeException {
        StopScan() {
            super(null, null, false, false);
        }
    }

    // the unit being read
    private Charset charset;
    private boolean gb;
    private InternTable[] internTables;
    private int[] columnOfSlot;
    private int cDate, cInst, cProd, cGen, cQty, cPrice, cAmt, cChan, cCat, cDelivered, cStatus;

    private <A extends LedgerAggregate<A>> void run(ScanUnit unit, long start, boolean speculative, long newlinesBefore,
                                                    A aggregate, UnitResult<A> r) throws IOException {
        LedgerFormat f = unit.format();
        int enc = f.gb18030() ? 1 : 0;
        InternTable[] t = tables[enc];
        for (int s = 0; s < Slots.COUNT; s++) if (t[s] == null) t[s] = new InternTable();
        internTables = t;
        charset = f.charset();
        gb = f.gb18030();
        final byte delim = f.delimiter();
        final long delims = ONES * (delim & 0xFF);
        final int columns = f.headers().size();
        if (starts.length < columns + 1) {
            starts = new int[columns + 1];
            ends = new int[columns + 1];
            escaped = new boolean[columns + 1];
        }
        final int[] col = f.columnOfSlot();
        columnOfSlot = col;
        cDate = col[Slots.DATE];
        cInst = col[Slots.INSTITUTION];
        cProd = col[Slots.PRODUCT];
        cGen = col[Slots.GENERIC];
        cQty = col[Slots.QUANTITY];
        cPrice = col[Slots.UNIT_PRICE];
        cAmt = col[Slots.AMOUNT];
        cChan = col[Slots.CHANNEL];
        cCat = col[Slots.CATEGORY];
        cDelivered = col[Slots.DELIVERED];
        cStatus = col[Slots.DELIVERY_STATUS];
        final LineFilter filter = ctx.filter;
        final long nominalEnd = unit.nominalEnd();

        // position the reader
        lim = 0;
        eof = false;
        int pos = 0;
        if (f.gzip()) {
            source = LedgerSource.lineEnds(ctx.storage == null ? LedgerSource.gzip(f.file()) : LedgerSource.gzip(ctx.storage, f.file()),
                    f.crOnly());
            bufStart = 0;
            while (bufStart + lim < start) { // skip the header: the stream can only be read from the top
                if (!fill(lim)) throw new LedgerInputException(f.file(), "ends inside the header");
            }
            pos = (int) (start - bufStart);
        } else {
            long from = speculative ? start - 1 : start;
            source = LedgerSource.lineEnds(ctx.storage == null ? LedgerSource.plain(f.file(), from)
                    : LedgerSource.plain(ctx.storage, f.file(), from), f.crOnly());
            bufStart = from;
        }
        if (speculative) {
            while (true) {
                if (pos >= lim) {
                    boolean more = fill(pos);
                    pos = 0;
                    if (!more) break;
                }
                int i = pos;
                while (i < lim && buf[i] != '\n') i++;
                if (i < lim) {
                    pos = i + 1;
                    break;
                }
                pos = lim;
            }
        }
        r.actualStart = bufStart + pos;
        line.file = f.file();
        line.unitStart = r.actualStart;
        line.newlinesBeforeUnit = newlinesBefore;

        long newlines = 0;
        while (true) {
            if (pos >= lim) {
                boolean more = fill(pos);
                pos = 0;
                if (!more) break;
                continue;
            }
            if (bufStart + pos >= nominalEnd) break;
            int next = tokenizeFast(pos, delims, delim);
            if (next == SLOW) next = tokenize(pos, delim);
            if (next == NEED_MORE) {
                fill(pos); // at end of file the record is re-cut knowing nothing follows
                pos = 0;
                continue;
            }
            long recordLine = newlines;
            newlines += recordNewlines + (terminated ? 1 : 0);
            int recordStart = pos;
            pos = next;

            if (fieldCount != columns && recordProblem != QUOTE_NEVER_CLOSED) {
                if (fieldCount == 1 && ends[0] == starts[0] && recordProblem == null) continue; // blank line
                r.lines++;
                lineError(r, recordLine, null, recordProblem != null ? recordProblem
                        : "expected " + columns + " fields, found " + fieldCount);
                continue;
            }
            r.lines++;
            if (recordProblem == QUOTE_NEVER_CLOSED) {
                // Everything after the quote is one field: the rest of the file cannot be read. Reported (exit 3)
                // once this unit is known to start where the previous one ended.
                r.broken = new UnitResult.PendingError(recordLine, 0, null, QUOTE_NEVER_CLOSED_MESSAGE);
                break;
            }
            if (recordProblem != null) {
                lineError(r, recordLine, null, recordProblem);
                continue;
            }
            if (!parseLine(r, recordLine)) continue;
            LedgerLine l = line;
            l.offset = bufStart + recordStart;
            l.newlinesInUnit = recordLine;
            if (filter == null || filter.test(l)) {
                aggregate.add(l);
                r.accepted++;
            } else {
                r.filtered++;
            }
            if ((r.lines & 0xFFFF) == 0) flushLines(r.lines);
        }
        r.trueEnd = bufStart + pos;
        r.newlines = newlines;
        flushLines(r.lines);
    }

    private static final Category[] CATEGORIES = Category.values();

    /**
     * A code's tag in its intern table: the String's hash in the low 32 bits (what {@link String#hashCode}
     * gives, handed to the aggregates so they need not read the String), and above them the category its
     * national code says (ordinal + 1; 0 for none), so a line without a category column needs no look at
     * the code either.
     */
    private static long codeTag(String code) {
        Category c = categoryOfCode(code);
        return (c == null ? 0L : (long) (c.ordinal() + 1) << 32) | (code.hashCode() & 0xFFFFFFFFL);
    }

    private static Category categoryOfTag(long tag) {
        int c = (int) (tag >>> 32);
        return c == 0 ? null : CATEGORIES[c - 1];
    }

    /**
     * Without a category column, a national code says it: consumable codes start with C, drug codes with
     * X, Z or T (docs/rules.md, Units, identity and codes). Local codes say nothing, and stay without a category.
     */
    private static Category categoryOfCode(String code) {
        if (code.length() < 20) return null;
        return switch (code.charAt(0)) {
            case 'C' -> Category.CONSUMABLE;
            case 'X', 'Z', 'T' -> Category.DRUG;
            default -> null;
        };
    }

    /** Parses the bound fields of the current record into {@link #line}; false (and an error) if one is bad. */
    private boolean parseLine(UnitResult<?> r, long recordLine) {
        load(cDate);
        int date = ByteParsers.parseDate(fb, ff, ft, gb);
        if (date == ByteParsers.BAD_DATE) date = dateByRules();
        if (date == ByteParsers.BAD_DATE) {
            lineError(r, recordLine, Slots.DATE, ByteParsers.dateProblem(fb, ff, ft));
            return false;
        }
        load(cQty);
        long qty = ByteParsers.parseScaled(fb, ff, ft);
        if (qty == ByteParsers.BAD_NUMBER) qty = numberByRules();
        if (qty == ByteParsers.BAD_NUMBER || qty == NO_NUMBER) {
            lineError(r, recordLine, Slots.QUANTITY, qty == NO_NUMBER ? "empty" : ByteParsers.numberProblem(fb, ff, ft));
            return false;
        }
        long amt = 0; // a ledger without amounts serves quantity-only analyses
        if (cAmt >= 0) {
            load(cAmt);
            amt = ByteParsers.parseScaled(fb, ff, ft);
            if (amt == ByteParsers.BAD_NUMBER) amt = numberByRules();
            if (amt == ByteParsers.BAD_NUMBER || amt == NO_NUMBER) {
                lineError(r, recordLine, Slots.AMOUNT, amt == NO_NUMBER ? "empty" : ByteParsers.numberProblem(fb, ff, ft));
                return false;
            }
        }
        boolean hasPrice = false;
        long price = 0;
        if (cPrice >= 0) {
            load(cPrice);
            trim();
            if (ft > ff) {
                price = ByteParsers.parseScaled(fb, ff, ft);
                if (price == ByteParsers.BAD_NUMBER) price = numberByRules();
                if (price == ByteParsers.BAD_NUMBER) {
                    lineError(r, recordLine, Slots.UNIT_PRICE, ByteParsers.numberProblem(fb, ff, ft));
                    return false;
                }
                hasPrice = price != NO_NUMBER; // '-' or '/': no price given
                if (!hasPrice) price = 0;
            }
        }
        InternTable[] t = internTables;
        String inst = internCode(t[Slots.INSTITUTION], cInst, Kind.CODE);
        if (inst == null) {
            lineError(r, recordLine, Slots.INSTITUTION, codeProblem(refusedCode));
            return false;
        }
        int instHash = (int) codeTag;
        int instEntry = codeEntry;
        String prod = internCode(t[Slots.PRODUCT], cProd, Kind.PRODUCT);
        if (prod == null) {
            lineError(r, recordLine, Slots.PRODUCT, codeProblem(refusedCode));
            return false;
        }
        long prodTag = codeTag;
        Object chan = cChan < 0 ? null : intern(t[Slots.CHANNEL], cChan, Kind.CHANNEL);
        if (cChan >= 0 && !(chan instanceof Channel)) {
            lineError(r, recordLine, Slots.CHANNEL,
                    chan == EMPTY ? "empty" : "unknown channel (expected e.g. 线上/线下, online/offline)");
            return false;
        }
        Object cat = null;
        if (cCat >= 0) {
            cat = intern(t[Slots.CATEGORY], cCat, Kind.CATEGORY);
            if (cat == EMPTY) {
                cat = null;
            } else if (!(cat instanceof Category)) {
                lineError(r, recordLine, Slots.CATEGORY, "unknown category (expected e.g. 药品/耗材/中药饮片/院内制剂, drug/consumable)");
                return false;
            }
        }
        if (cat == null) cat = categoryOfTag(prodTag);
        boolean hasDelivered = false;
        long delivered = 0;
        if (cDelivered >= 0 || cStatus >= 0) {
            // A quantity says how much; a status says all or nothing. With both, the quantity wins where given.
            if (cDelivered >= 0) {
                load(cDelivered);
                trim();
                if (ft > ff) {
                    delivered = ByteParsers.parseScaled(fb, ff, ft);
                    if (delivered == ByteParsers.BAD_NUMBER) delivered = numberByRules();
                    if (delivered == ByteParsers.BAD_NUMBER) {
                        lineError(r, recordLine, Slots.DELIVERED, ByteParsers.numberProblem(fb, ff, ft));
                        return false;
                    }
                    hasDelivered = delivered != NO_NUMBER;
                    if (!hasDelivered) delivered = 0;
                }
            }
            if (!hasDelivered && cStatus >= 0) {
                Object status = intern(t[Slots.DELIVERY_STATUS], cStatus, Kind.DELIVERY);
                if (status instanceof DeliveryStatus d) {
                    hasDelivered = true;
                    delivered = d == DeliveryStatus.DELIVERED ? qty : 0;
                } else if (status != EMPTY) {
                    lineError(r, recordLine, Slots.DELIVERY_STATUS,
                            "unknown delivery status (expected e.g. 已配送/未配送, delivered/undelivered; a partial delivery needs a delivered quantity)");
                    return false;
                }
            }
        }
        LedgerLine l = line;
        l.date = date;
        l.institution = inst;
        l.institutionHash = instHash;
        l.hashedInstitution = inst;
        l.institutionIds = t[Slots.INSTITUTION];
        l.institutionId = instEntry;
        l.product = prod;
        l.productHash = (int) prodTag;
        l.hashedProduct = prod;
        l.generic = null;
        l.genericKnown = cGen < 0;
        l.quantity = qty;
        l.amount = amt;
        l.unitPrice = price;
        l.hasUnitPrice = hasPrice;
        l.channel = (Channel) chan;
        l.category = (Category) cat;
        l.delivered = delivered;
        l.hasDelivered = hasDelivered;
        return true;
    }

    /** A number the cell rules read as "no value" ({@code -}, {@code —}, {@code /}). */
    private static final long NO_NUMBER = Long.MIN_VALUE + 1;

    /**
     * The slow path for a number the byte parser refused: the reading layer's cell rules, as for every other
     * dataset (¥ and 元, full-width digits, thousands separators, accounting brackets, {@code -} for none).
     * {@link ByteParsers#BAD_NUMBER} when they refuse it too or it has more than four decimals.
     */
    private long numberByRules() {
        Object v;
        try {
            v = FieldParsers.parse(FieldType.SIGNED_DECIMAL, fieldText());
        } catch (FieldParseException e) {
            return ByteParsers.BAD_NUMBER;
        }
        if (v == null) return NO_NUMBER;
        try {
            long x = ((BigDecimal) v).setScale(ByteParsers.SCALE).unscaledValue().longValueExact();
            return x == ByteParsers.BAD_NUMBER || x == NO_NUMBER ? ByteParsers.BAD_NUMBER : x;
        } catch (ArithmeticException e) {
            return ByteParsers.BAD_NUMBER;
        }
    }

    /** The slow path for a date: the cell rules' spellings (full-width digits, Excel day numbers ...). */
    private int dateByRules() {
        try {
            Object v = FieldParsers.parse(FieldType.DATE, fieldText());
            if (!(v instanceof LocalDate d) || d.getYear() < 1900) return ByteParsers.BAD_DATE;
            return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
        } catch (FieldParseException e) {
            return ByteParsers.BAD_DATE;
        }
    }

    /** The current field as text, bad bytes replaced (only for the rare slow path). */
    private String fieldText() {
        return new String(fb, ff, ft - ff, charset);
    }

    private String codeProblem(Object decoded) {
        if (decoded == EMPTY) return "empty";
        if (decoded instanceof Refused refused) return refused.reason();
        return "bytes not valid " + charset.name();
    }

    /** A cell the cell rules refused, with their reason. */
    private record Refused(String reason) {}

    // ---------------------------------------------------------------------------------------------------
    // Reading

    /**
     * Keeps {@code buf[keepFrom, lim)}, moves it to the front and reads more behind it, growing the buffer
     * when a single record fills it. False at end of file with nothing new read.
     */
    private boolean fill(int keepFrom) throws IOException {
        if (ctx.cancelled) throw new StopScan();
        int cap = buf.length - PAD;
        if (keepFrom == 0 && lim == cap) {
            if (cap >= MAX_RECORD_BYTES) {
                throw new LedgerInputException(line.file, "a line at byte offset " + bufStart
                        + " is longer than " + (MAX_RECORD_BYTES >> 20) + " MB (a quote that is never closed?)");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_RECORD_BYTES, cap * 2) + PAD);
            cap = buf.length - PAD;
        } else if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, lim - keepFrom);
            bufStart += keepFrom;
            lim -= keepFrom;
        }
        if (eof) {
            buf[lim] = '\n';
            return false;
        }
        int n = source.read(buf, lim, cap - lim);
        if (n < 0) {
            eof = true;
            buf[lim] = '\n';
            return false;
        }
        lim += n;
        buf[lim] = '\n'; // sentinel: stops the unquoted-field scan without a bounds check
        flushProgress();
        return true;
    }

    private void flushProgress() {
        if (source == null) return;
        long stored = source.storedBytesRead();
        ctx.storedBytesDone.addAndGet(stored - storedReported);
        storedReported = stored;
    }

    private void flushLines(long lines) {
        ctx.linesDone.addAndGet(lines - linesReported);
        linesReported = lines;
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException ignored) {
                // read-only file; nothing was written that closing could lose
            }
        }
    }

    /** High bit set in exactly the bytes of {@code x} that are zero (no false positives, unlike the usual trick). */
    private static long zeroBytes(long x) {
        return ~(((x & LOWS) + LOWS) | x | LOWS);
    }

    /**
     * The common case: a record without quotes that ends inside the buffer. Reads 8 bytes at a time and
     * takes every delimiter of a word from one bit mask. Returns the offset past the record, or {@link #SLOW}
     * when the record has a quote or reaches the end of the buffer ({@link #tokenize} then does it).
     */
    private int tokenizeFast(int p, long delims, byte delim) {
        final byte[] b = buf;
        final int[] st = starts;
        final int[] en = ends;
        final int max = st.length;
        int f = 0;
        int fs = p;
        int q = p;
        while (true) {
            long w = (long) LONGS.get(b, q);
            long md = zeroBytes(w ^ delims);
            long other = zeroBytes(w ^ NEWLINES) | zeroBytes(w ^ QUOTES);
            if (other != 0) md &= (other & -other) - 1; // only the delimiters before the newline or quote
            while (md != 0) {
                int at = q + (Long.numberOfTrailingZeros(md) >>> 3);
                if (f < max) {
                    st[f] = fs;
                    en[f] = at;
                }
                f++;
                fs = at + 1;
                md &= md - 1;
            }
            if (other != 0) {
                int at = q + (Long.numberOfTrailingZeros(other) >>> 3);
                if (b[at] == '"' || at >= lim) return SLOW;
                int fe = at;
                if (fe > fs && b[fe - 1] == '\r') fe--;
                if (f < max) {
                    st[f] = fs;
                    en[f] = fe;
                }
                anyEscaped = false;
                recordProblem = null;
                return finish(f + 1, 0, true, at + 1);
            }
            q += 8;
        }
    }

    /**
     * Cuts the record starting at {@code p} into fields. Returns the offset just past the record (past its
     * newline), or {@link #NEED_MORE} when the buffer ends first and more bytes may follow. At end of file an
     * unterminated last record ends at {@code lim}.
     */
    private int tokenize(int p, byte delim) {
        final byte[] b = buf;
        final int lim = this.lim;
        final int max = starts.length;
        final long delims = ONES * (delim & 0xFF);
        int f = 0;
        int nl = 0;
        recordProblem = null;
        anyEscaped = false;
        while (true) {
            int fs = p;
            byte c = b[p];
            if (c != '"') {
                // 8 bytes at a time: the first delimiter or newline (the sentinel at lim stops the search)
                while (true) {
                    long w = (long) LONGS.get(b, p);
                    long x = w ^ delims;
                    long y = w ^ NEWLINES;
                    long hit = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
                    if (hit != 0) {
                        p += Long.numberOfTrailingZeros(hit) >>> 3;
                        break;
                    }
                    p += 8;
                }
                c = b[p];
                if (p >= lim) {
                    if (!eof) return NEED_MORE;
                    int fe = lim;
                    if (fe > fs && b[fe - 1] == '\r') fe--;
                    if (f < max) store(f, fs, fe, false);
                    return finish(f + 1, nl, false, lim);
                }
                if (c == delim) {
                    if (f < max) store(f, fs, p, false);
                    f++;
                    p++;
                    continue;
                }
                int fe = p;
                if (fe > fs && b[fe - 1] == '\r') fe--;
                if (f < max) store(f, fs, fe, false);
                return finish(f + 1, nl, true, p + 1);
            }
            // quoted field
            int cs = ++p;
            boolean esc = false;
            int ce;
            while (true) {
                while (p < lim && b[p] != '"') {
                    if (b[p] == '\n') nl++;
                    p++;
                }
                if (p >= lim) {
                    if (!eof) return NEED_MORE;
                    if (f < max) store(f, cs, lim, esc);
                    recordProblem = QUOTE_NEVER_CLOSED;
                    return finish(f + 1, nl, false, lim);
                }
                if (p + 1 >= lim && !eof) return NEED_MORE;
                if (p + 1 < lim && b[p + 1] == '"') {
                    esc = true;
                    p += 2;
                    continue;
                }
                ce = p;
                p++;
                break;
            }
            c = p < lim ? b[p] : (byte) '\n';
            if (c == '\r') {
                if (p + 1 >= lim && !eof) return NEED_MORE;
                if (p + 1 >= lim || b[p + 1] == '\n') c = b[++p];
            }
            if (c == delim) {
                if (f < max) store(f, cs, ce, esc);
                f++;
                p++;
                continue;
            }
            if (c == '\n') {
                if (f < max) store(f, cs, ce, esc);
                if (p >= lim) return finish(f + 1, nl, false, lim);
                return finish(f + 1, nl, true, p + 1);
            }
            // text after the closing quote: keep the record's shape, report the line
            recordProblem = "text after a closing quote";
            while (c != delim && c != '\n') c = b[++p];
            if (p >= lim) {
                if (!eof) return NEED_MORE;
                if (f < max) store(f, cs, ce, esc);
                return finish(f + 1, nl, false, lim);
            }
            if (f < max) store(f, cs, ce, esc);
            if (c == delim) {
                f++;
                p++;
                continue;
            }
            return finish(f + 1, nl, true, p + 1);
        }
    }

    private void store(int f, int s, int e, boolean esc) {
        starts[f] = s;
        ends[f] = e;
        escaped[f] = esc;
        if (esc) anyEscaped = true;
    }

    private int finish(int fields, int newlines, boolean terminated, int next) {
        this.fieldCount = fields;
        this.recordNewlines = newlines;
        this.terminated = terminated;
        return next;
    }

    // ---------------------------------------------------------------------------------------------------
    // Fields

    /** Points fb/ff/ft at column {@code c}'s content, with {@code ""} turned into {@code "}. */
    private void load(int c) {
        int s = starts[c];
        int e = ends[c];
        if (!anyEscaped || !escaped[c]) {
            fb = buf;
            ff = s;
            ft = e;
            return;
        }
        if (scratch.length < e - s + 8) scratch = new byte[Math.max(e - s + 8, scratch.length * 2)];
        int n = 0;
        for (int i = s; i < e; i++) {
            scratch[n++] = buf[i];
            if (buf[i] == '"') i++; // the second quote of a "" pair
        }
        fb = scratch;
        ff = 0;
        ft = n;
    }

    private void trim() {
        while (ff < ft && ByteParsers.isBlank(fb[ff])) ff++;
        while (ft > ff && ByteParsers.isBlank(fb[ft - 1])) ft--;
    }

    private enum Kind { CODE, PRODUCT, TEXT, CHANNEL, CATEGORY, DELIVERY }

    @Override
    public String generic() {
        Object v = intern(internTables[Slots.GENERIC], cGen, Kind.TEXT);
        return v instanceof String s ? s : null;
    }

    /** Why the last {@link #internCode} gave null: EMPTY, INVALID_BYTES or a {@link Refused}. */
    private Object refusedCode;
    /** The tag ({@link #codeTag}) of the code the last {@link #internCode} gave. */
    private long codeTag;
    /** The table entry of the code the last {@link #internCode} gave; -1 when the table is full. */
    private int codeEntry;

    /**
     * Column {@code c} as a canonical code, decoding only the first time these bytes are seen; null when
     * it is no code ({@link #refusedCode} says why). Sets {@link #codeTag}. Reads only the table, never the
     * String itself: with thousands of codes in random order, each object touched is a cache miss.
     */
    private String internCode(InternTable table, int c, Kind kind) {
        load(c); // not trimmed: " H1" and "H1" are two entries that decode to the same canonical string
        int k = table.find(fb, ff, ft);
        if (k >= 0) {
            String s = table.string(k);
            if (s != null) {
                codeTag = table.tag(k);
                codeEntry = k;
                return s;
            }
            refusedCode = table.value(k);
            return null;
        }
        Object v = decode(kind);
        if (v instanceof String s) {
            codeTag = codeTag(s);
            codeEntry = table.add(fb, ff, ft, s, codeTag);
            return s;
        }
        table.add(fb, ff, ft, v, 0);
        refusedCode = v;
        return null;
    }

    /** The decoded value of column {@code c}, decoding only the first time these bytes are seen. */
    private Object intern(InternTable table, int c, Kind kind) {
        load(c);
        int k = table.find(fb, ff, ft);
        if (k >= 0) return table.value(k);
        Object v = decode(kind);
        table.add(fb, ff, ft, v, 0);
        return v;
    }

    private Object decode(Kind kind) {
        if (ft == ff) return EMPTY;
        String s;
        try {
            s = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(fb, ff, ft - ff)).toString();
        } catch (CharacterCodingException e) {
            if (kind != Kind.TEXT) return INVALID_BYTES;
            s = new String(fb, ff, ft - ff, charset); // free text: keep it, with U+FFFD for the bad bytes
        }
        switch (kind) {
            case CODE: {
                String code;
                try {
                    code = LedgerValues.code(s);
                } catch (FieldParseException e) {
                    return new Refused(e.getMessage());
                }
                return code == null ? EMPTY : ctx.canonical(code);
            }
            case PRODUCT: {
                String code;
                try {
                    code = LedgerValues.code(s);
                } catch (FieldParseException e) {
                    return new Refused(e.getMessage());
                }
                if (code == null) return EMPTY;
                return ctx.canonical(ctx.codeMap.isOld(code) ? ctx.codeMap.translate(code) : code);
            }
            case TEXT: {
                String text = LedgerValues.text(s);
                return text == null ? EMPTY : ctx.canonical(text);
            }
            case CHANNEL: {
                Channel ch = LedgerValues.channel(s);
                return ch == null ? (LedgerValues.isEmpty(s) ? EMPTY : UNKNOWN) : ch;
            }
            case DELIVERY: {
                DeliveryStatus d = LedgerValues.deliveryStatus(s);
                return d == null ? (LedgerValues.isEmpty(s) ? EMPTY : UNKNOWN) : d;
            }
            default: {
                Category cat = LedgerValues.category(s);
                return cat == null ? (LedgerValues.isEmpty(s) ? EMPTY : UNKNOWN) : cat;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Errors

    /** Errors a speculative read goes on past, whatever the limit (see {@link #lineError}). */
    static final long SPECULATIVE_ERRORS = 100;

    private void lineError(UnitResult<?> r, long recordLine, int slot, String reason) {
        String value = shown();
        lineError(r, recordLine, columnOfSlot[slot] + 1, Slots.name(slot), value.isEmpty() ? reason : reason + ": '" + value + "'");
    }

    private void lineError(UnitResult<?> r, long recordLine, String column, String reason) {
        lineError(r, recordLine, 0, column, reason);
    }

    private void lineError(UnitResult<?> r, long recordLine, int columnNumber, String column, String reason) {
        r.error(recordLine, columnNumber, column, reason);
        if (r.errorsCounted) {
            if (ctx.certainErrors.incrementAndGet() > ctx.maxErrors) {
                ctx.cancelled = true;
                r.tooManyErrors = true;
                throw new StopScan();
            }
        } else if (r.errorCount > Math.max(ctx.maxErrors, SPECULATIVE_ERRORS)) {
            // A speculative start may sit inside a quoted newline and read a few garbage lines before it finds
            // its feet; stopping at the first of them would leave no true end for the splits after it to be
            // checked against. The limit itself is applied where the splits' errors are added up.
            r.tooManyErrors = true;
            throw new StopScan();
        }
    }

    /** The field as text for an error message, cut to a readable length. */
    private String shown() {
        String s = new String(fb, ff, ft - ff, charset).strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
