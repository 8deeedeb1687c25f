package dev.vbp.engine.targets;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Category;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Regions;
import dev.vbp.domain.Texts;
import dev.vbp.domain.instruments.TargetSet;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * VBP landing counts (集采品种数): the drug generics and consumable classes with a selected bid whose cycle is in
 * force on a day (cycle start and end both inclusive), against a target. A drug generic is its name with its
 * dosage form (the way 品种 are counted); a consumable class is the bid's name or the first 7 characters of
 * its code (C + the 6-digit classification), as the policy says.
 */
public final class LandedCount {
    private LandedCount() {}

    public enum ClassBy { NAME, CODE }

    /** The report and the kinds (drugs, consumable classes) whose count / target is below --fail-under. */
    public record Result(Report report, List<String> shortfalls) {}

    private static final class Item {
        final Category kind;
        final String name;
        final TreeSet<String> batches = new TreeSet<>();
        final TreeSet<String> products = new TreeSet<>();
        LocalDate from, to;

        Item(Category kind, String name) {
            this.kind = kind;
            this.name = name;
        }
    }

    /**
     * @param region     only bids whose region names it (a list of supply regions included); null: every bid
     * @param target     the target, whose counts may be null (none)
     * @param failUnder  count / target below which the check fails; null: no check
     */
    public static Result count(List<Bid> bids, LocalDate day, String region, ClassBy classBy, TargetSet target, BigDecimal failUnder) {
        Map<String, Item> items = new TreeMap<>();
        int undated = 0;
        for (Bid b : bids) {
            if (!b.selected()) continue;
            if (region != null && (b.region() == null || !Regions.includes(b.region(), region))) continue;
            if (b.cycleStart() == null || b.cycleEnd() == null) {
                undated++;
                continue;
            }
            if (day.isBefore(b.cycleStart()) || day.isAfter(b.cycleEnd())) continue;
            String name = b.category() == Category.CONSUMABLE ? consumableClass(b, classBy) : b.key().fullName();
            String display = b.category() == Category.CONSUMABLE && classBy == ClassBy.CODE ? name
                    : Texts.normalise(b.genericName()) + (b.dosageForm() == null || Texts.key(b.genericName()).contains(Texts.key(b.dosageForm())) ? "" : b.dosageForm());
            Item it = items.computeIfAbsent(b.category().code() + "\u0000" + name, k -> new Item(b.category(), display));
            it.batches.add(b.batchId());
            it.products.add(b.productCode() != null ? b.productCode() : b.where());
            if (it.from == null || b.cycleStart().isBefore(it.from)) it.from = b.cycleStart();
            if (it.to == null || b.cycleEnd().isAfter(it.to)) it.to = b.cycleEnd();
        }
        Report r = new Report("targets", List.of(
                new Column("kind", "Kind", "类别", ValueKind.TEXT),
                new Column("name", "Generic or class", "品种/类别", ValueKind.TEXT),
                new Column("batches", "Batches", "批次", ValueKind.TEXT),
                new Column("products", "Selected products", "中选产品数", ValueKind.INTEGER),
                new Column("cycle_from", "In force from", "执行起", ValueKind.DATE),
                new Column("cycle_to", "In force to", "执行止", ValueKind.DATE)));
        List<Item> sorted = new ArrayList<>(items.values());
        sorted.sort(Comparator.comparing((Item i) -> i.kind).thenComparing(i -> i.name));
        int drugs = 0, classes = 0;
        for (Item i : sorted) {
            if (i.kind == Category.DRUG) drugs++;
            else classes++;
            r.row(i.kind.code(), i.name, String.join(", ", i.batches), i.products.size(), i.from, i.to);
        }
        List<String> shortfalls = new ArrayList<>();
        r.parameter("as_of", day);
        if (region != null) r.parameter("region", region);
        r.summary("drugs", "Drug generics landed", "落地集采药品品种数", ValueKind.INTEGER, drugs);
        r.summary("consumable_classes", "Consumable classes landed", "落地集采耗材类别数", ValueKind.INTEGER, classes);
        if (target != null) {
            r.parameter("target", target.name());
            r.summary("drug_target", "Drug target", "药品品种目标", ValueKind.INTEGER, target.drugs());
            r.summary("drug_attainment", "Drugs / target", "药品目标完成率", ValueKind.RATIO, attainment(drugs, target.drugs()));
            r.summary("consumable_target", "Consumable class target", "耗材类别目标", ValueKind.INTEGER, target.consumableClasses());
            r.summary("consumable_attainment", "Consumable classes / target", "耗材目标完成率", ValueKind.RATIO,
                    attainment(classes, target.consumableClasses()));
            boolean met = (target.drugs() == null || drugs >= target.drugs())
                    && (target.consumableClasses() == null || classes >= target.consumableClasses());
            r.summary("met", "Target met", "达到目标", ValueKind.FLAG, met);
            if (failUnder != null) {
                check(shortfalls, "drugs", drugs, target.drugs(), failUnder);
                check(shortfalls, "consumable classes", classes, target.consumableClasses(), failUnder);
            }
        }
        if (undated > 0) r.warning(undated + " selected bid" + (undated == 1 ? " has" : "s have") + " no cycle start or end; not counted");
        if (failUnder != null) r.warnShortfalls(shortfalls, failUnder);
        return new Result(r, shortfalls);
    }

    static String consumableClass(Bid b, ClassBy by) {
        if (by == ClassBy.CODE && b.productCode() != null && b.productCode().length() >= 7) return b.productCode().substring(0, 7);
        return Texts.key(b.genericName());
    }

    private static BigDecimal attainment(int count, Integer target) {
        if (target == null || target == 0) return null;
        return Exact.ratio(Exact.divide(BigDecimal.valueOf(count), BigDecimal.valueOf(target)));
    }

    private static void check(List<String> shortfalls, String what, int count, Integer target, BigDecimal failUnder) {
        if (target == null || target == 0) return;
        BigDecimal ratio = Exact.divide(BigDecimal.valueOf(count), BigDecimal.valueOf(target));
        if (ratio.compareTo(failUnder) < 0) shortfalls.add(what + " " + count + " of " + target);
    }
}
