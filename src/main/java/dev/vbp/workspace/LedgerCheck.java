package dev.vbp.workspace;

import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.engine.ledger.LedgerFileInfo;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.engine.ledger.LineError;
import dev.vbp.read.HeaderMapping;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.Reject;
import dev.vbp.read.workbook.SheetChoice;
import dev.vbp.read.workbook.WorkbookFormat;
import dev.vbp.read.workbook.Workbooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Ledgers can be far bigger than memory, so importing one streams it once through the ledger engine to
 * check every line, then stores the file as it is (gzip stays gzip): the engine reads it directly, in any
 * encoding, and a canonical rewrite would double the disk it takes for nothing.
 */
final class LedgerCheck {
    private LedgerCheck() {}

    static Importer.Pending check(Path file, String sha, ReadSettings settings) {
        HeaderMapping mapping = settings.mappingFor(dev.vbp.read.Dataset.LEDGER);
        SheetChoice sheet = settings.sheet();
        LedgerResult<GroupedSums> r = LedgerScan.of(file).headerAliases(mapping.columns()).maxErrors(Long.MAX_VALUE)
                .encoding(settings.charset()).delimiter(settings.delimiter()).headerRow(settings.headerRow())
                .sheet(sheet).run(GroupedSums.by());
        List<Reject> rejects = new ArrayList<>();
        for (LineError e : r.errors()) {
            rejects.add(new Reject(e.file().toString(), e.line(), e.columnNumber(), e.column(), e.reason(), "", e.place()));
        }
        List<String> warnings = new ArrayList<>();
        if (r.errorCount() > r.errors().size()) {
            warnings.add(file + ": " + r.errorCount() + " malformed lines in all; the first " + r.errors().size() + " are listed");
        }
        LedgerFileInfo info = r.files().get(0);
        String extension = info.gzip() ? ".csv.gz" : ".csv";
        WorkbookFormat workbook = Workbooks.detect(file);
        // A workbook is kept as the CSV of its sheet, which every later scan reads directly.
        Importer.DataWriter data = workbook == null ? tmp -> Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING)
                : tmp -> {
                    try (Workbooks.Spooled s = Workbooks.toTempFile(file, workbook, sheet)) {
                        Files.move(s.csv(), tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                };
        return new Importer.Pending(file, sha, info.encoding(), dev.vbp.read.Dialect.delimiterName(info.delimiter()),
                info.columns().toString(), r.acceptedLines(), r.errorCount(), rejects, warnings, extension,
                data, null);
    }
}
