package dev.vbp.engine.usemonitor;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Texts;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * What a ledger line is to use monitoring: a product of a VBP generic (from the bids, selected or not; or a
 * line whose generic name is a VBP generic's), whether it counts as selected on the line's day, its units per
 * pack; or a non-VBP drug of a watched therapeutic class (the class characters of its drug code).
 */
public final class UseLookup implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One VBP generic (name and form): its name as shown, the day its first selected cycle starts, its class. */
    public record Generic(String key, String name, LocalDate start, String therapeuticClass) implements Serializable {}

    /** A bid's product: its generic, units per pack, the day it counts as selected from, its selected firm. */
    record Product(String generic, int packCount, int selectedFrom, String manufacturer) implements Serializable {}

    final Map<String, Product> products = new HashMap<>();
    final Map<String, Generic> generics = new LinkedHashMap<>();
    final Set<String> watchedClasses = new HashSet<>();
    final int classFrom, classTo;

    /** @param classFrom first character (1-based) of the therapeutic class in a drug code; classTo the last */
    public UseLookup(List<Bid> bids, int classFrom, int classTo) {
        this.classFrom = classFrom;
        this.classTo = classTo;
        Map<String, LocalDate> start = new HashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> classes = new HashMap<>();
        for (Bid b : bids) {
            if (!b.selected()) continue;
            String g = key(b.key().fullName());
            names.putIfAbsent(g, b.genericName());
            if (b.cycleStart() != null) start.merge(g, b.cycleStart(), (x, y) -> x.isBefore(y) ? x : y);
            String c = therapeuticClass(b.productCode());
            if (c != null) classes.putIfAbsent(g, c);
        }
        for (Bid b : bids) {
            String g = key(b.key().fullName());
            if (!names.containsKey(g) || b.productCode() == null) continue;
            int from = b.selected() ? (b.cycleStart() == null ? 0 : day(b.cycleStart())) : Integer.MAX_VALUE;
            Product old = products.get(b.productCode());
            String firm = old != null && old.manufacturer() != null ? old.manufacturer()
                    : b.selected() ? (b.manufacturer() == null ? "" : b.manufacturer()) : null;
            products.put(b.productCode(), new Product(g, b.packCount(), old == null ? from : Math.min(old.selectedFrom(), from), firm));
        }
        names.forEach((g, n) -> generics.put(g, new Generic(g, n, start.get(g), classes.get(g))));
        classes.values().forEach(watchedClasses::add);
    }

    static String key(String name) {
        return Texts.key(name == null ? "" : name);
    }

    static int day(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    /** The class characters of a drug code, or null when the code is too short. */
    public String therapeuticClass(String code) {
        if (code == null || code.length() < classTo) return null;
        return code.substring(classFrom - 1, classTo);
    }

    public Map<String, Generic> generics() { return generics; }
}
