package dev.vbp.spark;

import dev.vbp.engine.ledger.LedgerStorage;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Ledger files read through Hadoop's file systems (hdfs://, s3a://, file:), wherever a split runs. Files
 * are named by the {@link Path} the reports show; this maps each to its Hadoop URI. The Hadoop
 * configuration travels with it (as Hadoop writes it), so executors reach the same file systems.
 */
final class HadoopStorage implements LedgerStorage, Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> uris;
    private final byte[] configuration;
    private transient Configuration conf;

    HadoopStorage(Map<String, String> displayToUri, Configuration conf) {
        this.uris = new HashMap<>(displayToUri);
        this.configuration = write(conf);
        this.conf = conf;
    }

    @Override
    public InputStream open(Path file, long position) throws IOException {
        org.apache.hadoop.fs.Path p = hadoopPath(file);
        FSDataInputStream in = p.getFileSystem(conf()).open(p, 1 << 20);
        if (position > 0) in.seek(position);
        return in;
    }

    @Override
    public long size(Path file) throws IOException {
        org.apache.hadoop.fs.Path p = hadoopPath(file);
        return p.getFileSystem(conf()).getFileStatus(p).getLen();
    }

    private org.apache.hadoop.fs.Path hadoopPath(Path file) {
        String uri = uris.get(file.toString());
        if (uri == null) throw new IllegalArgumentException("not a file of this scan: " + file);
        return new org.apache.hadoop.fs.Path(URI.create(uri));
    }

    private Configuration conf() {
        if (conf == null) {
            Configuration c = new Configuration(false);
            try {
                c.readFields(new DataInputStream(new ByteArrayInputStream(configuration)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            conf = c;
        }
        return conf;
    }

    static FileSystem fileSystem(URI uri, Configuration conf) throws IOException {
        return FileSystem.get(uri, conf);
    }

    private static byte[] write(Configuration conf) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(b);
            conf.write(out);
            out.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
