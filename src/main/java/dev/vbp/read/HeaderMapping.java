package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vbp.errors.Echo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A user's header mapping file, for headers the built-in aliases do not know:
 * <pre>
 * # vbp header mapping: source header -> canonical column
 * dataset: bids            # optional: the mapping then applies to this dataset only
 * columns:
 *   药品名: generic_name
 *   本次中选单价: bid_price
 * set:                     # optional: fixed values for columns the file lacks, as --set COLUMN=VALUE
 *   batch_id: round-3
 * </pre>
 * A {@code --set} on the command line wins over the same column's {@code set:} here.
 * Source headers are compared after {@link HeaderNames#normalise}. An unknown key, an unknown dataset or a
 * canonical column the dataset does not have is reported with the file's line number.
 */
public final class HeaderMapping {
    private final Path source;
    private final Dataset dataset;            // null: applies to any dataset
    private final Map<String, String> columns; // normalised source header -> canonical field
    private final Map<String, String> fixed;   // canonical field -> fixed value (set:)

    private HeaderMapping(Path source, Dataset dataset, Map<String, String> columns) {
        this(source, dataset, columns, Map.of());
    }

    private HeaderMapping(Path source, Dataset dataset, Map<String, String> columns, Map<String, String> fixed) {
        this.fixed = fixed;
        this.source = source;
        this.dataset = dataset;
        this.columns = columns;
    }

    public static HeaderMapping none() {
        return new HeaderMapping(null, null, Map.of());
    }

    public Optional<Path> source() { return Optional.ofNullable(source); }

    public Optional<Dataset> dataset() { return Optional.ofNullable(dataset); }

    public boolean appliesTo(Dataset d) {
        return dataset == null || dataset == d;
    }

    /** Normalised source header → canonical field name. */
    public Map<String, String> columns() { return Collections.unmodifiableMap(columns); }

    /** Fixed values for columns a file lacks (the {@code set:} section), canonical column → text. */
    public Map<String, String> fixedValues() { return Collections.unmodifiableMap(fixed); }

    public static HeaderMapping load(Path file) {
        String name = file.toString();
        Dataset dataset = null;
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Integer> columnLines = new LinkedHashMap<>();
        Map<String, String> fixed = new LinkedHashMap<>();
        Map<String, Integer> fixedLines = new LinkedHashMap<>();
        // Mapping files are written in Notepad as often as anything: GB18030 is as welcome as UTF-8.
        String text = YamlText.read(file, "mapping file");
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        try (JsonParser p = YamlText.parser(text, false)) {
            JsonToken top = p.nextToken();
            if (top == null) throw new BadInputException(name + ": the mapping file is empty; expected 'columns:'");
            if (top != JsonToken.START_OBJECT) {
                throw new BadInputException(name + ":" + line(p) + ": expected 'dataset:' and 'columns:' keys");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = YamlText.scalar(p, name);
                int keyLine = line(p);
                Integer first = keyLines.putIfAbsent(key, keyLine);
                if (first != null) {
                    throw new BadInputException(name + ":" + keyLine + ": '" + Echo.cap(key) + "' is given twice (also on line " + first + ")");
                }
                JsonToken value = p.nextToken();
                switch (key) {
                    case "dataset" -> {
                        String id = value == JsonToken.VALUE_NULL || !value.isScalarValue() ? "" : YamlText.scalar(p, name);
                        dataset = Dataset.byId(id).orElseThrow(() -> new BadInputException(name + ":" + keyLine
                                + ": unknown dataset '" + Echo.cap(id) + "'; expected one of " + datasetIds()));
                    }
                    case "columns" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new BadInputException(name + ":" + keyLine + ": 'columns' must map source headers to column names");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String header = YamlText.scalar(p, name);
                            int l = line(p);
                            JsonToken v = p.nextToken();
                            if (v == JsonToken.VALUE_NULL || v.isScalarValue() && p.getText().isBlank()) {
                                throw new BadInputException(name + ":" + l + ": no column for '" + Echo.cap(header)
                                        + "'; write it as '" + Echo.cap(header) + ": generic_name' (a column name of the dataset)");
                            }
                            if (!v.isScalarValue()) {
                                throw new BadInputException(name + ":" + l + ": the column for '" + Echo.cap(header) + "' must be a name such as generic_name");
                            }
                            Integer before = columnLines.put(HeaderNames.normalise(header), l);
                            if (before != null) {
                                throw new BadInputException(name + ":" + l + ": '" + Echo.cap(header) + "' is mapped twice (also on line " + before + ")");
                            }
                            columns.put(HeaderNames.normalise(header), YamlText.scalar(p, name).trim());
                        }
                    }
                    case "set" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new BadInputException(name + ":" + keyLine + ": 'set' must map column names to values (batch_id: round-3)");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String column = YamlText.scalar(p, name).trim();
                            int l = line(p);
                            JsonToken v = p.nextToken();
                            if (!v.isScalarValue() || v == JsonToken.VALUE_NULL) {
                                throw new BadInputException(name + ":" + l + ": the value for '" + Echo.cap(column) + "' must be text such as round-3");
                            }
                            if (fixedLines.put(column, l) != null) {
                                throw new BadInputException(name + ":" + l + ": '" + Echo.cap(column) + "' is set twice");
                            }
                            fixed.put(column, YamlText.scalar(p, name).trim());
                        }
                    }
                    default -> throw new BadInputException(name + ":" + keyLine + ": unknown key '" + key
                            + "'; expected 'dataset', 'columns' or 'set'");
                }
            }
            YamlText.expectEnd(p, name);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw YamlText.invalid(name, e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read the mapping file (" + Echo.firstLine(e.getMessage()) + ")");
        }
        for (var entry : columns.entrySet()) {
            String field = entry.getValue();
            boolean known = dataset != null
                    ? dataset.fields().stream().anyMatch(f -> f.name().equals(field))
                    : java.util.Arrays.stream(Dataset.values()).anyMatch(d -> d.fields().stream().anyMatch(f -> f.name().equals(field)));
            if (!known) {
                throw new BadInputException(name + ":" + columnLines.get(entry.getKey()) + ": unknown column '" + Echo.cap(field) + "'"
                        + (dataset != null ? "; " + dataset.id() + " has " + dataset.fields().stream().map(Field::name)
                        .collect(Collectors.joining(", ")) : ""));
            }
        }
        for (var entry : fixed.entrySet()) {
            String field = entry.getKey();
            boolean known = dataset != null
                    ? dataset.fields().stream().anyMatch(f -> f.name().equals(field))
                    : java.util.Arrays.stream(Dataset.values()).anyMatch(d -> d.fields().stream().anyMatch(f -> f.name().equals(field)));
            if (!known) {
                throw new BadInputException(name + ":" + fixedLines.get(field) + ": 'set' names an unknown column '" + Echo.cap(field) + "'"
                        + (dataset != null ? "; " + dataset.id() + " has " + dataset.fields().stream().map(Field::name)
                        .collect(Collectors.joining(", ")) : ""));
            }
        }
        return new HeaderMapping(file, dataset, columns, fixed);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String datasetIds() {
        return java.util.Arrays.stream(Dataset.values()).map(Dataset::id).collect(Collectors.joining(", "));
    }
}
