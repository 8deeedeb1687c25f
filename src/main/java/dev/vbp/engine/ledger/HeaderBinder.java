package dev.vbp.engine.ledger;

import dev.vbp.errors.BadInputException;
import dev.vbp.read.Dataset;
import dev.vbp.read.Field;
import dev.vbp.read.HeaderBinding;
import dev.vbp.read.HeaderNames;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a ledger file's header cells to the fields of {@code Dataset.LEDGER} through the reading layer's one
 * binder ({@link HeaderBinding}: canonical names, built-in aliases, the user's mapping, header cells
 * normalised, the same messages as every other dataset).
 */
final class HeaderBinder {
    private final Map<String, String> mapped = new HashMap<>();
    private final Set<String> alsoRequired;

    /**
     * @param extraAliases source header → canonical ledger field name
     * @param alsoRequired fields the caller needs beyond the dataset's required ones (e.g. channel)
     * @throws IllegalArgumentException when a mapping names a field the ledger does not have
     */
    HeaderBinder(Map<String, String> extraAliases, Set<String> alsoRequired) {
        this.alsoRequired = Set.copyOf(alsoRequired);
        for (Map.Entry<String, String> e : extraAliases.entrySet()) {
            mapped.put(HeaderNames.normalise(e.getKey()), fieldNamed(e.getValue()));
        }
    }

    private static String fieldNamed(String field) {
        List<Field> fields = Dataset.LEDGER.fields();
        String wanted = HeaderNames.normalise(field);
        for (Field f : fields) {
            if (HeaderNames.normalise(f.name()).equals(wanted)) return f.name();
        }
        throw new IllegalArgumentException("header mapping names unknown ledger field '" + field + "' (fields: "
                + String.join(", ", fields.stream().map(Field::name).toList()) + ")");
    }

    /** Whether these cells bind every column the scan needs (the header row below title rows is the first that does). */
    boolean binds(List<String> headers) {
        return HeaderBinding.binds(Dataset.LEDGER, headers, mapped, alsoRequired);
    }

    /**
     * The column of each field ({@code -1} when absent).
     *
     * @param line the header's line number
     * @throws LedgerInputException for a duplicated header, two columns meaning the same field, or a
     *                              missing required field
     */
    int[] bind(Path file, List<String> headers, long line) {
        HeaderBinding b;
        try {
            b = HeaderBinding.bind(Dataset.LEDGER, headers, mapped, alsoRequired, file.toString(), line);
        } catch (BadInputException e) {
            throw LedgerInputException.worded(file, e.getMessage());
        }
        int[] columnOfSlot = new int[Slots.COUNT];
        for (int slot = 0; slot < Slots.COUNT; slot++) columnOfSlot[slot] = b.column(slot);
        return columnOfSlot;
    }
}
