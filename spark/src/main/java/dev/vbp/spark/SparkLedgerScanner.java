package dev.vbp.spark;

import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerInputException;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.engine.ledger.LedgerScanner;
import dev.vbp.engine.ledger.LedgerSplits;
import dev.vbp.engine.ledger.LedgerSplits.Rescan;
import dev.vbp.engine.ledger.LedgerSplits.Split;
import dev.vbp.engine.ledger.LedgerSplits.SplitResult;
import dev.vbp.engine.ledger.LedgerSplits.Summary;
import dev.vbp.engine.ledger.ProgressListener;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a command's ledger scan on Spark: the driver lists the files (any Hadoop file system) and reads
 * each one's header, every split is parsed on an executor by vbp's own byte-level parser into a fresh
 * aggregate, the rare split whose start fell inside a quoted newline is read again from its true start,
 * and the partial aggregates are merged with {@code treeReduce}. The aggregates' {@code merge} is
 * associative and commutative, so the figures do not depend on which executor ran what, or when.
 */
final class SparkLedgerScanner implements LedgerScanner {
    /**
     * Spark setting: bytes per split of a plain file (default: Spark's own {@code spark.sql.files.maxPartitionBytes},
     * 128 MB). A local property of the same name, set on the driver's thread, wins (tests cut small files small).
     */
    static final String SPLIT_BYTES = "spark.vbp.splitBytes";

    /** Splits of the last scan, and how many of them were read again (for tests). */
    int lastSplits, lastRescans;

    private final JavaSparkContext sc;
    private final Map<String, String> remoteInputs;

    /**
     * @param remoteInputs arguments that are URIs (hdfs://, s3a://), keyed by the {@link Path} picocli made of
     *                     them, which drops a slash; everything else is a local path
     */
    SparkLedgerScanner(JavaSparkContext sc, Map<String, String> remoteInputs) {
        this.sc = sc;
        this.remoteInputs = Map.copyOf(remoteInputs);
    }

    @Override
    public <A extends LedgerAggregate<A>> LedgerResult<A> run(LedgerScan scan, Supplier<A> newAggregate,
                                                            ProgressListener progress) {
        Configuration conf = sc.hadoopConfiguration();
        Map<String, String> uris = new LinkedHashMap<>();
        List<Path> files = expand(scan.inputs(), conf, uris);
        HadoopStorage storage = new HadoopStorage(uris, conf);
        String local = sc.getLocalProperty(SPLIT_BYTES);
        long splitBytes = local != null ? org.apache.spark.network.util.JavaUtils.byteStringAsBytes(local)
                : sc.getConf().getSizeAsBytes(SPLIT_BYTES, sc.getConf().get("spark.sql.files.maxPartitionBytes", "128m"));
        LedgerSplits plan = scan.splits(files, storage, splitBytes);
        byte[] empty = serialize(newAggregate.get());
        lastSplits = plan.splits().size();
        lastRescans = 0;

        JavaRDD<SplitResult<A>> first = located(plan.splits(), uris, conf)
                .map(s -> plan.scan(s, SparkLedgerScanner.<A>copy(empty), storage))
                .persist(StorageLevel.MEMORY_AND_DISK_SER()); // serialized: merging in place never touches the cache
        List<JavaRDD<SplitResult<A>>> rounds = new ArrayList<>();
        try {
            rounds.add(first);
            List<Summary> summaries = sorted(first.map(SplitResult::summary).collect());
            List<Integer> roundOf = new ArrayList<>();
            for (int i = 0; i < summaries.size(); i++) roundOf.add(0);
            List<Rescan> again;
            while (!(again = plan.misaligned(summaries)).isEmpty()) {
                lastRescans += again.size();
                JavaRDD<SplitResult<A>> rescans = sc.parallelize(again, again.size())
                        .map(r -> plan.rescan(r, SparkLedgerScanner.<A>copy(empty), storage))
                        .persist(StorageLevel.MEMORY_AND_DISK_SER());
                rounds.add(rescans);
                for (Summary s : rescans.map(SplitResult::summary).collect()) {
                    summaries.set(s.index(), s);
                    roundOf.set(s.index(), rounds.size() - 1);
                }
            }
            plan.result(null, summaries); // failures and the error limit, before any merging

            JavaRDD<A> partials = null;
            for (int k = 0; k < rounds.size(); k++) {
                HashSet<Integer> current = new HashSet<>();
                for (int i = 0; i < roundOf.size(); i++) if (roundOf.get(i) == k) current.add(i);
                if (current.isEmpty()) continue;
                JavaRDD<A> these = rounds.get(k).filter(r -> current.contains(r.summary().index())).map(SplitResult::aggregate);
                partials = partials == null ? these : partials.union(these);
            }
            A total = partials.treeReduce((a, b) -> a.merge(b));
            return plan.result(total, summaries);
        } finally {
            rounds.forEach(JavaRDD::unpersist);
        }
    }

    /**
     * One partition per split, each preferring the hosts that store its bytes (HDFS block locations), so
     * executors read locally where they can. Local files have no preference, nor has anything in local mode:
     * a preferred host that does not match would only delay the tasks.
     */
    private JavaRDD<Split> located(List<Split> splits, Map<String, String> uris, Configuration conf) {
        if (sc.isLocal()) return sc.parallelize(splits, splits.size());
        List<Tuple2<Split, scala.collection.immutable.Seq<String>>> located = new ArrayList<>(splits.size());
        boolean any = false;
        for (Split s : splits) {
            List<String> hosts = new ArrayList<>();
            URI uri = URI.create(uris.get(s.file()));
            if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
                try {
                    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
                    FileSystem fs = p.getFileSystem(conf);
                    for (BlockLocation b : fs.getFileBlockLocations(fs.getFileStatus(p), s.start(), Math.max(1, s.weight()))) {
                        for (String h : b.getHosts()) if (!hosts.contains(h)) hosts.add(h);
                    }
                } catch (IOException e) {
                    hosts.clear(); // no preference: the task reads remotely
                }
            }
            any |= !hosts.isEmpty();
            located.add(new Tuple2<>(s, CollectionConverters.asScala(hosts).toList()));
        }
        if (!any) return sc.parallelize(splits, splits.size());
        ClassTag<Split> tag = ClassTag$.MODULE$.apply(Split.class);
        return JavaRDD.fromRDD(sc.sc().makeRDD(CollectionConverters.asScala(located).toList(), tag), tag);
    }

    private static List<Summary> sorted(List<Summary> summaries) {
        List<Summary> out = new ArrayList<>(summaries);
        out.sort(Comparator.comparingInt(Summary::index));
        return out;
    }

    /**
     * The ledger files of the inputs, named as a local scan names them (a directory's files under the
     * directory as given, sorted), with each one's URI put into {@code uris}.
     */
    private List<Path> expand(List<Path> inputs, Configuration conf, Map<String, String> uris) {
        List<Path> files = new ArrayList<>();
        for (Path given : inputs) {
            String remote = remoteInputs.get(given.toString());
            URI uri = remote != null ? URI.create(remote) : given.toAbsolutePath().normalize().toUri();
            try {
                org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(uri);
                FileSystem fs = hp.getFileSystem(conf);
                FileStatus status;
                try {
                    status = fs.getFileStatus(hp);
                } catch (FileNotFoundException e) {
                    throw new LedgerInputException(given, "no such file or directory");
                }
                if (!status.isDirectory()) {
                    files.add(given);
                    uris.put(given.toString(), status.getPath().toUri().toString());
                    continue;
                }
                String base = status.getPath().toUri().getPath();
                if (!base.endsWith("/")) base += "/";
                List<Path> found = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(hp, true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    String path = f.getPath().toUri().getPath();
                    if (!f.isFile() || !path.startsWith(base)) continue;
                    Path display = given.resolve(path.substring(base.length()));
                    if (!LedgerScan.isLedgerFileName(display)) continue;
                    found.add(display);
                    uris.put(display.toString(), f.getPath().toUri().toString());
                }
                if (found.isEmpty()) {
                    throw new LedgerInputException(given, "no ledger files (*.csv, *.tsv, *.txt, *.gz) in this directory");
                }
                found.sort(null);
                files.addAll(found);
            } catch (IOException e) {
                throw new LedgerInputException(given, "cannot list: " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** An empty aggregate as bytes, so each split on each executor starts from its own copy. */
    private static byte[] serialize(Object empty) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(b)) {
                out.writeObject(empty);
            }
            return b.toByteArray();
        } catch (NotSerializableException e) {
            throw new IllegalStateException(empty.getClass().getName() + " is not Serializable, so it cannot run on Spark ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <A> A copy(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, SparkLedgerScanner.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return (A) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot copy the empty aggregate: " + e, e);
        }
    }
}
