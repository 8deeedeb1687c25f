package dev.vbp.read.workbook;


import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The way workbooks come in: one sheet of an .xlsx, .xls or HTML-table file becomes a CSV byte stream
 * (UTF-8, comma, RFC 4180) plus a map back to its rows, and from there both reading stacks read it with
 * the rules they apply to every CSV file. Small datasets convert in memory; ledgers spool to a temporary
 * file, so the parallel ledger scan can still split it by byte offset and memory stays flat.
 */
public final class Workbooks {
    private Workbooks() {}

    /** A sheet converted in memory. */
    public record InMemory(SheetCsv sheet, byte[] csv) {}

    /** A sheet spooled to a temporary CSV file; {@link #close} deletes it. */
    public record Spooled(SheetCsv sheet, Path csv) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException ignored) {
                // a temporary file in the system's temp folder; nothing refers to it
            }
        }
    }

    /** The workbook format of a file by its content, or null for text. */
    public static WorkbookFormat detect(Path file) {
        return WorkbookFormat.detect(file);
    }

    public static InMemory toBytes(Path file, WorkbookFormat format, SheetChoice sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        SheetCsv csv = convert(file, format, sheet, out);
        return new InMemory(csv, out.toByteArray());
    }

    public static Spooled toTempFile(Path file, WorkbookFormat format, SheetChoice sheet) {
        Path tmp;
        try {
            tmp = Files.createTempFile("vbp-sheet-", ".csv");
        } catch (IOException e) {
            throw new WorkbookException(file + ": cannot create a temporary file for the sheet (" + e.getMessage() + ")", e);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            return new Spooled(convert(file, format, sheet, out), tmp);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            if (e instanceof RuntimeException re) throw re;
            throw new WorkbookException(file + ": cannot write the sheet to a temporary file (" + e.getMessage() + ")", e);
        }
    }

    static SheetCsv convert(Path file, WorkbookFormat format, SheetChoice sheet, OutputStream out) {
        return switch (format) {
            case XLSX -> XlsxSheets.convert(file, sheet, out);
            case XLS -> XlsSheets.convert(file, sheet, out);
            case HTML -> HtmlTables.convert(file, sheet, out);
        };
    }
}
