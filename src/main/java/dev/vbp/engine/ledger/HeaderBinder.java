package dev.vbp.engine.ledger;

import dev.vbp.read.Dataset;
import dev.vbp.read.Field;
import dev.vbp.read.HeaderNames;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a ledger file's header cells to the fields of {@code Dataset.LEDGER}: by canonical name, by the
 * built-in aliases, and by the user's own mapping (source header → canonical field), all compared after
 * {@link HeaderNames#normalise}. The user's mapping wins over a built-in alias.
 */
final class HeaderBinder {
    private final Map<String, Integer> slotByHeader = new HashMap<>();
    private final Map<Integer, List<String>> acceptedBySlot = new HashMap<>();
    private final java.util.Set<String> alsoRequired;

    /**
     * @param extraAliases source header → canonical ledger field name
     * @param alsoRequired fields the caller needs beyond the dataset's required ones (e.g. channel)
     * @throws IllegalArgumentException when a mapping names a field the ledger does not have
     */
    HeaderBinder(Map<String, String> extraAliases, java.util.Set<String> alsoRequired) {
        this.alsoRequired = alsoRequired;
        List<Field> fields = Dataset.LEDGER.fields();
        for (int slot = 0; slot < fields.size(); slot++) {
            Field f = fields.get(slot);
            accept(f.name(), slot);
            for (String alias : f.aliases()) accept(alias, slot);
        }
        for (Map.Entry<String, String> e : extraAliases.entrySet()) {
            int slot = slotOfField(e.getValue());
            String key = HeaderNames.normalise(e.getKey());
            Integer previous = slotByHeader.put(key, slot);
            if (previous != null && previous != slot) acceptedBySlot.get(previous).remove(e.getKey());
            acceptedBySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(e.getKey());
        }
    }

    private void accept(String header, int slot) {
        slotByHeader.putIfAbsent(HeaderNames.normalise(header), slot);
        acceptedBySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(header);
    }

    private static int slotOfField(String field) {
        List<Field> fields = Dataset.LEDGER.fields();
        String wanted = HeaderNames.normalise(field);
        for (int slot = 0; slot < fields.size(); slot++) {
            if (HeaderNames.normalise(fields.get(slot).name()).equals(wanted)) return slot;
        }
        List<String> names = fields.stream().map(Field::name).toList();
        throw new IllegalArgumentException("header mapping names unknown ledger field '" + field + "' (fields: "
                + String.join(", ", names) + ")");
    }

    /**
     * The column of each field ({@code -1} when absent).
     *
     * @throws LedgerInputException for a duplicated header, two columns meaning the same field, or a
     *                              missing required field
     */
    int[] bind(Path file, List<String> headers) {
        int[] columnOfSlot = new int[Slots.COUNT];
        Arrays.fill(columnOfSlot, -1);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int col = 0; col < headers.size(); col++) {
            String key = HeaderNames.normalise(headers.get(col));
            if (key.isEmpty()) continue;
            Integer before = seen.put(key, col);
            if (before != null) {
                throw new LedgerInputException(file, "duplicate header '" + headers.get(col) + "' (columns "
                        + (before + 1) + " and " + (col + 1) + ")");
            }
            Integer slot = slotByHeader.get(key);
            if (slot == null) continue;
            if (columnOfSlot[slot] >= 0) {
                throw new LedgerInputException(file, "columns '" + headers.get(columnOfSlot[slot]) + "' and '"
                        + headers.get(col) + "' both map to '" + Slots.name(slot) + "'");
            }
            columnOfSlot[slot] = col;
        }
        StringBuilder missing = new StringBuilder();
        List<Field> fields = Dataset.LEDGER.fields();
        for (int slot = 0; slot < fields.size(); slot++) {
            if ((fields.get(slot).required() || alsoRequired.contains(fields.get(slot).name())) && columnOfSlot[slot] < 0) {
                if (missing.length() > 0) missing.append("; ");
                missing.append("missing required column '").append(Slots.name(slot)).append("' (accepted headers: ")
                        .append(String.join(", ", acceptedBySlot.get(slot))).append(')');
            }
        }
        if (missing.length() > 0) {
            throw new LedgerInputException(file, missing + "; found: " + String.join(", ", headers));
        }
        return columnOfSlot;
    }
}
