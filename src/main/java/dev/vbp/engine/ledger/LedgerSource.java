package dev.vbp.engine.ledger;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one ledger file from a given offset: positioned reads from a {@link FileChannel} into the
 * caller's heap buffer (no memory map: mapped pages would count as resident memory), or the decompressed
 * stream of a gzip file, which can only be read from its start.
 */
abstract class LedgerSource implements Closeable {

    /** Reads up to {@code len} bytes; -1 at end of file. */
    abstract int read(byte[] b, int off, int len) throws IOException;

    /** Bytes of the file as stored that have been consumed so far (compressed bytes for gzip). */
    abstract long storedBytesRead();

    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        }
    }

    /** The decompressed (if need be) stream of the whole file, for sniffing. */
    static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(file);
        return gzip ? new GzipMembers(in) : in;
    }

    /** {@code source} with each CR read as a LF when {@code crOnly} (see {@link FileSniffer#crOnly}). */
    static LedgerSource lineEnds(LedgerSource source, boolean crOnly) {
        if (!crOnly) return source;
        return new LedgerSource() {
            @Override
            int read(byte[] b, int off, int len) throws IOException {
                int n = source.read(b, off, len);
                if (n > 0) crToLf(b, off, off + n);
                return n;
            }

            @Override
            long storedBytesRead() {
                return source.storedBytesRead();
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    static void crToLf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\r') b[i] = '\n';
        }
    }

    static LedgerSource plain(Path file, long position) throws IOException {
        return new Plain(FileChannel.open(file, StandardOpenOption.READ), position);
    }

    static LedgerSource gzip(Path file) throws IOException {
        return new Gzip(Files.newInputStream(file));
    }

    /** The bytes of {@code file} from {@code position}, through a {@link LedgerStorage} (a cluster's file system). */
    static LedgerSource plain(LedgerStorage storage, Path file, long position) throws IOException {
        return new Streamed(storage.open(file, position));
    }

    static LedgerSource gzip(LedgerStorage storage, Path file) throws IOException {
        return new Gzip(storage.open(file, 0));
    }

    static boolean isGzip(LedgerStorage storage, Path file) throws IOException {
        try (InputStream in = storage.open(file, 0)) {
            return in.read() == 0x1F && in.read() == 0x8B;
        }
    }

    static InputStream open(LedgerStorage storage, Path file, boolean gzip) throws IOException {
        InputStream in = storage.open(file, 0);
        return gzip ? new GzipMembers(in) : in;
    }

    /** A plain file read as a stream from a starting offset. */
    private static final class Streamed extends LedgerSource {
        private final InputStream in;
        private long read;

        Streamed(InputStream in) {
            this.in = in;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            int total = 0;
            while (total < len) { // remote streams hand out small pieces; fill the buffer
                int n = in.read(b, off + total, len - total);
                if (n < 0) return total == 0 ? -1 : total;
                total += n;
                if (n == 0) break;
            }
            read += total;
            return total;
        }

        @Override
        long storedBytesRead() {
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class Plain extends LedgerSource {
        private final FileChannel channel;
        private long position;
        private long read;

        Plain(FileChannel channel, long position) {
            this.channel = channel;
            this.position = position;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            int n = channel.read(ByteBuffer.wrap(b, off, len), position);
            if (n > 0) {
                position += n;
                read += n;
            }
            return n;
        }

        @Override
        long storedBytesRead() {
            return read;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class Gzip extends LedgerSource {
        private final Counting counting;
        private final GzipMembers in;

        Gzip(InputStream stored) throws IOException {
            counting = new Counting(stored);
            in = new GzipMembers(counting);
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            int total = 0;
            while (total < len) { // inflater hands out small pieces; fill the buffer
                int n = in.read(b, off + total, len - total);
                if (n < 0) return total == 0 ? -1 : total;
                total += n;
            }
            return total;
        }

        @Override
        long storedBytesRead() {
            return counting.count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count++;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
