package dev.vbp.cli.shell;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Institution;
import dev.vbp.read.Dataset;
import dev.vbp.read.ReadResult;
import dev.vbp.read.Row;
import dev.vbp.workspace.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The workspace's own values that options take, for completion: dataset names, batch ids, institution codes
 * and names, counties, levels, generic names. Read through the parsed-file cache and read again when the
 * manifest changes; a workspace that cannot be read simply offers nothing.
 */
final class WorkspaceValues {
    private Path root;
    private FileTime manifestTime;
    private Map<String, Set<String>> values = Map.of();

    /** Values by kind: batch, institution_code, institution_name, county, level, generic_name, region. */
    synchronized Map<String, Set<String>> of(Path workspace) {
        Workspace ws = new Workspace(workspace);
        FileTime time;
        try {
            time = Files.isRegularFile(ws.manifestPath()) ? Files.getLastModifiedTime(ws.manifestPath()) : null;
        } catch (java.io.IOException e) {
            time = null;
        }
        if (workspace.equals(root) && java.util.Objects.equals(time, manifestTime)) return values;
        root = workspace;
        manifestTime = time;
        Map<String, Set<String>> v = new TreeMap<>();
        try {
            for (Institution i : read(ws, Dataset.INSTITUTIONS, dev.vbp.read.Records::institution)) {
                add(v, "institution_code", i.code());
                add(v, "institution_name", i.name());
                add(v, "county", i.county());
                add(v, "level", i.level());
            }
            for (Bid b : read(ws, Dataset.BIDS, dev.vbp.read.Records::bid)) {
                add(v, "batch_id", b.batchId());
                add(v, "generic_name", b.genericName());
                add(v, "product_code", b.productCode());
            }
        } catch (RuntimeException e) {
            // completion must never fail a keystroke; the command itself will say what is wrong
        }
        values = v;
        return v;
    }

    private static <T> List<T> read(Workspace ws, Dataset dataset, Function<Row, T> convert) {
        if (!ws.exists() || !ws.has(dataset)) return List.of();
        List<T> out = new ArrayList<>();
        for (ReadResult r : ws.read(dataset)) {
            for (Row row : r.rows()) {
                try {
                    out.add(convert.apply(row));
                } catch (RuntimeException e) {
                    // a row the analysis would reject offers no value
                }
            }
        }
        return out;
    }

    private static void add(Map<String, Set<String>> v, String kind, String value) {
        if (value != null && !value.isBlank()) v.computeIfAbsent(kind, k -> new TreeSet<>()).add(value.strip());
    }

    static Collection<String> get(Map<String, Set<String>> v, String kind) {
        return v.getOrDefault(kind, Set.of());
    }
}
