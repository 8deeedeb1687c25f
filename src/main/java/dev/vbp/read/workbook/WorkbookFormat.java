package dev.vbp.read.workbook;


import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kinds of workbook vbp reads, told apart by content, never by the file name: platforms export HTML
 * tables and name them {@code .xls}, and a renamed {@code .xlsx} is still a zip.
 */
public enum WorkbookFormat {
    /** Office Open XML (a zip holding {@code xl/workbook.xml}). */
    XLSX,
    /** Excel 97–2003 (BIFF8 in an OLE2 compound file). */
    XLS,
    /** An HTML page with {@code <table>} elements, as provincial platforms export under a .xls name. */
    HTML;

    private static final int SNIFF_BYTES = 4096;

    /** The workbook format of {@code file}, or null when it is text to read as CSV. */
    public static WorkbookFormat detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (NoSuchFileException e) {
            return null; // the reader says "file not found" in its own words
        } catch (IOException e) {
            return null;
        }
        return detect(head);
    }

    static WorkbookFormat detect(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return XLSX;
        if (head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0 && (head[4] & 0xFF) == 0xA1 && (head[5] & 0xFF) == 0xB1
                && (head[6] & 0xFF) == 0x1A && (head[7] & 0xFF) == 0xE1) return XLS;
        // Markup starts with '<' after a BOM and blanks; the bytes below 0x80 read the same in UTF-8 and GB18030.
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) i = 3;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
        if (i < head.length && head[i] == '<') {
            String text = new String(head, i, head.length - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (text.contains("<table") || text.contains("<html") || text.contains("<!doctype html")) return HTML;
            if (text.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
                throw new WorkbookException("the file is an XML Spreadsheet 2003, which vbp does not read; save it in Excel as .xlsx");
            }
        }
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
