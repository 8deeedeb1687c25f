package dev.vbp.read.workbook;

import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.record.common.UnicodeString;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams one sheet of an Excel 97–2003 workbook through HSSF's event API (records as they come, never
 * the whole workbook as objects). As with .xlsx, a first pass finds the sheet's width and merged ranges,
 * which BIFF stores after the cells, and the second writes the rows.
 */
final class XlsSheets {
    private XlsSheets() {}

    private static final Pattern ZEROS = Pattern.compile("0+");

    static SheetCsv convert(Path file, SheetChoice choice, OutputStream out) {
        String source = file.toString();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Shape shape = new Shape();
            process(fs, shape);
            int index = choice.pick(shape.names, source);
            Shape sized = new Shape();
            sized.wanted = index;
            process(fs, sized);
            shape = sized;
            SheetCsvWriter writer = new SheetCsvWriter(out, shape.width, shape.merged);
            Cells cells = new Cells(writer, index);
            process(fs, cells);
            cells.flush();
            return new SheetCsv(file, WorkbookFormat.XLS, shape.names.get(index), List.copyOf(shape.names), writer.rows(), writer.records());
        } catch (WorkbookException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkbookException(source + ": cannot read the file as an Excel 97-2003 (.xls) workbook (" + e.getMessage()
                    + "); save it in Excel as .xlsx or CSV UTF-8", e);
        }
    }

    private static void process(POIFSFileSystem fs, HSSFListener listener) throws java.io.IOException {
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(listener);
        new HSSFEventFactory().processWorkbookEvents(request, fs);
    }

    /** Counts worksheets as their BOF records pass: -1 before the first. */
    private abstract static class SheetTracking implements HSSFListener {
        int sheet = -1;
        boolean inWorksheet;

        @Override
        public void processRecord(Record record) {
            if (record instanceof BOFRecord bof) {
                if (bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                    sheet++;
                    inWorksheet = true;
                } else if (bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                    sheet++; // a chart or macro sheet still takes a place in the sheet list
                    inWorksheet = false;
                }
            } else if (record instanceof EOFRecord) {
                inWorksheet = false;
            }
            record(record);
        }

        abstract void record(Record record);
    }

    /** First pass: sheet names; for the wanted sheet, its width and merged ranges. */
    private static final class Shape extends SheetTracking {
        final List<String> names = new ArrayList<>();
        final List<Region> merged = new ArrayList<>();
        int wanted = -1;
        int width;

        @Override
        void record(Record record) {
            if (record instanceof BoundSheetRecord b) {
                names.add(b.getSheetname());
                return;
            }
            if (!inWorksheet || sheet != wanted) return;
            if (record instanceof MergeCellsRecord m) {
                for (int i = 0; i < m.getNumAreas(); i++) {
                    CellRangeAddress a = m.getAreaAt(i);
                    merged.add(new Region(a.getFirstRow(), a.getFirstColumn(), a.getLastRow(), a.getLastColumn()));
                    width = Math.max(width, a.getLastColumn() + 1);
                }
            } else if (record instanceof MulRKRecord rk) {
                width = Math.max(width, rk.getLastColumn() + 1);
            } else if (record instanceof CellValueRecordInterface c) {
                width = Math.max(width, c.getColumn() + 1);
            }
        }
    }

    /** Second pass: the cells of the wanted sheet, a row at a time. */
    private static final class Cells extends SheetTracking {
        private final SheetCsvWriter writer;
        private final int wanted;
        private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(r -> { });
        private SSTRecord strings;
        private boolean date1904;
        private String[] cells = new String[16];
        private int count;
        private int row = -1;
        private int formulaRow = -1, formulaColumn = -1; // a formula whose text result follows in a STRING record

        Cells(SheetCsvWriter writer, int wanted) {
            this.writer = writer;
            this.wanted = wanted;
        }

        @Override
        void record(Record record) {
            formats.processRecord(record);
            if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof DateWindow1904Record w) {
                date1904 = w.getWindowing() == 1;
            }
            if (!inWorksheet || sheet != wanted) return;
            if (record instanceof LabelSSTRecord l) {
                UnicodeString s = strings == null ? null : strings.getString(l.getSSTIndex());
                put(l.getRow(), l.getColumn(), s == null ? null : s.getString());
            } else if (record instanceof LabelRecord l) {
                put(l.getRow(), l.getColumn(), l.getValue());
            } else if (record instanceof NumberRecord n) {
                put(n.getRow(), n.getColumn(), number(n.getValue(), formats.getFormatIndex(n), formats.getFormatString(n)));
            } else if (record instanceof RKRecord rk) {
                put(rk.getRow(), rk.getColumn(), number(rk.getRKNumber(), formatIndexOf(rk.getXFIndex()), formatStringOf(rk.getXFIndex())));
            } else if (record instanceof MulRKRecord rk) {
                for (int i = 0; i < rk.getNumColumns(); i++) {
                    short xf = rk.getXFAt(i);
                    put(rk.getRow(), rk.getFirstColumn() + i, number(rk.getRKNumberAt(i), formatIndexOf(xf), formatStringOf(xf)));
                }
            } else if (record instanceof BoolErrRecord b) {
                put(b.getRow(), b.getColumn(), b.isBoolean() ? (b.getBooleanValue() ? "TRUE" : "FALSE")
                        : FormulaError.forInt(b.getErrorValue()).getString());
            } else if (record instanceof FormulaRecord f) {
                if (f.hasCachedResultString()) {
                    formulaRow = f.getRow();
                    formulaColumn = f.getColumn();
                    return;
                }
                CellType t = f.getCachedResultTypeEnum();
                String v = switch (t) {
                    case NUMERIC -> number(f.getValue(), formats.getFormatIndex(f), formats.getFormatString(f));
                    case BOOLEAN -> f.getCachedBooleanValue() ? "TRUE" : "FALSE";
                    case ERROR -> FormulaError.forInt(f.getCachedErrorValue()).getString();
                    default -> null;
                };
                put(f.getRow(), f.getColumn(), v);
            } else if (record instanceof StringRecord s && formulaRow >= 0) {
                put(formulaRow, formulaColumn, s.getString());
                formulaRow = -1;
            }
        }

        /** A stand-in cell carrying only an XF index, to ask the format tracker about RK numbers. */
        private final NumberRecord probe = new NumberRecord();

        private int formatIndexOf(short xf) {
            probe.setXFIndex(xf);
            return formats.getFormatIndex(probe);
        }

        private String formatStringOf(short xf) {
            probe.setXFIndex(xf);
            return formats.getFormatString(probe);
        }

        private String number(double value, int formatIndex, String format) {
            if (format != null && ZEROS.matcher(format).matches() && format.length() > 1) {
                return CellText.padded(CellText.number(value), format.length());
            }
            if (DateUtil.isADateFormat(formatIndex, format)) return CellText.date(value, date1904);
            return CellText.number(value);
        }

        private void put(int r, int c, String text) {
            if (r != row) {
                flush();
                row = r;
            }
            if (text == null || text.isEmpty()) return;
            if (c >= cells.length) cells = Arrays.copyOf(cells, Math.max(c + 1, cells.length * 2));
            cells[c] = text;
            count = Math.max(count, c + 1);
        }

        void flush() {
            if (row >= 0 && count > 0) writer.row(row, cells, count);
            Arrays.fill(cells, 0, count, null);
            count = 0;
        }
    }

}
