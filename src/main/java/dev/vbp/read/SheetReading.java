package dev.vbp.read;

import dev.vbp.errors.BadInputException;
import dev.vbp.read.workbook.SheetCsv;
import dev.vbp.read.workbook.WorkbookException;
import dev.vbp.read.workbook.WorkbookFormat;
import dev.vbp.read.workbook.Workbooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dataset read from one sheet of a workbook: the sheet becomes CSV ({@link Workbooks}), the CSV is read
 * with the rules of every CSV file, and every place in what comes back (rejects, warnings, errors, rows) is
 * moved from the CSV's line and column to the sheet's cell: {@code file.xlsx!Sheet1!C17}.
 */
final class SheetReading {
    private SheetReading() {}

    static ReadResult read(Path file, WorkbookFormat format, Dataset dataset, ReadSettings settings) {
        Workbooks.InMemory converted;
        try {
            converted = Workbooks.toBytes(file, format, settings.sheet());
        } catch (WorkbookException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        SheetCsv sheet = converted.sheet();
        Places places = new Places(sheet);
        ReadResult csv;
        try {
            csv = DatasetReader.read(converted.csv(), sheet.source(), dataset, settings.forConvertedSheet());
        } catch (BadInputException e) {
            throw new BadInputException(places.inText(e.getMessage()), e);
        }
        List<Row> rows = new ArrayList<>(csv.rows().size());
        for (Row r : csv.rows()) rows.add(r.at(sheet.source(), sheet.row(r.line())));
        List<Reject> rejects = new ArrayList<>(csv.rejects().size());
        for (Reject r : csv.rejects()) {
            rejects.add(new Reject(r.source(), sheet.row(r.line()), r.column(), r.field(), r.reason(), r.raw(),
                    sheet.place(r.line(), r.column())));
        }
        List<String> warnings = new ArrayList<>();
        String others = sheet.otherSheetsNote();
        if (others != null) warnings.add(others);
        for (String w : csv.warnings()) warnings.add(places.inText(w));
        return new ReadResult(dataset, sheet.source(), StandardCharsets.UTF_8, ',', csv.binding(), rows, rejects, warnings);
    }

    /** Rewrites {@code source:line[:column]} in a message as the sheet's cell. */
    private record Places(SheetCsv sheet, Pattern pattern) {
        Places(SheetCsv sheet) {
            this(sheet, Pattern.compile(Pattern.quote(sheet.source()) + ":([0-9]+)(?::([0-9]+))?"));
        }

        String inText(String message) {
            if (message == null) return null;
            Matcher m = pattern.matcher(message);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                long line = Long.parseLong(m.group(1));
                int column = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                m.appendReplacement(b, Matcher.quoteReplacement(sheet.place(line, column)));
            }
            m.appendTail(b);
            return b.toString();
        }
    }
}
