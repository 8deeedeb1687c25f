package dev.vbp.engine.ledger;

import dev.vbp.read.Dataset;
import dev.vbp.read.workbook.SheetChoice;
import dev.vbp.read.workbook.SheetCsv;
import dev.vbp.read.workbook.WorkbookException;
import dev.vbp.read.workbook.WorkbookFormat;
import dev.vbp.read.workbook.Workbooks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ledgers given as workbooks: each is spooled to a temporary CSV file for the scan (so it is still split
 * across cores by byte offset, and memory stays flat), then deleted. What the scan reports about a spooled
 * file is moved back to the workbook: errors name the sheet's cell, file information the sheet.
 */
final class SheetInputs implements AutoCloseable {
    private final List<Workbooks.Spooled> spooled = new ArrayList<>();
    private final Map<Path, SheetCsv> sheetOf = new HashMap<>();

    /** The files to scan: text files as they are, each workbook replaced by its sheet's CSV. */
    List<Path> prepare(List<Path> files, SheetChoice choice) {
        List<Path> out = new ArrayList<>(files.size());
        for (Path f : files) {
            WorkbookFormat format;
            try {
                format = Workbooks.detect(f);
                if (format == null) {
                    out.add(f);
                    continue;
                }
                Workbooks.Spooled s = Workbooks.toTempFile(f, format, choice);
                spooled.add(s);
                sheetOf.put(s.csv(), s.sheet());
                out.add(s.csv());
            } catch (WorkbookException e) {
                throw new LedgerInputException(f, e.getMessage().startsWith(f.toString())
                        ? e.getMessage().substring(f.toString().length()).replaceFirst("^: ", "") : e.getMessage(), e);
            }
        }
        return out;
    }

    /** Whether {@code file} is the CSV a workbook sheet was spooled to (UTF-8 and comma, whatever the user forced). */
    boolean isSheet(Path file) {
        return sheetOf.containsKey(file);
    }

    boolean any() {
        return !sheetOf.isEmpty();
    }

    LineError translate(LineError e) {
        SheetCsv s = sheetOf.get(e.file());
        if (s == null) return e;
        int column = e.columnNumber() > 0 ? e.columnNumber() : e.column() == null ? 0 : columnOf(e);
        return new LineError(Path.of(s.source()), s.row(e.line()), column, e.column(), e.reason(), s.place(e.line(), column));
    }

    List<LineError> translate(List<LineError> errors) {
        if (!any()) return errors;
        return errors.stream().map(this::translate).toList();
    }

    LedgerFileInfo translate(LedgerFileInfo info) {
        SheetCsv s = sheetOf.get(info.file());
        if (s == null) return info;
        return new LedgerFileInfo(Path.of(s.source()), info.encoding() + " (from " + s.format().label() + ")", false,
                info.delimiter(), false, info.bytes(), info.columns());
    }

    /** A fatal problem in a spooled file, told of the workbook's sheet instead of the temporary file. */
    RuntimeException translate(RuntimeException e) {
        if (!any()) return e;
        if (e instanceof TooManyErrorsException t) return new TooManyErrorsException(t.maxErrors(), translate(t.firstErrors()));
        if (e instanceof LedgerInputException l && sheetOf.containsKey(l.file())) {
            SheetCsv s = sheetOf.get(l.file());
            return new LedgerInputException(Path.of(s.source()), l.getMessage().substring(l.file().toString().length())
                    .replaceFirst("^: ", ""), l);
        }
        return e;
    }

    /** The 1-based column of a field in a spooled file, from the header the scan bound. */
    private final Map<Path, int[]> columns = new HashMap<>();

    void bound(LedgerFormat format) {
        if (sheetOf.containsKey(format.file())) columns.put(format.file(), format.columnOfSlot());
    }

    private int columnOf(LineError e) {
        int[] slots = columns.get(e.file());
        if (slots == null) return 0;
        var fields = Dataset.LEDGER.fields();
        for (int slot = 0; slot < fields.size() && slot < slots.length; slot++) {
            if (fields.get(slot).name().equals(e.column())) return slots[slot] + 1;
        }
        return 0;
    }

    @Override
    public void close() {
        spooled.forEach(Workbooks.Spooled::close);
    }
}
