package dev.vbp.read;

import dev.vbp.errors.EditDistance;
import dev.vbp.errors.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return bind(dataset, headers, mapping.appliesTo(dataset) ? mapping.columns() : Map.of(), Set.of(), Set.of(), source, 1);
    }

    /**
     * The one header binder of both reading stacks. Header cells are compared after
     * {@link HeaderNames#normalise} (case, spaces, line breaks, full-width forms), first as written, then
     * without bracketed parts such as units ({@code 转换比\n（片）} → {@code 转换比}), where a price's brackets still
     * decide whether it is per pack or per minimum unit ({@code 竞标价格\n（最小规格）（元）} → unit_price: {@link UnitPrices});
     * the user's mapping wins over the built-in aliases.
     *
     * @param mapped       normalised source header → canonical field, from the user's mapping files
     * @param alsoRequired fields the caller needs beyond the dataset's required ones (e.g. a ledger's channel)
     * @param headerLine   the line the header is on, for messages
     * @throws BadInputException for an empty or duplicated header, two columns meaning one field, or a missing
     *                           required column: one line naming what was found, a did-you-mean, and {@code --map}
     */
    public static HeaderBinding bind(Dataset dataset, List<String> headers, Map<String, String> mapped,
                                     Set<String> alsoRequired, String source, long headerLine) {
        return bind(dataset, headers, mapped, alsoRequired, Set.of(), source, headerLine);
    }

    /** @param supplied fields given a fixed value ({@code --set}), which count as present though no column holds them */
    public static HeaderBinding bind(Dataset dataset, List<String> headers, Map<String, String> mapped,
                                     Set<String> alsoRequired, Set<String> supplied, String source, long headerLine) {
        String at = source + ":" + headerLine;
        if (headers.isEmpty() || headers.stream().allMatch(h -> h == null || h.isBlank())) {
            throw new BadInputException(at + ": the header line is empty");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            String n = HeaderNames.normalise(headers.get(c));
            if (n.isEmpty()) continue;
            Integer before = seen.putIfAbsent(n, c);
            if (before != null) {
                throw new BadInputException(at + ":" + (c + 1) + ": duplicate header '" + shown(headers.get(c))
                        + "' (also column " + (before + 1) + ")");
            }
        }
        int[] columnOfField = new int[dataset.fields().size()];
        Arrays.fill(columnOfField, -1);
        List<String> unused = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            String n = HeaderNames.normalise(headers.get(c));
            if (n.isEmpty()) continue;
            int f = match(dataset, mapped, n);
            if (f < 0) {
                // Matched by its name alone: a unit in brackets may still say it is the price per minimum unit.
                f = match(dataset, mapped, HeaderNames.withoutBrackets(n));
                if (f >= 0) f = UnitPrices.byBasis(dataset, f, n);
            }
            if (f < 0) {
                unused.add(shown(headers.get(c)));
                continue;
            }
            if (columnOfField[f] >= 0) {
                // Two columns claim one field (e.g. 规格 and 规格包装). Only a mapping can say which is meant.
                throw new BadInputException(at + ":" + (c + 1) + ": columns '" + shown(headers.get(columnOfField[f]))
                        + "' and '" + shown(headers.get(c)) + "' both read as " + dataset.fields().get(f).name()
                        + "; name the one to use in a mapping file (--map)");
            }
            columnOfField[f] = c;
        }
        Set<String> needed = new java.util.HashSet<>(alsoRequired);
        String missing = missing(dataset, present(dataset, columnOfField, supplied), needed, unused);
        if (missing != null) {
            throw new BadInputException(at + ": " + missing + "; found: " + headers.stream().map(HeaderBinding::shown)
                    .collect(Collectors.joining(", ")) + didYouMean(dataset, present(dataset, columnOfField, supplied), needed, unused)
                    + "; name the column in a mapping file (--map FILE; 'vbp columns " + dataset.id() + " --map-template FILE' writes one)");
        }
        return new HeaderBinding(dataset, columnOfField, List.copyOf(headers), List.copyOf(unused));
    }

    /** Whether {@code headers} bind the dataset's required columns (for finding the header row below title rows). */
    public static boolean binds(Dataset dataset, List<String> headers, Map<String, String> mapped, Set<String> alsoRequired) {
        return binds(dataset, headers, mapped, alsoRequired, Set.of());
    }

    public static boolean binds(Dataset dataset, List<String> headers, Map<String, String> mapped, Set<String> alsoRequired,
                                Set<String> supplied) {
        try {
            bind(dataset, headers, mapped, alsoRequired, supplied, "", 1);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /**
     * Columns of which a file must carry at least one, though none is required alone (a stock row names its
     * drug by code or by name). {@link RowRules} checks each row; this checks the header.
     */
    static List<String> alternatives(Dataset dataset) {
        return switch (dataset) {
            case STOCK, PRESCRIPTIONS -> List.of("drug_code", "generic_name");
            case BASELINE -> List.of("product_code", "generic_name");
            default -> List.of();
        };
    }

    private static String missing(Dataset dataset, int[] columnOfField, Set<String> alsoRequired, List<String> unused) {
        List<String> missing = missingFields(dataset, columnOfField, alsoRequired);
        if (!missing.isEmpty()) {
            Field first = dataset.field(missing.get(0));
            return "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "))
                    + " (accepted headers for " + first.name() + ": " + String.join(", ", accepted(first)) + ")"
                    + (first.unlessGiven() == null ? "" : ", or a price per minimum unit (" + first.unlessGiven() + ": "
                    + String.join(", ", accepted(dataset.field(first.unlessGiven()))) + ")");
        }
        List<String> group = alternatives(dataset);
        if (!group.isEmpty() && group.stream().allMatch(f -> columnOfField[dataset.indexOf(f)] < 0)) {
            return "no " + (group.get(0).startsWith("drug") ? "drug" : "product") + " column: expected "
                    + String.join(" or ", group) + " (accepted headers: " + group.stream()
                    .map(f -> String.join(", ", accepted(dataset.field(f)))).collect(Collectors.joining("; ")) + ")";
        }
        return null;
    }

    /** The binding with supplied fields marked present (column -2), for the checks only. */
    private static int[] present(Dataset dataset, int[] columnOfField, Set<String> supplied) {
        if (supplied.isEmpty()) return columnOfField;
        int[] p = columnOfField.clone();
        for (String f : supplied) if (p[dataset.indexOf(f)] < 0) p[dataset.indexOf(f)] = Integer.MAX_VALUE;
        return p;
    }

    private static List<String> missingFields(Dataset dataset, int[] columnOfField, Set<String> alsoRequired) {
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < columnOfField.length; f++) {
            Field field = dataset.fields().get(f);
            if ((field.required() || alsoRequired.contains(field.name())) && columnOfField[f] < 0
                    && !(field.unlessGiven() != null && columnOfField[dataset.indexOf(field.unlessGiven())] >= 0)) {
                missing.add(field.name());
            }
        }
        return missing;
    }

    private static List<String> accepted(Field f) {
        List<String> all = new ArrayList<>();
        all.add(f.name());
        all.addAll(f.aliases());
        return all;
    }

    /** "; did you mean 'drug_name' as generic_name?" for unused headers that resemble a missing field's names. */
    private static String didYouMean(Dataset dataset, int[] columnOfField, Set<String> alsoRequired, List<String> unused) {
        List<String> wanted = new ArrayList<>(missingFields(dataset, columnOfField, alsoRequired));
        if (wanted.isEmpty()) wanted.addAll(alternatives(dataset));
        List<String> guesses = new ArrayList<>();
        Set<String> taken = new java.util.HashSet<>();
        for (String field : wanted) {
            String best = null;
            int bestScore = Integer.MAX_VALUE;
            for (String header : unused) {
                if (taken.contains(header)) continue;
                int score = resemblance(HeaderNames.normalise(header), dataset.field(field));
                if (score < bestScore) {
                    bestScore = score;
                    best = header;
                }
            }
            if (best != null) {
                taken.add(best);
                guesses.add("'" + best + "' as " + field);
            }
        }
        return guesses.isEmpty() ? "" : "; did you mean " + String.join(", ", guesses) + "?";
    }

    /** Lower is closer; MAX_VALUE when the header does not resemble the field at all. */
    private static int resemblance(String header, Field field) {
        int best = Integer.MAX_VALUE;
        for (String name : accepted(field)) {
            String n = HeaderNames.normalise(name);
            if (n.isEmpty() || header.isEmpty()) continue;
            int d = EditDistance.between(header, n);
            boolean contains = (header.length() >= 2 && n.length() >= 2) && (header.contains(n) || n.contains(header));
            // one part of a compound name (drug_name / generic_name share "name")
            boolean sharesWord = sharedWord(name, header);
            if (contains || sharesWord || d <= Math.max(1, Math.min(header.length(), n.length()) / 3)) {
                best = Math.min(best, d);
            }
        }
        return best;
    }

    private static boolean sharedWord(String alias, String header) {
        for (String w : alias.toLowerCase(java.util.Locale.ROOT).split("[_\\s]+")) {
            if (w.length() >= 4 && header.contains(w)) return true;
        }
        return false;
    }

    /** A header cell as shown in messages: trimmed, line breaks as spaces. */
    private static String shown(String header) {
        return header == null ? "" : header.replaceAll("\\s+", " ").strip();
    }

    private static int match(Dataset dataset, Map<String, String> mapped, String normalised) {
        if (normalised.isEmpty()) return -1;
        if (mapped.containsKey(normalised)) return dataset.indexOf(mapped.get(normalised));
        return aliasMatch(dataset, normalised);
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

    public String header(int column) { return shown(headers.get(column)); }

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
