package dev.vbp.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workspace holds: for each dataset, the files imported into it. Written as {@code manifest.yaml};
 * replacing this one file is the commit point of every import.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(@JsonProperty("version") int version,
                       @JsonProperty("datasets") Map<String, List<Entry>> datasets) {

    /** One imported source file. Paths of {@code file} and {@code rejects_file} are relative to the workspace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(@JsonProperty("source") String source,
                        @JsonProperty("sha256") String sha256,
                        @JsonProperty("file") String file,
                        @JsonProperty("rows_accepted") long rowsAccepted,
                        @JsonProperty("rows_rejected") long rowsRejected,
                        @JsonProperty("rejects_file") String rejectsFile,
                        @JsonProperty("mapping") String mapping,
                        @JsonProperty("mapping_sha256") String mappingSha256,
                        @JsonProperty("encoding") String encoding,
                        @JsonProperty("delimiter") String delimiter,
                        @JsonProperty("imported_at") String importedAt) {}

    public static Manifest empty() {
        return new Manifest(1, new LinkedHashMap<>());
    }

    public List<Entry> entries(String dataset) {
        return datasets.getOrDefault(dataset, List.of());
    }

    /** A copy with {@code dataset}'s entries replaced. */
    public Manifest with(String dataset, List<Entry> entries) {
        Map<String, List<Entry>> copy = new LinkedHashMap<>(datasets);
        if (entries.isEmpty()) copy.remove(dataset);
        else copy.put(dataset, new ArrayList<>(entries));
        return new Manifest(version, copy);
    }
}
