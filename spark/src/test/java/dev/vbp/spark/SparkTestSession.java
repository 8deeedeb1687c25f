package dev.vbp.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one local[2] Spark context every test shares (starting one takes seconds), with the UI off and
 * splits of 64 KB (the sample ledger in nine); tests that need cuts inside quoted fields ask for
 * {@link #SPLIT_BYTES} through the thread's local property.
 */
final class SparkTestSession {
    static final long SPLIT_BYTES = 4096;
    private static JavaSparkContext context;

    private SparkTestSession() {}

    static synchronized JavaSparkContext get() {
        if (context == null) {
            SparkConf conf = new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("vbp-spark-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.ui.showConsoleProgress", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.sql.shuffle.partitions", "2")
                    .set(SparkLedgerScanner.SPLIT_BYTES, "64k");
            context = new JavaSparkContext(conf);
            context.setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
        }
        return context;
    }
}
