package dev.vbp.engine.ledger;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * The decompressed bytes of a gzip file: every member in turn (concatenated gzip files are one file, as for
 * gzip itself), each checked against its CRC-32 and length.
 * <p>
 * Unlike {@link java.util.zip.GZIPInputStream}, bytes after the last member that are not another member are
 * an error, not silently dropped: they are most often a second part appended without compression or a
 * member cut short, that is, purchase lines vbp would otherwise leave out without a word. Zero bytes are
 * the exception: some writers pad files to a block size, and padding holds no lines.
 */
final class GzipMembers extends InputStream {
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos, lim;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long memberOut;
    private boolean done;

    GzipMembers(InputStream in) throws IOException {
        this.in = in;
        readHeader();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!done) {
            if (inflater.needsInput()) {
                if (!fill()) throw new EOFException("the gzip data ends early (the file is cut short)");
                inflater.setInput(buf, pos, lim - pos);
                pos = lim;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("corrupt gzip data (" + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberOut += n;
                return n;
            }
            if (inflater.finished()) {
                pos = lim - inflater.getRemaining();
                endOfMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("corrupt gzip data (a preset dictionary is not gzip)");
            }
        }
        return -1;
    }

    private void endOfMember() throws IOException {
        long storedCrc = u32();
        long storedSize = u32();
        if (storedCrc != crc.getValue() || storedSize != (memberOut & 0xFFFFFFFFL)) {
            throw new ZipException("corrupt gzip data (checksum or length does not match)");
        }
        int first = next();
        if (first < 0) {
            done = true;
            return;
        }
        if (first == 0x1F && peek() == 0x8B) {
            pos--;
            readHeader();
            return;
        }
        long trailing = 1, nonZero = first == 0 ? 0 : 1;
        for (int c; (c = next()) >= 0; ) {
            trailing++;
            if (c != 0) nonZero++;
        }
        if (nonZero > 0) {
            throw new ZipException(String.format("%,d bytes after the end of the gzip data are not gzip (a part appended"
                    + " uncompressed, or a damaged file?); compress the whole file again", trailing));
        }
        done = true;
    }

    private void readHeader() throws IOException {
        if (need() != 0x1F || need() != 0x8B) throw new ZipException("not in gzip format");
        if (need() != 8) throw new ZipException("unsupported gzip compression method");
        int flags = need();
        for (int i = 0; i < 6; i++) need(); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            int xlen = need() | need() << 8;
            for (int i = 0; i < xlen; i++) need();
        }
        if ((flags & FNAME) != 0) while (need() != 0) { /* file name */ }
        if ((flags & FCOMMENT) != 0) while (need() != 0) { /* comment */ }
        if ((flags & FHCRC) != 0) {
            need();
            need();
        }
        inflater.reset();
        crc.reset();
        memberOut = 0;
    }

    private long u32() throws IOException {
        return need() | (long) need() << 8 | (long) need() << 16 | (long) need() << 24;
    }

    private boolean fill() throws IOException {
        if (pos < lim) return true;
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        lim = Math.max(n, 0);
        return n > 0;
    }

    private int next() throws IOException {
        return fill() ? buf[pos++] & 0xFF : -1;
    }

    /** The byte after the one just read, without consuming it (refills keep the byte before in reach). */
    private int peek() throws IOException {
        if (pos < lim) return buf[pos] & 0xFF;
        byte last = buf[pos - 1];
        int n = in.read(buf, 1, buf.length - 1);
        buf[0] = last;
        pos = 1;
        lim = n > 0 ? n + 1 : 1;
        return n > 0 ? buf[1] & 0xFF : -1;
    }

    private int need() throws IOException {
        int c = next();
        if (c < 0) throw new EOFException("the gzip data ends early (the file is cut short)");
        return c;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
