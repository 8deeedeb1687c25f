package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import dev.vbp.domain.Codes;
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
        String source = file.toString();
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

    public static ReadResult read(byte[] bytes, String source, Dataset dataset, ReadSettings settings) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, settings.charset(), source);
        String text = decoded.text();
        if (text.isBlank()) {
            throw new BadInputException(source + ": the file is empty; expected a header line and rows of " + dataset.id());
        }
        char delimiter = settings.delimiter() != null ? settings.delimiter() : detectDelimiter(text);
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
            binding = HeaderBinding.bind(dataset, records.next().toList(), settings.mappingFor(dataset), source);
            RowParser rowParser = new RowParser(dataset, binding, settings, source, delimiter);
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

    /** Tab when the header line has more tabs than commas outside quotes, else comma. */
    static char detectDelimiter(String text) {
        int commas = 0, tabs = 0, semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
            else if (!quoted && c == ';') semicolons++;
        }
        if (tabs > commas && tabs >= semicolons) return '\t';
        if (semicolons > commas && semicolons > tabs) return ';';
        return ',';
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

    /** Maps a character offset to a 1-based physical line number; offsets must not decrease between calls. */
    private static final class LineCounter {
        private final String text;
        private int offset;
        private long line = 1;

        LineCounter(String text) { this.text = text; }

        long lineAt(int position) {
            for (; offset < position && offset < text.length(); offset++) {
                if (text.charAt(offset) == '\n') line++;
            }
            return line;
        }
    }

    /** Turns the cells of one record into a typed row or a reject. */
    private static final class RowParser {
        private final Dataset dataset;
        private final HeaderBinding binding;
        private final ReadSettings settings;
        private final String source;
        private final List<Field> fields;
        private final char delimiter;

        RowParser(Dataset dataset, HeaderBinding binding, ReadSettings settings, String source, char delimiter) {
            this.delimiter = delimiter;
            this.dataset = dataset;
            this.binding = binding;
            this.settings = settings;
            this.source = source;
            this.fields = dataset.fields();
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
                if (c < 0) continue;
                Field field = fields.get(f);
                String cell = record.get(c);
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
                if (value == null && field.required()) {
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
            rows.add(row);
        }

        private static boolean extraCellsEmpty(CSVRecord record, int from) {
            for (int i = from; i < record.size(); i++) {
                if (!record.get(i).isBlank()) return false;
            }
            return true;
        }
    }
}
