package dev.vbp.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * picocli makes a {@link Path} of every file argument, and {@code Path.of("hdfs://nn/ledgers/")} is
 * {@code hdfs:/nn/ledgers}; messages and reports give such inputs, and the files found under them, back as
 * the user wrote them.
 */
class InputsAsWrittenTest {
    static DataSources sources(String... written) {
        Map<String, String> byPath = new java.util.HashMap<>();
        for (String w : written) byPath.put(Path.of(w).toString(), w);
        return new DataSources(null, null, 0).asWritten(byPath);
    }

    @Test
    void aDirectoryAndTheFilesUnderIt() {
        DataSources s = sources("hdfs://nn.example:8020/ledgers/2024/");
        assertEquals("hdfs:/nn.example:8020/ledgers/2024", Path.of("hdfs://nn.example:8020/ledgers/2024/").toString());
        assertEquals("ledger: hdfs://nn.example:8020/ledgers/2024/", s.writtenNames("ledger: hdfs:/nn.example:8020/ledgers/2024"));
        assertEquals("hdfs://nn.example:8020/ledgers/2024/sc/a.csv:12:5: bad date",
                s.writtenNames("hdfs:/nn.example:8020/ledgers/2024/sc/a.csv:12:5: bad date"));
        assertEquals("left out (hdfs://nn.example:8020/ledgers/2024/a.csv:3, hdfs://nn.example:8020/ledgers/2024/b.csv:9)",
                s.writtenNames("left out (hdfs:/nn.example:8020/ledgers/2024/a.csv:3, hdfs:/nn.example:8020/ledgers/2024/b.csv:9)"));
    }

    @Test
    void onlyWholePathsAndOnlyThoseWrittenAsUris() {
        DataSources s = sources("s3a://bucket/ledgers", "s3a://bucket/ledgers-2023/x.csv.gz");
        // another path that begins with the same letters is not the same input
        assertEquals("s3a:/bucket/ledgersX/a.csv", s.writtenNames("s3a:/bucket/ledgersX/a.csv"));
        assertEquals("s3a://bucket/ledgers-2023/x.csv.gz: not gzip", s.writtenNames("s3a:/bucket/ledgers-2023/x.csv.gz: not gzip"));
        assertEquals("s3a://bucket/ledgers/a.csv, s3a://bucket/ledgers", s.writtenNames("s3a:/bucket/ledgers/a.csv, s3a:/bucket/ledgers"));
        // a local path, and a file: URI written with one slash, stay as they are
        assertEquals("sample-data/ledger.csv:2", s.writtenNames("sample-data/ledger.csv:2"));
        assertEquals("file:/data/l.csv: x", sources("file:/data/l.csv").writtenNames("file:/data/l.csv: x"));
        assertEquals("file:///data/l.csv: x", sources("file:///data/l.csv").writtenNames("file:/data/l.csv: x"));
    }

    @Test
    void withoutUrisNothingChanges() {
        assertEquals("hdfs:/nn/x.csv:3", new DataSources(null, null, 0).writtenNames("hdfs:/nn/x.csv:3"));
    }
}
