package dev.vbp.read.workbook;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Streams one worksheet of an .xlsx into CSV: {@link XSSFReader} opens the parts, SAX reads the sheet's
 * XML row by row (never POI's user model, which holds the whole workbook), shared strings are held
 * compactly ({@link SharedStrings}) and styles decide which numbers are dates. Two passes over the sheet:
 * {@link SheetShape} first (width, merged ranges, which the file stores after the rows), then the rows.
 */
final class XlsxSheets {
    private XlsxSheets() {}

    private static final Pattern DATE_1904 = Pattern.compile("date1904\\s*=\\s*[\"'](1|true)[\"']");
    private static final Pattern ZEROS = Pattern.compile("0+");

    static SheetCsv convert(Path file, SheetChoice choice, OutputStream out) {
        String source = file.toString();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> names = new ArrayList<>();
            List<PackagePart> parts = new ArrayList<>();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream ignored = sheets.next()) {
                    names.add(sheets.getSheetName());
                    parts.add(sheets.getSheetPart());
                }
            }
            int index = choice.pick(names, source);
            PackagePart part = parts.get(index);
            boolean date1904;
            try (InputStream wb = reader.getWorkbookData()) {
                date1904 = DATE_1904.matcher(new String(wb.readAllBytes(), StandardCharsets.UTF_8)).find();
            }
            SharedStrings strings;
            try (InputStream sst = sharedStrings(reader)) {
                strings = SharedStrings.read(sst);
            }
            StylesTable styles = reader.getStylesTable();
            SheetShape shape;
            try (InputStream in = part.getInputStream()) {
                shape = SheetShape.of(in);
            }
            SheetCsvWriter writer = new SheetCsvWriter(out, shape.width, shape.merged);
            try (InputStream in = part.getInputStream()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new Rows(writer, strings, new Styles(styles), date1904, shape.width));
                xml.parse(new InputSource(in));
            } catch (EndOfRows done) {
                // the rest of the sheet (merged ranges, print settings) was read in the first pass
            }
            return new SheetCsv(file, WorkbookFormat.XLSX, names.get(index), List.copyOf(names), writer.rows(), writer.records());
        } catch (WorkbookException e) {
            throw e;
        } catch (java.io.UncheckedIOException e) {
            throw new WorkbookException(source + ": cannot write the sheet's rows (" + e.getCause().getMessage() + ")", e);
        } catch (Exception e) {
            throw new WorkbookException(source + ": cannot read the file as an .xlsx workbook (" + e.getMessage()
                    + "); save it in Excel as .xlsx or CSV UTF-8", e);
        }
    }

    private static InputStream sharedStrings(XSSFReader reader) {
        try {
            return reader.getSharedStringsData();
        } catch (Exception e) {
            return null; // a workbook whose strings are all inline has none
        }
    }

    /** Thrown to stop SAX at the end of the rows. */
    private static final class EndOfRows extends SAXException {
        EndOfRows() {
            super("end of sheetData");
        }
    }

    /** What a style makes of a number: plain, a date, or digits padded with zeros (format {@code 000000}). */
    private static final class Styles {
        private static final int PLAIN = 0, DATE = -1;
        private final StylesTable table;
        private final Map<Integer, Integer> kinds = new HashMap<>();

        Styles(StylesTable table) {
            this.table = table;
        }

        /** PLAIN, DATE, or the width to pad to. */
        int kind(int styleIndex) {
            if (table == null || styleIndex < 0) return PLAIN;
            return kinds.computeIfAbsent(styleIndex, i -> {
                if (i >= table.getNumCellStyles()) return PLAIN;
                XSSFCellStyle style = table.getStyleAt(i);
                if (style == null) return PLAIN;
                String format = style.getDataFormatString();
                if (format != null && ZEROS.matcher(format).matches() && format.length() > 1) return format.length();
                return DateUtil.isADateFormat(style.getDataFormat(), format) ? DATE : PLAIN;
            });
        }
    }

    /** SAX handler for {@code sheetData}: one call to the writer per row. */
    private static final class Rows extends DefaultHandler {
        private final SheetCsvWriter writer;
        private final SharedStrings strings;
        private final Styles styles;
        private final boolean date1904;
        private final StringBuilder value = new StringBuilder();
        private String[] cells;
        private int count;
        private int row = -1, column = -1;
        private String type;
        private int style;
        private boolean inValue, inInline, inText;
        private int phonetic;

        Rows(SheetCsvWriter writer, SharedStrings strings, Styles styles, boolean date1904, int width) {
            this.writer = writer;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.cells = new String[Math.max(1, width)];
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    String r = atts.getValue("r");
                    row = r != null ? Integer.parseInt(r.trim()) - 1 : row + 1;
                    column = -1;
                    Arrays.fill(cells, 0, count, null);
                    count = 0;
                }
                case "c" -> {
                    String r = atts.getValue("r");
                    int c = r != null ? CellText.columnOf(r) : -1;
                    column = c >= 0 ? c : column + 1;
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s.trim());
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "is" -> inInline = true;
                case "rPh" -> phonetic++;
                case "t" -> inText = inInline && phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            switch (local) {
                case "v" -> inValue = false;
                case "is" -> inInline = false;
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                case "c" -> put(column, text());
                case "row" -> writer.row(row, cells, count);
                case "sheetData" -> throw new EndOfRows();
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inText) value.append(ch, start, length);
        }

        private void put(int c, String text) {
            if (text == null || text.isEmpty()) return;
            if (c >= cells.length) cells = Arrays.copyOf(cells, c + 1);
            cells[c] = text;
            count = Math.max(count, c + 1);
        }

        /** The cell's value as the sheet stores it, in the text form both readers parse. */
        private String text() {
            String v = value.toString();
            if (type == null || type.equals("n")) {
                if (v.isEmpty()) return null;
                int kind = styles.kind(style);
                if (kind == Styles.DATE) {
                    try {
                        return CellText.date(Double.parseDouble(v), date1904);
                    } catch (NumberFormatException e) {
                        return v;
                    }
                }
                String plain = CellText.number(v);
                return kind > 0 ? CellText.padded(plain, kind) : plain;
            }
            return switch (type) {
                case "s" -> {
                    try {
                        yield strings.get(Integer.parseInt(v.trim()));
                    } catch (NumberFormatException e) {
                        yield null;
                    }
                }
                case "inlineStr", "str" -> CellText.unescapeOoxml(v);
                case "b" -> v.trim().equals("1") ? "TRUE" : v.trim().equals("0") ? "FALSE" : v;
                case "d" -> v.length() > 10 && v.charAt(10) == 'T' && v.endsWith("T00:00:00") ? v.substring(0, 10) : v.replace('T', ' ');
                default -> v; // "e": the error text (#N/A, #VALUE!) as Excel shows it
            };
        }
    }
}
