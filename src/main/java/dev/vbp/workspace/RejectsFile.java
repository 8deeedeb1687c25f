package dev.vbp.workspace;

import dev.vbp.read.Reject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A workspace's {@code rejects/<dataset>/*.csv}: rejected rows with their reasons, so nothing is dropped
 * without a trace. These files are made to be opened in a spreadsheet, and their cells are whatever the
 * source held, so a cell that starts like a formula ({@code = + - @}, tab, CR) is written with a leading
 * {@code '}, as CSV output does: {@code =cmd|…} stays text.
 */
final class RejectsFile {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private RejectsFile() {}

    static void write(List<Reject> rejects, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord("source", "line", "column", "field", "reason", "raw");
        for (Reject r : rejects) {
            printer.printRecord(text(r.source()), r.line(), r.column() > 0 ? r.column() : "", text(r.field()),
                    text(r.reason()), text(r.raw()));
        }
        printer.flush();
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }
}
