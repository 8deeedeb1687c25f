package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which source column holds which canonical field. A mapping file wins over the built-in aliases; columns
 * that match nothing are ignored (and listed, so a user can see what was not used).
 */
public final class HeaderBinding {
    private final Dataset dataset;
    private final int[] columnOfField;      // field index -> source column index, or -1
    private final List<String> headers;
    private final List<String> unused;

    private HeaderBinding(Dataset dataset, int[] columnOfField, List<String> headers, List<String> unused) {
        this.dataset = dataset;
        this.columnOfField = columnOfField;
        this.headers = headers;
        this.unused = unused;
    }

    public static HeaderBinding bind(Dataset dataset, List<String> headers, HeaderMapping mapping, String source) {
        if (headers.isEmpty() || headers.stream().allMatch(h -> h.isBlank())) {
            throw new BadInputException(source + ":1: the header line is empty");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            String n = HeaderNames.normalise(headers.get(c));
            if (n.isEmpty()) continue;
            Integer before = seen.putIfAbsent(n, c);
            if (before != null) {
                throw new BadInputException(source + ":1:" + (c + 1) + ": duplicate header '" + headers.get(c).trim()
                        + "' (also column " + (before + 1) + ")");
            }
        }
        Map<String, String> mapped = mapping.appliesTo(dataset) ? mapping.columns() : Map.of();
        int[] columnOfField = new int[dataset.fields().size()];
        Arrays.fill(columnOfField, -1);
        List<String> unused = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            String n = HeaderNames.normalise(headers.get(c));
            if (n.isEmpty()) continue;
            int f = mapped.containsKey(n) ? dataset.indexOf(mapped.get(n)) : aliasMatch(dataset, n);
            if (f < 0) {
                unused.add(headers.get(c).trim());
                continue;
            }
            if (columnOfField[f] >= 0) {
                // Two columns claim one field (e.g. 规格 and 规格包装). Only a mapping can say which is meant.
                throw new BadInputException(source + ":1:" + (c + 1) + ": columns '" + headers.get(columnOfField[f]).trim()
                        + "' and '" + headers.get(c).trim() + "' both read as " + dataset.fields().get(f).name()
                        + "; name the one to use in a mapping file (--map)");
            }
            columnOfField[f] = c;
        }
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < columnOfField.length; f++) {
            Field field = dataset.fields().get(f);
            if (field.required() && columnOfField[f] < 0) missing.add(field.name());
        }
        if (!missing.isEmpty()) {
            Field first = dataset.field(missing.get(0));
            throw new BadInputException(source + ":1: missing required column" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "))
                    + " (accepted headers for " + first.name() + ": " + String.join(", ", first.aliases())
                    + "); found: " + headers.stream().map(String::trim).collect(Collectors.joining(", ")));
        }
        return new HeaderBinding(dataset, columnOfField, List.copyOf(headers), List.copyOf(unused));
    }

    private static int aliasMatch(Dataset dataset, String normalised) {
        List<Field> fields = dataset.fields();
        for (int f = 0; f < fields.size(); f++) {
            if (HeaderNames.normalise(fields.get(f).name()).equals(normalised)) return f;
        }
        for (int f = 0; f < fields.size(); f++) {
            for (String alias : fields.get(f).aliases()) {
                if (HeaderNames.normalise(alias).equals(normalised)) return f;
            }
        }
        return -1;
    }

    public Dataset dataset() { return dataset; }

    /** The source column of field {@code f}, or -1 when the file does not carry it. */
    public int column(int f) { return columnOfField[f]; }

    public boolean has(String field) { return columnOfField[dataset.indexOf(field)] >= 0; }

    public String header(int column) { return headers.get(column).trim(); }

    public int headerCount() { return headers.size(); }

    /** Headers that matched no field: shown by {@code validate} so nothing is ignored unseen. */
    public List<String> unused() { return unused; }

    /** field name → the source header it was read from. */
    public Map<String, String> describe() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int f = 0; f < columnOfField.length; f++) {
            if (columnOfField[f] >= 0) m.put(dataset.fields().get(f).name(), header(columnOfField[f]));
        }
        return m;
    }
}
