package dev.vbp.domain.dualchannel;

import dev.vbp.domain.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the catalog drug a stock or prescription row means. By drug code where both sides carry one;
 * otherwise by normalised generic name ({@link Texts#key}) and, where both sides give it, dosage form. Two
 * codes that differ never match by name: a different code is a different product. A name that fits several
 * catalog rows is ambiguous and matches none, so the caller lists it rather than guessing.
 */
public final class DrugMatcher {

    /** The drug found, or null with the reason. */
    public record Match(CatalogEntry entry, String reason) {
        public boolean found() { return entry != null; }
    }

    private final Map<String, CatalogEntry> byCode = new HashMap<>();
    private final Map<String, List<CatalogEntry>> byName = new HashMap<>();

    public DrugMatcher(List<CatalogEntry> catalog) {
        for (CatalogEntry e : catalog) {
            if (e.drugCode() != null) byCode.putIfAbsent(e.drugCode(), e);
            byName.computeIfAbsent(Texts.key(e.genericName()), k -> new ArrayList<>()).add(e);
        }
    }

    public Match match(DrugRef ref) {
        if (ref.code() != null) {
            CatalogEntry e = byCode.get(ref.code());
            if (e != null) return new Match(e, null);
        }
        if (ref.genericName() == null) return new Match(null, "drug code " + ref.code() + " is not in the catalog and no generic name is given");
        List<CatalogEntry> candidates = new ArrayList<>();
        for (CatalogEntry e : byName.getOrDefault(Texts.key(ref.genericName()), List.of())) {
            if (ref.code() != null && e.drugCode() != null) continue; // both carry codes, and they differ
            if (ref.dosageForm() != null && e.dosageForm() != null
                    && !Texts.key(ref.dosageForm()).equals(Texts.key(e.dosageForm()))) continue;
            candidates.add(e);
        }
        if (candidates.size() == 1) return new Match(candidates.get(0), null);
        if (candidates.size() > 1) return new Match(null, "generic name " + ref.genericName() + " fits " + candidates.size() + " catalog rows");
        return new Match(null, ref.label() + " is not in the catalog");
    }
}
