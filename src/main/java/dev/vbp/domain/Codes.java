package dev.vbp.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The national medical-insurance coding schemes (docs/rules.md, Units, identity and codes): 医保药品分类与代码 and 医保医用耗材分类与代码.
 * {@link #check} tells which kind of code a string is, or why it is none; {@link CodeMap} translates codes
 * that have since been replaced (曾用码, 转码表), so old ledgers still match new catalogues.
 *
 * <p>Only length, leading letter and character set are checked: the inner segments (classification,
 * generic name, dosage form, manufacturer…) are not validated against the published tables.
 */
public final class Codes {
    private Codes() {}

    /** What a code identifies. */
    public enum Kind {
        /** Western drug (西药): 23 characters starting with X, e.g. {@code XA10BAE021A010010201650}. */
        WESTERN_DRUG(Category.DRUG),
        /** Chinese patent medicine (中成药): 20 characters starting with Z. */
        TCM_DRUG(Category.DRUG),
        /** Formula granule (中药配方颗粒): 20 characters starting with T. */
        GRANULE(Category.DRUG),
        /** Medical consumable: C + 19 digits, or C + 26 digits with the 7-digit spec serial. */
        CONSUMABLE(Category.CONSUMABLE),
        /** Not a code of either scheme; {@link Check#reason()} says why. */
        INVALID(null);

        private final Category category;

        Kind(Category category) { this.category = category; }

        /** Drug or consumable; empty for {@link #INVALID}. */
        public Optional<Category> category() {
            return Optional.ofNullable(category);
        }
    }

    /**
     * The outcome of {@link #check}: the code as checked (normalised), its kind, and for an invalid code a
     * one-line reason such as {@code expected a 23-character drug code starting with X, found 21 characters}
     * ({@code ""} when valid).
     */
    public record Check(String code, Kind kind, String reason) {
        public boolean isValid() {
            return kind != Kind.INVALID;
        }
    }

    /**
     * The form codes are compared in: folded like {@link Texts#normalise}, spaces removed (pasted codes
     * often carry them), upper case. Never numeric: leading zeros stay.
     */
    public static String normalise(String code) {
        return Texts.normalise(code).replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Checks a drug or consumable code after {@link #normalise}. */
    public static Check check(String code) {
        String c = normalise(code);
        if (c.isEmpty()) return invalid(c, "expected a drug or consumable code, found nothing");
        return switch (c.charAt(0)) {
            case 'X' -> fixedLength(c, 23, "drug code starting with X", Kind.WESTERN_DRUG);
            case 'Z' -> fixedLength(c, 20, "drug code starting with Z", Kind.TCM_DRUG);
            case 'T' -> fixedLength(c, 20, "formula-granule code starting with T", Kind.GRANULE);
            case 'C' -> consumable(c);
            default -> invalid(c, "expected a code starting with X, Z or T (drugs) or C (consumables), found '"
                    + c.charAt(0) + "'");
        };
    }

    private static Check fixedLength(String c, int length, String what, Kind kind) {
        if (c.length() != length) {
            return invalid(c, "expected a " + length + "-character " + what + ", found " + characters(c.length()));
        }
        for (int i = 1; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9')) {
                return invalid(c, "expected only letters A-Z and digits in a " + what + ", found '" + ch
                        + "' at position " + (i + 1));
            }
        }
        return new Check(c, kind, "");
    }

    private static Check consumable(String c) {
        if (c.length() != 20 && c.length() != 27) {
            return invalid(c, "expected a 20- or 27-character consumable code starting with C, found "
                    + characters(c.length()));
        }
        for (int i = 1; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') {
                return invalid(c, "expected only digits after the C of a consumable code, found '" + ch
                        + "' at position " + (i + 1));
            }
        }
        return new Check(c, Kind.CONSUMABLE, "");
    }

    private static String characters(int n) {
        return n == 1 ? "1 character" : n + " characters";
    }

    private static Check invalid(String c, String reason) {
        return new Check(c, Kind.INVALID, reason);
    }

    /**
     * Old code → current code (曾用码/转码表). Chains are followed to their end (A→B and B→C translate A to
     * C); a cycle or an old code given two different new codes is an error when the map is built. Codes
     * are compared after {@link Codes#normalise}.
     */
    public static final class CodeMap implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public static final CodeMap EMPTY = new CodeMap(Map.of());

        private static final Set<String> OLD_HEADERS = Set.of("oldcode", "old", "旧编码", "旧代码", "曾用码", "原编码", "原代码");
        private static final Set<String> NEW_HEADERS = Set.of("newcode", "new", "新编码", "新代码", "现编码", "现代码");

        private final Map<String, String> oldToCurrent;

        private CodeMap(Map<String, String> oldToCurrent) {
            this.oldToCurrent = oldToCurrent;
        }

        // By value: a shell's caches compare the map loaded for this command with the one loaded for the last.
        @Override
        public boolean equals(Object o) {
            return o instanceof CodeMap m && oldToCurrent.equals(m.oldToCurrent);
        }

        @Override
        public int hashCode() {
            return oldToCurrent.hashCode();
        }

        /** Builds a map from old → new pairs, resolving chains. */
        public static CodeMap of(Map<String, String> oldToNew) {
            Map<String, String> direct = new LinkedHashMap<>();
            oldToNew.forEach((o, n) -> {
                String old = normalise(o);
                String neu = normalise(n);
                if (old.isEmpty() || neu.isEmpty()) {
                    throw new IllegalArgumentException("code map: expected both an old and a new code, found '"
                            + o + "' → '" + n + "'");
                }
                String problem = add(direct, old, neu);
                if (problem != null) throw new IllegalArgumentException("code map: " + problem);
            });
            return new CodeMap(resolve(direct));
        }

        /**
         * Reads a two-column CSV (comma or tab separated, optional BOM and quotes) whose header names the
         * columns {@code old_code,new_code} or {@code 旧编码,新编码} (also 曾用码/原编码 and 现编码), in
         * either order; other columns are ignored. The caller decodes the bytes (the readers detect
         * GB18030 versus UTF-8). Errors name {@code source} and the line.
         */
        public static CodeMap read(Reader in, String source) throws IOException {
            BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
            String header = lines.readLine();
            if (header == null) throw new IllegalArgumentException(source + ": empty code map, expected a header old_code,new_code");
            if (header.startsWith("\uFEFF")) header = header.substring(1);
            char delimiter = header.indexOf('\t') >= 0 ? '\t' : ',';
            List<String> names = split(header, delimiter);
            int oldColumn = column(names, OLD_HEADERS);
            int newColumn = column(names, NEW_HEADERS);
            if (oldColumn < 0 || newColumn < 0) {
                throw new IllegalArgumentException(source + " line 1: expected a header with old_code and new_code"
                        + " (or 旧编码 and 新编码), found '" + header + "'");
            }
            Map<String, String> direct = new LinkedHashMap<>();
            String line;
            int lineNo = 1;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                List<String> cells = split(line, delimiter);
                String old = cell(cells, oldColumn);
                String neu = cell(cells, newColumn);
                if (old.isEmpty() || neu.isEmpty()) {
                    throw new IllegalArgumentException(source + " line " + lineNo
                            + ": expected both an old and a new code, found '" + line + "'");
                }
                String problem = add(direct, old, neu);
                if (problem != null) throw new IllegalArgumentException(source + " line " + lineNo + ": " + problem);
            }
            try {
                return new CodeMap(resolve(direct));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        /** The current code for {@code code}: its translation if it is an old code, else itself (normalised). */
        public String translate(String code) {
            String c = normalise(code);
            return oldToCurrent.getOrDefault(c, c);
        }

        /** True when {@code code} is an old code this map replaces. */
        public boolean isOld(String code) {
            return oldToCurrent.containsKey(normalise(code));
        }

        /** Number of old codes. */
        public int size() {
            return oldToCurrent.size();
        }

        /** Every old code with its final (chain-resolved) current code, in input order. */
        public Map<String, String> asMap() {
            return oldToCurrent;
        }

        /** Records one pair; returns why it cannot be taken, or null. A code mapped to itself is skipped. */
        private static String add(Map<String, String> direct, String old, String neu) {
            if (old.equals(neu)) return null;
            String earlier = direct.putIfAbsent(old, neu);
            if (earlier != null && !earlier.equals(neu)) {
                return "old code " + old + " already maps to " + earlier + ", found " + neu;
            }
            return null;
        }

        /** Follows every chain to its end; a chain that comes back to a code it passed is a cycle. */
        private static Map<String, String> resolve(Map<String, String> direct) {
            Map<String, String> resolved = new LinkedHashMap<>();
            for (String start : direct.keySet()) {
                Set<String> seen = new LinkedHashSet<>();
                String current = start;
                while (direct.containsKey(current)) {
                    if (!seen.add(current)) {
                        throw new IllegalArgumentException("code map has a cycle: "
                                + String.join(" → ", seen) + " → " + current);
                    }
                    current = direct.get(current);
                }
                resolved.put(start, current);
            }
            return Collections.unmodifiableMap(resolved);
        }

        private static int column(List<String> names, Set<String> wanted) {
            for (int i = 0; i < names.size(); i++) {
                if (wanted.contains(Texts.key(names.get(i)).replace("_", "").replace("-", ""))) return i;
            }
            return -1;
        }

        private static String cell(List<String> cells, int i) {
            return i < cells.size() ? normalise(cells.get(i)) : "";
        }

        /** One CSV line; quotes may wrap a cell and {@code ""} inside quotes is one quote. */
        private static List<String> split(String line, char delimiter) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
