package dev.vbp.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows in the workspace's canonical form: UTF-8, comma, the dataset's canonical English headers,
 * values in {@link FieldParsers#format} form. Reading such a file back yields equal rows.
 */
public final class CanonicalCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CanonicalCsv() {}

    public static void write(Dataset dataset, List<Row> rows, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        List<String> header = new ArrayList<>();
        for (Field f : dataset.fields()) header.add(f.name());
        printer.printRecord(header);
        List<String> cells = new ArrayList<>(header.size());
        for (Row row : rows) {
            cells.clear();
            for (int f = 0; f < dataset.fields().size(); f++) {
                Object v = row.get(f);
                cells.add(v == null ? "" : FieldParsers.format(dataset.fields().get(f).type(), v));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }
}
