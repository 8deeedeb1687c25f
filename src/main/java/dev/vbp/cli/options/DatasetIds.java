package dev.vbp.cli.options;

import dev.vbp.cli.UsageException;
import dev.vbp.read.Dataset;

import java.util.Arrays;
import java.util.Iterator;

/** Dataset names for completion and help, and their conversion from what the user typed. */
public class DatasetIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Dataset.values()).map(Dataset::id).iterator();
    }

    public static String list() {
        return String.join(", ", new DatasetIds());
    }

    public static Dataset parse(String id) {
        return Dataset.byId(id).orElseThrow(() -> new UsageException("unknown dataset '" + id + "'; expected one of " + list()));
    }
}
