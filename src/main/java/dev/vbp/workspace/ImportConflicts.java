package dev.vbp.workspace;

import dev.vbp.errors.BadInputException;
import dev.vbp.read.Dataset;
import dev.vbp.read.Field;
import dev.vbp.read.NaturalKeys;
import dev.vbp.read.ReadResult;
import dev.vbp.read.Row;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row being imported whose key (a bid's batch and product, an institution's code …) the workspace already
 * holds with other values is a conflict: two versions of one fact, and analyses would silently keep the
 * older. An import that adds to a dataset refuses it and points at {@code --replace}; rows equal to what the
 * workspace holds are fine (the same file in another encoding, a file that overlaps an earlier one), and so
 * are rows that only leave empty what the other has (a file with fewer columns).
 */
final class ImportConflicts {
    private ImportConflicts() {}

    /**
     * @param incoming the rows of the files being imported, as read from the user's files
     * @throws BadInputException when any incoming row conflicts with a row the workspace holds
     */
    static void check(Workspace ws, Dataset dataset, List<Row> incoming) {
        NaturalKeys.Key key = NaturalKeys.of(dataset).orElse(null);
        if (key == null || incoming.isEmpty() || !ws.has(dataset)) return;
        Map<String, String> importedFrom = new HashMap<>();
        for (Manifest.Entry e : ws.manifest().entries(dataset.id())) {
            importedFrom.put(ws.path(e.file()).toString(), e.source());
        }
        Map<String, Row> held = new HashMap<>();
        for (ReadResult r : ws.read(dataset)) {
            for (Row row : r.rows()) held.putIfAbsent(key.of().apply(row), row);
        }
        List<String> conflicts = new ArrayList<>();
        for (Row row : incoming) {
            Row old = held.get(key.of().apply(row));
            if (old == null) continue;
            String differs = firstDifference(dataset, old, row);
            if (differs == null) continue;
            if (conflicts.isEmpty()) {
                String source = importedFrom.getOrDefault(Path.of(old.source()).toString(), old.source());
                conflicts.add(row.where() + ": the " + key.description() + " of this row is already in the workspace"
                        + " (imported from " + source + ") with other values: " + differs);
            } else {
                conflicts.add(row.where());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new BadInputException(conflicts.get(0) + (conflicts.size() > 1 ? " (" + conflicts.size()
                    + " rows conflict)" : "") + "; nothing was imported. To use these files instead of what the workspace"
                    + " holds: vbp import " + dataset.id() + " --replace FILE...");
        }
    }

    /** {@code field old there, new here} for the first field both rows fill with different values, or null. */
    private static String firstDifference(Dataset dataset, Row old, Row row) {
        List<Field> fields = dataset.fields();
        for (int f = 0; f < fields.size(); f++) {
            Object a = old.get(f), b = row.get(f);
            if (a == null || b == null) continue; // a file without the column (or the value) says nothing against the other
            boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
            if (!same) return fields.get(f).name() + " " + shown(a) + " there, " + shown(b) + " here";
        }
        return null;
    }

    private static String shown(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }
}
