package dev.vbp.output;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * The JSON format: one object with exactly the keys {@code command, parameters, assumptions, rows, summary,
 * warnings}, in that order. {@code rows} is an array of objects keyed by column key in column order;
 * {@code summary} an object from item key to value.
 *
 * <p>Numbers are exact: a BigDecimal is a plain JSON number with its scale kept ({@code 1.50}, never
 * {@code 1.5} or {@code 1E+3}), ratios plain numbers in 0–1. Money in rows and summary is rounded half-up
 * once to two decimals (unit prices four) unless the precision is {@link Precision#FULL}; parameters and
 * assumptions are written as given. Dates and other {@code java.time} values,
 * paths and URIs are ISO/plain strings, enums their lowercase name, booleans JSON booleans, null JSON null;
 * lists, sets, arrays and maps nest. Any other type is a programming error and throws
 * IllegalArgumentException rather than leaking a {@code toString()}.
 *
 * <p>Pretty-printed with two-space indentation, {@code "key": value}, empty containers as {@code []} and
 * {@code {}}, non-ASCII text unescaped, {@code \n} line ends and a final newline.
 */
public final class JsonRenderer implements Renderer {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // The caller owns the writer; closing the generator must not close it.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final Precision precision;

    public JsonRenderer() {
        this(Precision.ROUNDED);
    }

    public JsonRenderer(Precision precision) {
        this.precision = java.util.Objects.requireNonNull(precision);
    }

    @Override
    public void render(Report report, PrintWriter out) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeStringField("command", report.command());
            json.writeFieldName("parameters");
            writeValue(json, report.parameters());
            json.writeFieldName("assumptions");
            writeValue(json, report.assumptions());

            json.writeArrayFieldStart("rows");
            List<Column> columns = report.columns();
            for (List<Object> row : report.rows()) {
                json.writeStartObject();
                for (int c = 0; c < columns.size(); c++) {
                    json.writeFieldName(columns.get(c).key());
                    writeValue(json, precision.apply(row.get(c), columns.get(c).kind()));
                }
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeObjectFieldStart("summary");
            for (Report.SummaryItem item : report.summary()) {
                json.writeFieldName(item.key());
                writeValue(json, precision.apply(item.value(), item.kind()));
            }
            json.writeEndObject();

            json.writeArrayFieldStart("warnings");
            for (String warning : report.warnings()) json.writeString(warning);
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // A PrintWriter never throws; this only happens if Jackson itself fails.
            throw new UncheckedIOException(e);
        }
        out.print('\n');
        out.flush();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (value instanceof Double || value instanceof Float) {
            BigDecimal d = DisplayText.decimal(value);
            if (d == null) throw new IllegalArgumentException("JSON has no number for " + value);
            json.writeNumber(d);
        } else if (value instanceof Label label) {
            json.writeString(label.en());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name().toLowerCase(Locale.ROOT));
        } else if (value instanceof TemporalAccessor || value instanceof Path || value instanceof File
                || value instanceof URI || value instanceof Character || value instanceof TemporalAmount) {
            json.writeString(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                json.writeFieldName(key instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(key));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) writeValue(json, item);
            json.writeEndArray();
        } else if (value instanceof Object[] items) {
            writeValue(json, Arrays.asList(items));
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + value);
        }
    }
}
