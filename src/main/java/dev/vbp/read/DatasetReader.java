package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import dev.vbp.domain.Codes;
import dev.vbp.read.workbook.WorkbookException;
import dev.vbp.read.workbook.WorkbookFormat;
import dev.vbp.read.workbook.Workbooks;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one file of a dataset into typed rows: the one front end of every dataset but purchase ledgers (which go
 * through the byte-level engine in {@code engine.ledger} by the same rules). {@link #read} keeps every row, for
 * the small datasets (bids, institutions ...); {@link #stream} hands each row on as it is decoded and keeps none,
 * for reference files whose analyses need only aggregates (a baseline of millions of prices). Both make two
 * passes over the bytes through small buffers: {@link TextSniffer} decides encoding and delimiter, then the text
 * is decoded and parsed incrementally ({@code .gz} files are read through gzip).
 *
 * <p>A file that cannot be read at all (encoding, header, unbalanced quotes, empty) throws
 * {@link BadInputException}; a bad row becomes a {@link Reject} and reading goes on.
 */
public final class DatasetReader {
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)|line: (\\d+)");

    private DatasetReader() {}

    public static ReadResult read(Path file, Dataset dataset, ReadSettings settings) {
        return read(new InputSource.Opened(file, file.toString(), InputSource.Positions.LINES), dataset, settings);
    }

    /**
     * Reads what {@link InputSource#open} opened, naming it as the user did. In the shell, a file read before
     * and unchanged on disk is not read again ({@link ParsedFiles}).
     */
    public static ReadResult read(InputSource.Opened opened, Dataset dataset, ReadSettings settings) {
        return ParsedFiles.get(opened.file(), dataset, settings, () -> readFile(opened, dataset, settings));
    }

    private static ReadResult readFile(InputSource.Opened opened, Dataset dataset, ReadSettings settings) {
        Path file = opened.file();
        WorkbookFormat workbook = detectWorkbook(file);
        if (workbook != null) return SheetReading.read(file, workbook, dataset, settings);
        Collected collected = new Collected(Integer.MAX_VALUE);
        return collected.result(parse(() -> FileBytes.open(file), opened.name(), dataset, settings, collected));
    }

    /** A workbook by its content (.xlsx, .xls, an HTML table under any name), or null for text. */
    static WorkbookFormat detectWorkbook(Path file) {
        try {
            return Workbooks.detect(file);
        } catch (WorkbookException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    public static ReadResult read(byte[] bytes, String source, Dataset dataset, ReadSettings settings) {
        Collected collected = new Collected(Integer.MAX_VALUE);
        ReadSummary summary = parse(() -> new java.io.ByteArrayInputStream(bytes), source, dataset, settings, collected);
        return collected.result(summary);
    }

    /**
     * Reads a file row by row, handing each accepted row to {@code rows} as it is decoded, in file order, and
     * keeping none: memory stays flat whatever the file's length. The same rules, rejects, warnings and errors as
     * {@link #read}; only the first {@code keep} rejects and warnings are kept (all are counted). A file that
     * cannot be read at all throws {@link BadInputException}, possibly after some rows were handed over.
     * Workbooks are converted whole, as {@link #read} does, and their rows handed over after; in the shell
     * ({@link ParsedFiles} on) a file kept parsed is not read again, and one small enough is kept.
     */
    public static ReadSummary stream(InputSource.Opened opened, Dataset dataset, ReadSettings settings, int keep,
                                     Consumer<Row> sink) {
        Path file = opened.file();
        WorkbookFormat workbook = detectWorkbook(file);
        if (workbook != null || ParsedFiles.keeps(file)) {
            ReadResult whole = read(opened, dataset, settings);
            whole.rows().forEach(sink);
            return ReadSummary.of(whole, keep);
        }
        String source = opened.name();
        Collected collected = new Collected(keep) {
            @Override public void row(Row row) {
                count();
                sink.accept(row);
            }
        };
        return parse(() -> FileBytes.open(file), source, dataset, settings, collected);
    }

    /** Where the rows, rejects and warnings of one pass go. */
    private static class Collected {
        private final int keep;
        final List<Row> rows = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        long rowCount, rejectCount, warningCount;

        Collected(int keep) { this.keep = keep; }

        void row(Row row) {
            count();
            rows.add(row);
        }

        final void count() { rowCount++; }

        final void reject(Reject reject) {
            if (rejectCount++ < keep) rejects.add(reject);
        }

        final void warning(String warning) {
            if (warningCount++ < keep) warnings.add(warning);
        }

        ReadResult result(ReadSummary s) {
            return new ReadResult(s.dataset(), s.source(), s.charset(), s.delimiter(), s.binding(), rows, rejects, warnings);
        }
    }

    private static ReadSummary parse(TextSniffer.ByteSource bytes, String source, Dataset dataset, ReadSettings settings,
                                     Collected out) {
        HeaderBinding binding;
        TextSniffer.Sniffed sniffed;
        try {
            sniffed = TextSniffer.sniff(bytes, settings.charset(), settings.delimiter(), source);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read the file (" + e.getMessage() + ")");
        }
        char delimiter = sniffed.delimiter();
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        LineTrackingReader lines = null;
        try (InputStream in = bytes.open()) {
            if (sniffed.bom()) in.skipNBytes(3);
            Reader text = new InputStreamReader(in, sniffed.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            String blank = leadingBlank(text);
            if (blank == null) {
                throw new BadInputException(source + ": the file is empty; expected a header line and rows of " + dataset.id());
            }
            lines = new LineTrackingReader(blank, text);
            binding = parseRecords(lines, format, source, dataset, settings, delimiter, out);
        } catch (UncheckedIOException | IOException e) {
            if (lines == null) throw new BadInputException(source + ": cannot read the file (" + e.getMessage() + ")");
            throw new BadInputException(source + describeParseFailure(e));
        }
        if (out.rowCount == 0 && out.rejectCount == 0) {
            throw new BadInputException(source + ": the file has a header but no rows");
        }
        return new ReadSummary(dataset, source, sniffed.charset(), delimiter, binding, out.rowCount, out.rejectCount,
                List.copyOf(out.rejects), out.warningCount, List.copyOf(out.warnings));
    }

    /**
     * The whitespace the text starts with, read up to and including its first other character (to be handed to
     * the parser first), or null when the text is only whitespace: a blank file is an empty file.
     */
    private static String leadingBlank(Reader text) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = text.read()) >= 0; ) {
            b.append((char) c);
            if (!Character.isWhitespace((char) c)) return b.toString();
        }
        return null;
    }

    private static HeaderBinding parseRecords(LineTrackingReader lines, CSVFormat format, String source, Dataset dataset,
                                              ReadSettings settings, char delimiter, Collected out) throws IOException {
        HeaderBinding binding;
        try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new BadInputException(source + ": the file is empty; expected a header line and rows of " + dataset.id());
            }
            HeaderMapping mapping = settings.mappingFor(dataset);
            Map<String, String> mapped = mapping.appliesTo(dataset) ? mapping.columns() : Map.of();
            Map<String, String> given = new java.util.LinkedHashMap<>();
            if (mapping.appliesTo(dataset)) given.putAll(mapping.fixedValues()); // a mapping file's set:
            given.putAll(settings.fixedValues()); // --set wins
            Map<String, Object> fixed = fixedValues(dataset, given);
            // Title rows above the header: the header is the row named by --header-row, else the first of the
            // first rows that binds the required columns, else the first row (whose error says what was found).
            List<CSVRecord> head = new ArrayList<>();
            List<Long> headLines = new ArrayList<>();
            int chosen = -1;
            int limit = settings.headerRow() != null ? settings.headerRow() : MAX_TITLE_ROWS;
            while (records.hasNext() && head.size() < limit) {
                CSVRecord r = records.next();
                head.add(r);
                headLines.add(lines.lineAt(r.getCharacterPosition()));
                if (settings.headerRow() == null && HeaderBinding.binds(dataset, r.toList(), mapped, Set.of(), fixed.keySet())) {
                    chosen = head.size() - 1;
                    break;
                }
            }
            if (settings.headerRow() != null) {
                if (head.size() < settings.headerRow()) {
                    throw new BadInputException(source + ": --header-row " + settings.headerRow() + ", but the file has only "
                            + head.size() + " non-empty lines");
                }
                chosen = settings.headerRow() - 1;
            }
            if (chosen < 0) chosen = 0;
            binding = HeaderBinding.bind(dataset, head.get(chosen).toList(), mapped, Set.of(), fixed.keySet(), source, headLines.get(chosen));
            RowParser rowParser = new RowParser(dataset, binding, settings, source, delimiter, fixed);
            for (int i = chosen + 1; i < head.size(); i++) rowParser.parse(head.get(i), headLines.get(i), out);
            head.clear();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                rowParser.parse(record, lines.lineAt(record.getCharacterPosition()), out);
            }
        }
        return binding;
    }

    /** Rows looked through for the header when the user names none. */
    static final int MAX_TITLE_ROWS = 20;

    /**
     * {@code --set COLUMN=VALUE}: each value parsed once by its column's rules, for a column the file lacks.
     * Columns this dataset does not have are for the command's other datasets (the CLI checks that each
     * names a column of some dataset).
     *
     * @throws BadInputException for a value the column's rules refuse
     */
    static Map<String, Object> fixedValues(Dataset dataset, Map<String, String> given) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (var e : given.entrySet()) {
            Field field = dataset.fields().stream().filter(f -> f.name().equals(e.getKey())).findFirst().orElse(null);
            if (field == null) continue;
            try {
                out.put(field.name(), FieldParsers.parse(field.type(), e.getValue()));
            } catch (FieldParseException x) {
                throw new BadInputException("set " + e.getKey() + "=" + e.getValue() + ": " + x.getMessage());
            }
        }
        return out;
    }

    private static String describeParseFailure(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = START_LINE.matcher(message);
        String line = m.find() ? ":" + (m.group(1) != null ? m.group(1) : m.group(2)) : "";
        if (message.contains("EOF reached before encapsulated token finished")) {
            return line + ": a quoted field is never closed (a \" without its closing \"), so the rest of the file cannot be read";
        }
        if (message.contains("between encapsulated token and delimiter")) {
            return line + ": text after a closing quote; expected a delimiter or the end of the line";
        }
        return line + ": cannot parse the file (" + message + ")";
    }

    /** Longest cell read. */
    static final int MAX_CELL = 10_000;

    /** Turns the cells of one record into a typed row or a reject. */
    private static final class RowParser {
        private final Dataset dataset;
        private final HeaderBinding binding;
        private final ReadSettings settings;
        private final String source;
        private final List<Field> fields;
        private final char delimiter;

        private final Map<String, Object> fixed;
        private final boolean countGiven;
        private final Set<String> notes = new java.util.HashSet<>();

        RowParser(Dataset dataset, HeaderBinding binding, ReadSettings settings, String source, char delimiter,
                  Map<String, Object> fixed) {
            this.fixed = fixed;
            this.delimiter = delimiter;
            this.dataset = dataset;
            this.binding = binding;
            this.settings = settings;
            this.source = source;
            this.fields = dataset.fields();
            this.countGiven = !dataset.fields().stream().anyMatch(f -> f.name().equals("pack_count"))
                    || binding.has("pack_count") || fixed.get("pack_count") != null;
        }

        void parse(CSVRecord record, long line, Collected out) {
            if (record.stream().allMatch(String::isBlank)) return; // Excel's empty rows (",,,,") are blank lines
            int expected = binding.headerCount();
            if (record.size() < expected || record.size() > expected && !extraCellsEmpty(record, expected)) {
                out.reject(new Reject(source, line, 0, null,
                        "expected " + expected + " fields, found " + record.size(), raw(record)));
                return;
            }
            Object[] values = new Object[fields.size()];
            for (int f = 0; f < fields.size(); f++) {
                int c = binding.column(f);
                Field field = fields.get(f);
                if (c < 0) {
                    values[f] = fixed.get(field.name()); // --set: a fixed value for a column the file lacks
                    continue;
                }
                String cell = record.get(c);
                if (cell.length() > MAX_CELL) { // no real cell is this long: a quote left open, or not the file meant
                    out.reject(new Reject(source, line, c + 1, field.name(), String.format(
                            "a cell of %,d characters; at most %,d are read", cell.length(), MAX_CELL), raw(record)));
                    return;
                }
                Object value;
                try {
                    value = FieldParsers.parse(field.type(), cell);
                } catch (FieldParseException e) {
                    out.reject(new Reject(source, line, c + 1, field.name(), e.getMessage(), raw(record)));
                    return;
                }
                if (value instanceof String code && field.isProductCode() && settings.codeMap().isOld(code)) {
                    value = settings.codeMap().translate(code);
                }
                if (value == null && field.required() && !givenOtherwise(field)) {
                    out.reject(new Reject(source, line, c + 1, field.name(),
                            "required value is empty (column '" + binding.header(c) + "')", raw(record)));
                    return;
                }
                if (value != null && field.type() == FieldType.MEDICAL_CODE && settings.codeCheck() != ReadSettings.CodeCheck.OFF) {
                    Codes.Check check = Codes.check((String) value);
                    if (!check.isValid()) {
                        if (settings.codeCheck() == ReadSettings.CodeCheck.REJECT) {
                            out.reject(new Reject(source, line, c + 1, field.name(), check.reason(), raw(record)));
                            return;
                        }
                        out.warning(source + ":" + line + ":" + (c + 1) + ": " + field.name() + ": " + check.reason());
                    }
                }
                values[f] = value;
            }
            Row row = new Row(dataset, values, source, line);
            RowRules.Problem problem = RowRules.check(dataset, row);
            if (problem != null) {
                int c = binding.column(dataset.indexOf(problem.field()));
                out.reject(new Reject(source, line, c + 1, problem.field(), problem.reason(), raw(record)));
                return;
            }
            UnitPrices.Completed priced = UnitPrices.complete(dataset, row, countGiven);
            if (priced.problem() != null) {
                int c = binding.column(dataset.indexOf(priced.problem().field()));
                out.reject(new Reject(source, line, c + 1, priced.problem().field(), priced.problem().reason(), raw(record)));
                return;
            }
            if (priced.note() != null && notes.add(priced.note())) out.warning(source + ": " + priced.note());
            if (priced.rowNote() != null) out.warning(source + ":" + line + ": " + priced.rowNote());
            out.row(priced.row());
        }

        /** The row as it was in the file, fields joined by its delimiter: made only for a reject. */
        private String raw(CSVRecord record) {
            return String.join(String.valueOf(delimiter), record.toList());
        }

        /** A required column whose value the reader works out from another column the file has (UnitPrices). */
        private boolean givenOtherwise(Field field) {
            String other = field.unlessGiven();
            return other != null && (binding.has(other) || fixed.get(other) != null);
        }

        private static boolean extraCellsEmpty(CSVRecord record, int from) {
            for (int i = from; i < record.size(); i++) {
                if (!record.get(i).isBlank()) return false;
            }
            return true;
        }
    }
}
