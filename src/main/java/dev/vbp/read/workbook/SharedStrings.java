package dev.vbp.read.workbook;

import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A workbook's shared strings, held as one UTF-8 byte array with offsets: a million distinct order numbers
 * take some 20 MB instead of the 100 MB of as many {@code String}s (POI's read-only table keeps a list of them).
 * Phonetic runs ({@code rPh}, the readings Excel keeps beside CJK text) are not part of the text.
 */
final class SharedStrings {
    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int[] offsets = new int[1 << 10];
    private int count;

    static SharedStrings read(InputStream in) throws IOException {
        SharedStrings s = new SharedStrings();
        if (in == null) return s;
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(s.new Handler());
            reader.parse(new InputSource(in));
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("the shared strings cannot be read (" + e.getMessage() + ")", e);
        }
        return s;
    }

    int size() {
        return count;
    }

    /** The string at {@code index}, or null when there is none. */
    String get(int index) {
        if (index < 0 || index >= count) return null;
        int from = index == 0 ? 0 : offsets[index - 1];
        return new String(bytes, from, offsets[index] - from, StandardCharsets.UTF_8);
    }

    private void add(String s) {
        byte[] b = CellText.unescapeOoxml(s).getBytes(StandardCharsets.UTF_8);
        if (used + b.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        System.arraycopy(b, 0, bytes, used, b.length);
        used += b.length;
        if (count == offsets.length) offsets = Arrays.copyOf(offsets, count * 2);
        offsets[count++] = used;
    }

    private final class Handler extends DefaultHandler {
        private final StringBuilder text = new StringBuilder();
        private boolean inItem, inText;
        private int phonetic;

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = inItem && phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "si" -> {
                    add(text.toString());
                    inItem = false;
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) text.append(ch, start, length);
        }
    }
}
