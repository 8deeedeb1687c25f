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
        Rows w = start(dataset, out);
        for (Row row : rows) w.write(row);
        w.flush();
    }

    /** Starts a canonical file on {@code out} (its header), for rows written one at a time as they are read. */
    public static Rows start(Dataset dataset, Writer out) throws IOException {
        return new Rows(dataset, out);
    }

    /** A canonical file being written row by row; {@link #flush} at the end. */
    public static final class Rows {
        private final Dataset dataset;
        private final CSVPrinter printer;
        private final List<String> cells;

        private Rows(Dataset dataset, Writer out) throws IOException {
            this.dataset = dataset;
            this.printer = new CSVPrinter(out, FORMAT);
            List<String> header = new ArrayList<>();
            for (Field f : dataset.fields()) header.add(f.name());
            printer.printRecord(header);
            this.cells = new ArrayList<>(header.size());
        }

        public void write(Row row) throws IOException {
            cells.clear();
            for (int f = 0; f < dataset.fields().size(); f++) {
                Object v = row.get(f);
                cells.add(v == null ? "" : FieldParsers.format(dataset.fields().get(f).type(), v));
            }
            printer.printRecord(cells);
        }

        public void flush() throws IOException {
            printer.flush();
        }
    }
}
