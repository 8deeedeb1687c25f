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
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one file of a dataset into typed rows. The datasets read here (bids, baselines, institutions ...)
 * are small enough to hold; purchase ledgers go through the streaming engine in {@code engine.ledger}.
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
        String source = opened.name();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read the file (" + e.getMessage() + ")");
        }
        return read(bytes, source, dataset, settings);
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
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, settings.charset(), source);
        String text = decoded.text();
        if (text.isBlank()) {
            throw new BadInputException(source + ": the file is empty; expected a header line and rows of " + dataset.id());
        }
        char delimiter = settings.delimiter() != null ? settings.delimiter() : detectDelimiter(bytes);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        LineCounter lines = new LineCounter(text);
        List<Row> rows = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        HeaderBinding binding;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
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
                headLines.add(lines.lineAt((int) r.getCharacterPosition()));
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
            for (int i = chosen + 1; i < head.size(); i++) rowParser.parse(head.get(i), headLines.get(i), rows, rejects, warnings);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lines.lineAt((int) record.getCharacterPosition());
                rowParser.parse(record, line, rows, rejects, warnings);
            }
        } catch (UncheckedIOException | IOException e) {
            throw new BadInputException(source + describeParseFailure(e, lines));
        }
        if (rows.isEmpty() && rejects.isEmpty()) {
            throw new BadInputException(source + ": the file has a header but no rows");
        }
        return new ReadResult(dataset, source, decoded.charset(), delimiter, binding, rows, rejects, warnings);
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

    /** The delimiter of the first non-blank line, by {@link Dialect#detectDelimiter}. */
    static char detectDelimiter(byte[] bytes) {
        int from = Dialect.hasUtf8Bom(bytes, bytes.length) ? 3 : 0;
        while (from < bytes.length && (bytes[from] == '\n' || bytes[from] == '\r')) from++;
        return Dialect.detectDelimiter(bytes, from, bytes.length);
    }

    private static String describeParseFailure(Exception e, LineCounter lines) {
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

    /**
     * Maps a character offset to a 1-based physical line number; offsets must not decrease between calls.
     * LF, CRLF and a lone CR (old Mac "CSV" files) each end a line, as they do for the CSV parser.
     */
    private static final class LineCounter {
        private final String text;
        private int offset;
        private long line = 1;

        LineCounter(String text) { this.text = text; }

        long lineAt(int position) {
            for (; offset < position && offset < text.length(); offset++) {
                char c = text.charAt(offset);
                if (c == '\n' || c == '\r' && (offset + 1 >= text.length() || text.charAt(offset + 1) != '\n')) line++;
            }
            return line;
        }
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

        void parse(CSVRecord record, long line, List<Row> rows, List<Reject> rejects, List<String> warnings) {
            if (record.stream().allMatch(String::isBlank)) return; // Excel's empty rows (",,,,") are blank lines
            String raw = String.join(String.valueOf(delimiter), record.toList());
            int expected = binding.headerCount();
            if (record.size() < expected || record.size() > expected && !extraCellsEmpty(record, expected)) {
                rejects.add(new Reject(source, line, 0, null,
                        "expected " + expected + " fields, found " + record.size(), raw));
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
                    rejects.add(new Reject(source, line, c + 1, field.name(), String.format(
                            "a cell of %,d characters; at most %,d are read", cell.length(), MAX_CELL), raw));
                    return;
                }
                Object value;
                try {
                    value = FieldParsers.parse(field.type(), cell);
                } catch (FieldParseException e) {
                    rejects.add(new Reject(source, line, c + 1, field.name(), e.getMessage(), raw));
                    return;
                }
                if (value instanceof String code && field.isProductCode() && settings.codeMap().isOld(code)) {
                    value = settings.codeMap().translate(code);
                }
                if (value == null && field.required() && !givenOtherwise(field)) {
                    rejects.add(new Reject(source, line, c + 1, field.name(),
                            "required value is empty (column '" + binding.header(c) + "')", raw));
                    return;
                }
                if (value != null && field.type() == FieldType.MEDICAL_CODE && settings.codeCheck() != ReadSettings.CodeCheck.OFF) {
                    Codes.Check check = Codes.check((String) value);
                    if (!check.isValid()) {
                        if (settings.codeCheck() == ReadSettings.CodeCheck.REJECT) {
                            rejects.add(new Reject(source, line, c + 1, field.name(), check.reason(), raw));
                            return;
                        }
                        warnings.add(source + ":" + line + ":" + (c + 1) + ": " + field.name() + ": " + check.reason());
                    }
                }
                values[f] = value;
            }
            Row row = new Row(dataset, values, source, line);
            RowRules.Problem problem = RowRules.check(dataset, row);
            if (problem != null) {
                int c = binding.column(dataset.indexOf(problem.field()));
                rejects.add(new Reject(source, line, c + 1, problem.field(), problem.reason(), raw));
                return;
            }
            UnitPrices.Completed priced = UnitPrices.complete(dataset, row, countGiven);
            if (priced.problem() != null) {
                int c = binding.column(dataset.indexOf(priced.problem().field()));
                rejects.add(new Reject(source, line, c + 1, priced.problem().field(), priced.problem().reason(), raw));
                return;
            }
            if (priced.note() != null && notes.add(priced.note())) warnings.add(source + ": " + priced.note());
            if (priced.rowNote() != null) warnings.add(source + ":" + line + ": " + priced.rowNote());
            rows.add(priced.row());
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
