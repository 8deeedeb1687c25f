package dev.vbp.read;

import java.util.List;

/**
 * One canonical column of a dataset: its stable English snake_case name (used in the workspace files, JSON
 * and CSV output), how it is parsed, whether a file must carry it, and the header spellings found in real
 * files. Aliases are compared after {@link HeaderNames#normalise(String)}, so case, spaces, underscores and
 * full-width forms do not matter.
 *
 * @param unlessGiven for a required column, another column that can stand in for it (a price per minimum unit
 *                    stands in for the pack price and the pack count: {@link UnitPrices}); null when none can
 */
public record Field(String name, FieldType type, boolean required, List<String> aliases, String unlessGiven) {

    /** Product and drug codes: the columns a code map (曾用码 → current code) applies to. */
    public boolean isProductCode() {
        return name.equals("product_code") || name.equals("drug_code");
    }

    public static Field required(String name, FieldType type, String... aliases) {
        return new Field(name, type, true, List.of(aliases), null);
    }

    /** Required unless the file carries column {@code other}, from which the reader works this one out. */
    public static Field requiredUnless(String other, String name, FieldType type, String... aliases) {
        return new Field(name, type, true, List.of(aliases), other);
    }

    public static Field optional(String name, FieldType type, String... aliases) {
        return new Field(name, type, false, List.of(aliases), null);
    }
}
